// The values the server keeps for the signed-in user besides conversations (their follows, digest
// and bells), in Connect's state like everything else of theirs, so a sign-out clears them too.
import type {ConnectAPI} from '../client';
import {errorMessage} from '../error_message';

import {knownAnswered, knownChanged, knownRead, knownReadFailed, knownReading} from './actions';
import type {ConnectDeps} from './operations';
import {selectConnect} from './selectors';
import type {ConnectRootState, KnownEntry, KnownKind, KnownValues} from './types';

// The key of a value there is one of for the user (their follows, their digest settings).
export const mine = 'mine';

interface KindRules<T> {
    read: (client: ConnectAPI, key: string) => Promise<T>;

    // Read only when not known yet, rather than each time it is shown: every change arrives as
    // an event, and many places show it (a follow button on every card).
    readOnce?: boolean;
}

const kinds: {[Kind in KnownKind]: KindRules<KnownValues[Kind]>} = {
    follows: {read: async (client) => (await client.getFollows()).follows, readOnce: true},
    digestSettings: {read: (client) => client.getDigest()},
    digestInclusion: {read: (client, conversationId) => client.getConversationDigest(conversationId)},

    // Mattermost's own clients change these without telling Connect.
    notificationPreferences: {read: (client, conversationId) => client.getNotificationPreferences(conversationId)},

    // The composer's switch in each window of a record conversation shows it.
    journalKind: {read: (client, conversationId) => client.getJournalKind(conversationId)},
};

// What changing the state takes (the websocket handlers' changes need no client).
export type StateDeps = Pick<ConnectDeps, 'dispatch' | 'getState'>;

export function selectKnownEntry<Kind extends KnownKind>(state: ConnectRootState, kind: Kind, key: string): KnownEntry<KnownValues[Kind]> | undefined {
    return selectConnect(state).known[kind][key];
}

export function selectKnown<Kind extends KnownKind>(state: ConnectRootState, kind: Kind, key: string): KnownValues[Kind] | undefined {
    return selectKnownEntry(state, kind, key)?.value;
}

const versionOf = (state: ConnectRootState, kind: KnownKind, key: string) => selectKnownEntry(state, kind, key)?.version ?? 0;

// Whether a place showing the value should read it: not while a read is on its way.
export function readDue(state: ConnectRootState, kind: KnownKind, key: string): boolean {
    const entry = selectKnownEntry(state, kind, key);
    return !entry?.reading && !(kinds[kind].readOnce && entry?.value !== undefined);
}

// Reads the value from the server; the answer counts unless something newer arrived meanwhile.
// Returns the answer; a failure stays with the value (readFailure) and rejects.
export async function readKnown<Kind extends KnownKind>({client, dispatch, getState}: ConnectDeps, kind: Kind, key: string): Promise<KnownValues[Kind]> {
    const asOf = versionOf(getState(), kind, key);
    dispatch(knownReading(kind, key));
    try {
        const answer = await kinds[kind].read(client, key);
        dispatch(knownRead(kind, key, answer, asOf));
        return answer;
    } catch (error) {
        dispatch(knownReadFailed(kind, key, errorMessage(error)));
        throw error;
    }
}

// Shows next at once and saves it; the server's answer replaces it, and a refusal puts the
// value before back and rejects, unless something newer arrived meanwhile.
export async function saveKnown<Kind extends KnownKind>({dispatch, getState}: StateDeps, kind: Kind, key: string, next: KnownValues[Kind], write: () => Promise<KnownValues[Kind]>): Promise<void> {
    const before = selectKnown(getState(), kind, key);
    dispatch(knownChanged(kind, key, next));
    const asOf = versionOf(getState(), kind, key);
    try {
        dispatch(knownAnswered(kind, key, await write(), asOf));
    } catch (error) {
        if (before !== undefined) {
            dispatch(knownAnswered(kind, key, before, asOf));
        }
        throw error;
    }
}

// Changes the value as it is now (for an event, or an answer that tells only what changed);
// nothing changes when change answers undefined.
export function changeKnown<Kind extends KnownKind>({dispatch, getState}: StateDeps, kind: Kind, key: string, change: (value: KnownValues[Kind] | undefined) => KnownValues[Kind] | undefined): void {
    const next = change(selectKnown(getState(), kind, key));
    if (next !== undefined) {
        dispatch(knownChanged(kind, key, next));
    }
}
