import {useCallback, useEffect, useState, useSyncExternalStore} from 'react';

import type {ConnectAPI} from '../../client';
import {errorMessage} from '../../error_message';
import type {NotificationPreferences} from '../../types/notifications';

import {loadInto, saveThrough} from '../common/keyed_store';
import {preferencesStore} from './preferences_store';

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
export function useNotificationPreferences(client: ConnectAPI, conversationId: string): NotificationPreferencesState {
    const preferences = useSyncExternalStore(
        useCallback((listener: () => void) => preferencesStore.subscribe(conversationId, listener), [conversationId]),
        () => preferencesStore.known(conversationId),
    );
    const {failure, setFailure} = useFailureOf(conversationId);
    const [saving, setSaving] = useState(false);

    useEffect(() => {
        let current = true;
        loadInto(preferencesStore, conversationId, () => client.getNotificationPreferences(conversationId)).catch(
            (error: unknown) => current && setFailure(errorMessage(error)),
        );
        return () => {
            current = false;
        };
    }, [client, conversationId, setFailure]);

    const save = useCallback(async (next: NotificationPreferences) => {
        setFailure(null);
        setSaving(true);
        try {
            await saveThrough(preferencesStore, conversationId, next, () => client.setNotificationPreferences(conversationId, next));
        } catch (error) {
            setFailure(errorMessage(error));
        } finally {
            setSaving(false);
        }
    }, [client, conversationId, setFailure]);

    return {preferences, failure, saving, save};
}

// A failure kept with the conversation it is about, so another conversation starts without it.
export function useFailureOf(conversationId: string): {failure: string | null; setFailure: (message: string | null) => void} {
    const [failureOf, setFailureOf] = useState<{id: string; message: string} | null>(null);
    const failure = failureOf?.id === conversationId ? failureOf.message : null;
    const setFailure = useCallback((message: string | null) => setFailureOf(message === null ? null : {id: conversationId, message}), [conversationId]);
    return {failure, setFailure};
}
