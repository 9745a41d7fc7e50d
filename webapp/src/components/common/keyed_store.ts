// The last known value per key (a conversation, say), shared by every component on the page
// that shows it, with the listeners of each key. Websocket events and REST answers feed it, so
// a change made in one window (or another client) shows in all of them.
type Listener<T> = (value: T) => void;

export interface KeyedStore<T> {
    known: (key: string) => T | undefined;
    changed: (key: string, value: T) => void;

    // Counts the changes per key, so an answer to an older request can tell that something
    // newer (an event from another client, say) has arrived since, and not undo it.
    version: (key: string) => number;

    // Returns the unsubscribe function.
    subscribe: (key: string, listener: Listener<T>) => () => void;

    // For tests: forget everything.
    reset: () => void;
}

export function createKeyedStore<T>(): KeyedStore<T> {
    const values = new Map<string, T>();
    const listeners = new Map<string, Set<Listener<T>>>();
    const versions = new Map<string, number>();

    const version = (key: string) => versions.get(key) ?? 0;
    return {
        known: (key) => values.get(key),
        version,
        changed: (key, value) => {
            versions.set(key, version(key) + 1);
            values.set(key, value);
            listeners.get(key)?.forEach((listener) => listener(value));
        },
        subscribe: (key, listener) => {
            let set = listeners.get(key);
            if (!set) {
                set = new Set();
                listeners.set(key, set);
            }
            set.add(listener);
            return () => {
                set.delete(listener);
                if (set.size === 0) {
                    listeners.delete(key);
                }
            };
        },
        reset: () => {
            values.clear();
            versions.clear();
            listeners.clear();
        },
    };
}

// Reads key's value from the server into the store, unless something newer arrived meanwhile.
export async function loadInto<T>(store: KeyedStore<T>, key: string, read: () => Promise<T>): Promise<void> {
    const asked = store.version(key);
    const answer = await read();
    if (store.version(key) === asked) {
        store.changed(key, answer);
    }
}

// Shows next at once and saves it; the server's answer replaces it, and a refusal puts the
// value before back and throws, unless something newer arrived meanwhile.
export async function saveThrough<T>(store: KeyedStore<T>, key: string, next: T, write: () => Promise<T>): Promise<void> {
    const before = store.known(key);
    store.changed(key, next);
    const mine = store.version(key);
    try {
        const answer = await write();
        if (store.version(key) === mine) {
            store.changed(key, answer);
        }
    } catch (error) {
        if (before !== undefined && store.version(key) === mine) {
            store.changed(key, before);
        }
        throw error;
    }
}
