import {useCallback, useEffect, useState, useSyncExternalStore} from 'react';

import type {ConnectAPI} from '../../client';
import {errorMessage} from '../../error_message';
import type {ConversationDigest, DigestChange, DigestSettings} from '../../types/digest';

import {conversationDigestStore, digestSettingsStore, mine} from './digest_store';
import {loadInto, saveThrough, type KeyedStore} from '../common/keyed_store';
import {useFailureOf} from './use_notification_preferences';

export interface DigestState {
    // Undefined until the server answered the first time.
    settings: DigestSettings | undefined;
    inclusion: ConversationDigest | undefined;
    failure: string | null;
    saving: boolean;
    change: (change: DigestChange) => Promise<void>;
    include: (included: boolean) => Promise<void>;
}

function useKnown<T>(store: KeyedStore<T>, key: string): T | undefined {
    return useSyncExternalStore(
        useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]),
        () => store.known(key),
    );
}

// F-53: the caller's email digest and whether one conversation is in it, read when shown,
// following changes from other windows and clients, and saved at once.
export function useDigest(client: ConnectAPI, conversationId: string): DigestState {
    const settings = useKnown(digestSettingsStore, mine);
    const inclusion = useKnown(conversationDigestStore, conversationId);
    const {failure, setFailure} = useFailureOf(conversationId);
    const [saving, setSaving] = useState(false);

    useEffect(() => {
        let current = true;
        const fail = (error: unknown) => current && setFailure(errorMessage(error));
        loadInto(digestSettingsStore, mine, () => client.getDigest()).catch(fail);
        loadInto(conversationDigestStore, conversationId, () => client.getConversationDigest(conversationId)).catch(fail);
        return () => {
            current = false;
        };
    }, [client, conversationId, setFailure]);

    const withSaving = useCallback(async (save: () => Promise<void>) => {
        setFailure(null);
        setSaving(true);
        try {
            await save();
        } catch (error) {
            setFailure(errorMessage(error));
        } finally {
            setSaving(false);
        }
    }, [setFailure]);

    const change = useCallback((next: DigestChange) => withSaving(async () => {
        const before = digestSettingsStore.known(mine);
        if (before) {
            await saveThrough(digestSettingsStore, mine, {...before, ...next}, () => client.setDigest(next));
        }
    }), [client, withSaving]);

    const include = useCallback((included: boolean) => withSaving(async () => {
        const before = conversationDigestStore.known(conversationId);
        await saveThrough(conversationDigestStore, conversationId, {included, reason: before?.reason ?? ''}, () => client.setConversationDigest(conversationId, included));
    }), [client, conversationId, withSaving]);

    return {settings, inclusion, failure, saving, change, include};
}
