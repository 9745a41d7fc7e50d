import type {ConnectAction} from './actions';
import type {KnownEntry, KnownKind, KnownState} from './types';

export const initialKnownState: KnownState = {follows: {}, digestSettings: {}, digestInclusion: {}, notificationPreferences: {}, journalKind: {}};

const unknown: KnownEntry<unknown> = {value: undefined, version: 0, reading: false, readFailure: null};

function withEntry(state: KnownState, kind: KnownKind, key: string, change: (entry: KnownEntry<unknown>) => KnownEntry<unknown>): KnownState {
    const entries: Record<string, KnownEntry<unknown> | undefined> = state[kind];
    const before = entries[key] ?? unknown;
    const after = change(before);
    return after === before ? state : {...state, [kind]: {...entries, [key]: after}};
}

const changedTo = (entry: KnownEntry<unknown>, value: unknown): KnownEntry<unknown> => ({...entry, value, version: entry.version + 1});

// An answer to a request made at version asOf: anything that changed the value since is newer.
const answeredWith = (entry: KnownEntry<unknown>, value: unknown, asOf: number) => (entry.version === asOf ? changedTo(entry, value) : entry);

export function knownReducer(state: KnownState, action: ConnectAction): KnownState {
    switch (action.type) {
    case 'connect/known-changed':
        return withEntry(state, action.kind, action.key, (entry) => changedTo(entry, action.value));
    case 'connect/known-answered':
        return withEntry(state, action.kind, action.key, (entry) => answeredWith(entry, action.value, action.asOf));
    case 'connect/known-reading':
        return withEntry(state, action.kind, action.key, (entry) => ({...entry, reading: true, readFailure: null}));
    case 'connect/known-read':
        return withEntry(state, action.kind, action.key, (entry) => ({...answeredWith(entry, action.value, action.asOf), reading: false}));
    case 'connect/known-read-failed':
        return withEntry(state, action.kind, action.key, (entry) => ({...entry, reading: false, readFailure: action.message}));
    default:
        return state;
    }
}
