import {afterEach, describe, expect, it} from 'vitest';

import {connectStore, stateOf} from '../../tests/unit/connect_fixtures';

import {windowCollapsed, windowOpened} from './actions';
import {miniWindowsStorageKey, persistMiniWindows, readMiniWindows} from './persistence';

afterEach(() => {
    window.localStorage.clear();
});

describe('mini window persistence', () => {
    it('keeps each user\'s windows under their own key', () => {
        expect(miniWindowsStorageKey('user-1')).toBe('connect-chat:mini-windows:user-1');
    });

    it('restores the stored windows, then saves every change', () => {
        window.localStorage.setItem(miniWindowsStorageKey('u'), JSON.stringify([{id: 'a', collapsed: true}]));
        const store = connectStore();

        const stop = persistMiniWindows(store, window.localStorage, 'u');
        expect(stateOf(store).miniWindows.windows).toEqual([{id: 'a', collapsed: true}]);

        store.dispatch(windowOpened('b'));
        store.dispatch(windowCollapsed('b', true));
        expect(readMiniWindows(window.localStorage, 'u')).toEqual([{id: 'a', collapsed: true}, {id: 'b', collapsed: true}]);

        stop();
        store.dispatch(windowOpened('c'));
        expect(readMiniWindows(window.localStorage, 'u')).toHaveLength(2);
    });

    it('takes up what another tab of the same user saved, and does not undo it', () => {
        const store = connectStore();
        const stop = persistMiniWindows(store, window.localStorage, 'u');
        store.dispatch(windowOpened('a'));

        // The other tab opened b beside a.
        const theirs = JSON.stringify([{id: 'a', collapsed: false}, {id: 'b', collapsed: false}]);
        window.localStorage.setItem(miniWindowsStorageKey('u'), theirs);
        window.dispatchEvent(new StorageEvent('storage', {key: miniWindowsStorageKey('u'), newValue: theirs}));
        expect(stateOf(store).miniWindows.windows.map((window) => window.id)).toEqual(['a', 'b']);

        store.dispatch(windowCollapsed('a', true));
        expect(readMiniWindows(window.localStorage, 'u')).toEqual([{id: 'a', collapsed: true}, {id: 'b', collapsed: false}]);

        // Another user's windows are theirs alone.
        window.dispatchEvent(new StorageEvent('storage', {key: miniWindowsStorageKey('someone-else'), newValue: '[]'}));
        expect(stateOf(store).miniWindows.windows).toHaveLength(2);
        stop();
    });

    it('ignores stored values it does not understand', () => {
        window.localStorage.setItem(miniWindowsStorageKey('u'), '{broken');
        expect(readMiniWindows(window.localStorage, 'u')).toEqual([]);

        window.localStorage.setItem(miniWindowsStorageKey('u'), JSON.stringify([{id: 'a', collapsed: 'yes'}, {id: 'b', collapsed: false, extra: 1}, 'c']));
        expect(readMiniWindows(window.localStorage, 'u')).toEqual([{id: 'b', collapsed: false}]);
    });
});
