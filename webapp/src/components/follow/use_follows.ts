import {useCallback, useEffect, useState, useSyncExternalStore} from 'react';

import type {ConnectAPI} from '../../client';
import {errorMessage} from '../../error_message';
import type {Follow} from '../../types/follow';

import {followEnded, followOf, followStarted, followsStore, mine, type RecordRef} from './follows_store';

export interface FollowState {
    // Undefined until the server answered the first time.
    follows: Follow[] | undefined;
    followOf: (record: RecordRef) => Follow | undefined;

    // The number of the record being followed or unfollowed.
    busy: string | null;
    failure: string | null;
    follow: (record: RecordRef) => Promise<Follow | undefined>;
    unfollow: (record: RecordRef) => Promise<void>;
}

let loading: Promise<void> | undefined;

// Reads the user's follows once per page (every card and tab shares them); events keep them current.
function loadFollows(client: ConnectAPI): Promise<void> {
    loading ??= client.getFollows().then(
        (list) => followsStore.changed(mine, list.follows),
        (error: unknown) => {
            loading = undefined;
            throw error;
        },
    );
    return loading;
}

// Forgets the follows (the user signed out); they are read again when next needed.
export function forgetFollows(): void {
    loading = undefined;
    followsStore.reset();
}

// F-60/F-62: the records the user follows, and following or unfollowing one.
export function useFollows(client: ConnectAPI): FollowState {
    const follows = useSyncExternalStore(
        useCallback((listener: () => void) => followsStore.subscribe(mine, listener), []),
        () => followsStore.known(mine),
    );
    const [busy, setBusy] = useState<string | null>(null);
    const [failure, setFailure] = useState<string | null>(null);

    useEffect(() => {
        // Without the list every button offers Follow, and following says so if it already was.
        loadFollows(client).catch(() => undefined);
    }, [client]);

    const acting = useCallback(async <T, >(record: RecordRef, request: () => Promise<T>): Promise<T | undefined> => {
        setBusy(record.number);
        setFailure(null);
        try {
            return await request();
        } catch (error) {
            setFailure(errorMessage(error));
            return undefined;
        } finally {
            setBusy(null);
        }
    }, []);

    const follow = useCallback((record: RecordRef) => acting(record, async () => {
        const answer = await client.follow(record.sys_id ? {table: record.table, sys_id: record.sys_id} : {record: record.number});
        followStarted(answer);
        return answer;
    }), [acting, client]);

    const unfollow = useCallback(async (record: RecordRef) => {
        const known = followOf(record);
        if (!known) {
            return;
        }
        await acting(record, async () => {
            await client.unfollow(known.table, known.sys_id);
            followEnded(known);
        });
    }, [acting, client]);

    // Reads the store itself: follows is what makes a component using it render again.
    const currentFollowOf = useCallback((record: RecordRef) => (follows ? followOf(record) : undefined), [follows]);
    return {follows, followOf: currentFollowOf, busy, failure, follow, unfollow};
}
