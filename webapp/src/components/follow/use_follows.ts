import {useCallback} from 'react';

import {changeKnown, mine} from '../../state/known';
import type {Follow} from '../../types/follow';
import {useKnown} from '../common/use_known';

import {followOf, withFollow, withoutFollow, type RecordRef} from './follows';

export interface FollowState {
    // Undefined until the server answered the first time.
    follows: Follow[] | undefined;
    followOf: (record: RecordRef) => Follow | undefined;

    // Following or unfollowing is on its way.
    busy: boolean;
    failure: string | null;
    follow: (record: RecordRef) => Promise<Follow | undefined>;
    unfollow: (record: RecordRef) => Promise<void>;
}

// F-60/F-62: the records the user follows, and following or unfollowing one. Without the list
// every button offers Follow, and following says so if it already was: a failed read says nothing.
export function useFollows(): FollowState {
    const {value: follows, failure, busy, run} = useKnown('follows', mine);

    const follow = useCallback((record: RecordRef) => run(async (deps) => {
        const answer = await deps.client.follow(record.sys_id ? {table: record.table, sys_id: record.sys_id} : {record: record.number});
        changeKnown(deps, 'follows', mine, (known) => withFollow(known ?? [], answer));
        return answer;
    }), [run]);

    const unfollow = useCallback(async (record: RecordRef) => {
        const known = follows && followOf(follows, record);
        if (!known) {
            return;
        }
        await run(async (deps) => {
            await deps.client.unfollow(known.table, known.sys_id);
            changeKnown(deps, 'follows', mine, (list) => withoutFollow(list ?? [], known));
        });
    }, [follows, run]);

    const currentFollowOf = useCallback((record: RecordRef) => (follows ? followOf(follows, record) : undefined), [follows]);
    return {follows, followOf: currentFollowOf, busy, failure, follow, unfollow};
}
