import type {Follow, FollowsChanged} from '../../types/follow';
import {createKeyedStore} from '../common/keyed_store';

// The records the signed-in user follows, shared by every card and tab on the page. REST
// answers and the server's follows_changed event feed it.
export const followsStore = createKeyedStore<Follow[]>();
export const mine = 'me';

// A record as cards and tabs know it: by number, and by sys_id where they have it.
export interface RecordRef {
    table: string;
    number: string;
    sys_id?: string;
}

const sameRecord = (follow: Follow, record: RecordRef) =>
    follow.table === record.table && (record.sys_id ? follow.sys_id === record.sys_id : follow.number === record.number);

export function followOf(record: RecordRef): Follow | undefined {
    return followsStore.known(mine)?.find((follow) => sameRecord(follow, record));
}

function without(follows: Follow[], record: RecordRef): Follow[] {
    return follows.filter((follow) => !sameRecord(follow, record));
}

export function followStarted(follow: Follow): void {
    followsStore.changed(mine, [...without(followsStore.known(mine) ?? [], follow), follow]);
}

export function followEnded(record: RecordRef): void {
    followsStore.changed(mine, without(followsStore.known(mine) ?? [], record));
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

export function onFollowsChanged(data: Record<string, unknown>): void {
    const change = followsChangedOf(data);
    if (!change || !followsStore.known(mine)) {
        // Until the list is read, it will come with the change.
        return;
    }
    const {following, ...follow} = change;
    if (following) {
        followStarted(follow);
    } else {
        followEnded(follow);
    }
}
