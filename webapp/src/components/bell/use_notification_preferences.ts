import {useCallback} from 'react';

import type {NotificationPreferences} from '../../types/notifications';
import {useKnown} from '../common/use_known';

export interface NotificationPreferencesState {
    // Undefined until the server answered the first time.
    preferences: NotificationPreferences | undefined;
    failure: string | null;
    saving: boolean;
    save: (next: NotificationPreferences) => Promise<void>;
}

// One conversation's bell: reads the preferences when shown, follows every change (this page's
// other bells and the server's notifications_changed event) and saves a choice at once. A choice
// shows before the server answers and goes back if it refuses.
export function useNotificationPreferences(conversationId: string): NotificationPreferencesState {
    const preferences = useKnown('notificationPreferences', conversationId);
    const {save: saveKnown} = preferences;
    const save = useCallback(
        (next: NotificationPreferences) => saveKnown(next, (client) => client.setNotificationPreferences(conversationId, next)),
        [conversationId, saveKnown],
    );
    return {preferences: preferences.value, failure: preferences.failure ?? preferences.readFailure, saving: preferences.busy, save};
}
