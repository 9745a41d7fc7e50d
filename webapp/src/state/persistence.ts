import {pluginId} from '../manifest';

import {windowsRestored} from './actions';
import {selectMiniWindows} from './selectors';
import type {ConnectRootState, MiniWindow} from './types';

// The open mini windows and their collapsed flags survive reloads, per user on this browser.
export function miniWindowsStorageKey(userId: string): string {
    return `${pluginId}:mini-windows:${userId}`;
}

function isMiniWindow(value: unknown): value is MiniWindow {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const candidate = value as Partial<Record<keyof MiniWindow, unknown>>;
    return typeof candidate.id === 'string' && Boolean(candidate.id) && typeof candidate.collapsed === 'boolean';
}

export function readMiniWindows(storage: Storage, userId: string): MiniWindow[] {
    try {
        const stored: unknown = JSON.parse(storage.getItem(miniWindowsStorageKey(userId)) ?? '[]');
        return Array.isArray(stored) ? stored.filter(isMiniWindow).map(({id, collapsed}) => ({id, collapsed})) : [];
    } catch {
        return [];
    }
}

interface PersistableStore {
    getState(): ConnectRootState;
    dispatch(action: ReturnType<typeof windowsRestored>): unknown;
    subscribe(listener: () => void): () => void;
}

// Restores the user's windows, then writes them back whenever they change, and takes up the
// changes another tab or window of the same user makes, so that neither later writes back a list
// that undoes the other's change. Returns the stop.
export function persistMiniWindows(store: PersistableStore, storage: Storage, userId: string): () => void {
    const key = miniWindowsStorageKey(userId);
    store.dispatch(windowsRestored(readMiniWindows(storage, userId)));
    let saved = selectMiniWindows(store.getState());
    let stopped = false;
    const unsubscribe = store.subscribe(() => {
        const windows = selectMiniWindows(store.getState());

        // Redux still calls a listener that unsubscribed during the dispatch it is notifying
        // about: after a sign-out, the emptied windows must not overwrite the user's saved ones.
        if (stopped || windows === saved) {
            return;
        }
        saved = windows;
        try {
            storage.setItem(key, JSON.stringify(windows));
        } catch {
            // Storage full or disabled: the windows just won't come back after a reload.
        }
    });
    const onStorage = (event: StorageEvent) => {
        if (event.key === key) {
            store.dispatch(windowsRestored(readMiniWindows(storage, userId)));
        }
    };
    window.addEventListener('storage', onStorage);
    return () => {
        stopped = true;
        unsubscribe();
        window.removeEventListener('storage', onStorage);
    };
}
