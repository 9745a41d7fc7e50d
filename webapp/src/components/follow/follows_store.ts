import type {Follow} from '../../types/follow';
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

const text = (value: unknown) => (typeof value === 'string' ? value : '');

// The follows_changed event: {table, sys_id, number, following, conversation_id}.
export function onFollowsChanged(data: Record<string, unknown>): void {
    const record = {table: text(data.table), sys_id: text(data.sys_id), number: text(data.number)};
    if (!record.table || !record.sys_id || typeof data.following !== 'boolean' || !followsStore.known(mine)) {
        return;
    }
    if (!data.following) {
        followEnded(record);
        return;
    }
    followStarted({
        ...record,
        short_description: text(data.short_description) || followOf(record)?.short_description || '',
        conversation_id: text(data.conversation_id),
    });
}
