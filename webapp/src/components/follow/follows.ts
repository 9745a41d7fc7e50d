import {changeKnown, mine, type StateDeps} from '../../state/known';
import type {Follow, FollowsChanged} from '../../types/follow';

// A record as cards and tabs know it: by number, and by sys_id where they have it.
export interface RecordRef {
    table: string;
    number: string;
    sys_id?: string;
}

const sameRecord = (follow: Follow, record: RecordRef) =>
    follow.table === record.table && (record.sys_id ? follow.sys_id === record.sys_id : follow.number === record.number);

export function followOf(follows: Follow[], record: RecordRef): Follow | undefined {
    return follows.find((follow) => sameRecord(follow, record));
}

export function withoutFollow(follows: Follow[], record: RecordRef): Follow[] {
    return follows.filter((follow) => !sameRecord(follow, record));
}

export function withFollow(follows: Follow[], follow: Follow): Follow[] {
    return [...withoutFollow(follows, follow), follow];
}

const isText = (value: unknown): value is string => typeof value === 'string';

// The follows_changed event, when it is well formed: a record the user started or stopped
// following, or whose short description changed.
export function followsChangedOf(data: Record<string, unknown>): FollowsChanged | undefined {
    const {table, sys_id, number, short_description, conversation_id, following} = data;
    if (!isText(table) || !isText(sys_id) || !isText(number) || !isText(short_description) || !isText(conversation_id) ||
        typeof following !== 'boolean' || !table || !sys_id) {
        return undefined;
    }
    return {table, sys_id, number, short_description, conversation_id, following};
}

export function onFollowsChanged(deps: StateDeps, data: Record<string, unknown>): void {
    const change = followsChangedOf(data);
    if (!change) {
        return;
    }
    const {following, ...follow} = change;

    // Until the list is read, it will come with the change.
    changeKnown(deps, 'follows', mine, (follows) => follows && (following ? withFollow(follows, follow) : withoutFollow(follows, follow)));
}
