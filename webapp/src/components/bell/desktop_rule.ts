import type {ConnectAPI} from '../../client';
import type {Conversation} from '../../types/connect';
import type {NotificationPreferences} from '../../types/notifications';

import {knownPreferences, preferencesChanged} from './preferences_store';

// F-52: whether the bell lets a new message show a browser notification. Muted or "Never": no;
// "Only @mentions" (groups): only when the message mentions the user; "All activity": yes.
export function desktopAllows(preferences: NotificationPreferences, mentioned: boolean): boolean {
    if (preferences.muted) {
        return false;
    }
    switch (preferences.desktop) {
    case 'none':
        return false;
    case 'mention':
        return mentioned;
    default:
        return true;
    }
}

export type DesktopGate = (conversation: Conversation, mentioned: boolean) => Promise<boolean>;

// The bell's answer for a conversation's new message, reading its preferences from the server
// the first time (later changes arrive with notifications_changed). When they cannot be read,
// the message notifies, as before there was a bell.
export function bellDesktopGate(client: ConnectAPI): DesktopGate {
    return async (conversation, mentioned) => {
        let preferences = knownPreferences(conversation.id);
        if (!preferences) {
            try {
                preferences = await client.getNotificationPreferences(conversation.id);
                preferencesChanged(conversation.id, preferences);
            } catch {
                return true;
            }
        }
        return desktopAllows(preferences, conversation.kind === 'direct' || mentioned);
    };
}
