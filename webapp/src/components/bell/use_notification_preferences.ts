import {useCallback, useEffect, useState, useSyncExternalStore} from 'react';

import type {ConnectAPI} from '../../client';
import {errorMessage} from '../../error_message';
import type {NotificationPreferences} from '../../types/notifications';

import {knownPreferences, preferencesChanged, preferencesVersion, subscribePreferences} from './preferences_store';

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
        useCallback((listener: () => void) => subscribePreferences(conversationId, listener), [conversationId]),
        () => knownPreferences(conversationId),
    );

    // Kept with the conversation it is about, so another conversation starts without it.
    const [failureOf, setFailureOf] = useState<{id: string; message: string} | null>(null);
    const failure = failureOf?.id === conversationId ? failureOf.message : null;
    const setFailure = useCallback((message: string | null) => setFailureOf(message === null ? null : {id: conversationId, message}), [conversationId]);
    const [saving, setSaving] = useState(false);

    useEffect(() => {
        let current = true;
        const asked = preferencesVersion(conversationId);
        client.getNotificationPreferences(conversationId).then(
            (answer) => preferencesVersion(conversationId) === asked && preferencesChanged(conversationId, answer),
            (error: unknown) => current && setFailure(errorMessage(error)),
        );
        return () => {
            current = false;
        };
    }, [client, conversationId, setFailure]);

    const save = useCallback(async (next: NotificationPreferences) => {
        const before = knownPreferences(conversationId);
        setFailure(null);
        setSaving(true);
        preferencesChanged(conversationId, next);
        const mine = preferencesVersion(conversationId);
        try {
            const answer = await client.setNotificationPreferences(conversationId, next);
            if (preferencesVersion(conversationId) === mine) {
                preferencesChanged(conversationId, answer);
            }
        } catch (error) {
            if (before && preferencesVersion(conversationId) === mine) {
                preferencesChanged(conversationId, before);
            }
            setFailure(errorMessage(error));
        } finally {
            setSaving(false);
        }
    }, [client, conversationId, setFailure]);

    return {preferences, failure, saving, save};
}
