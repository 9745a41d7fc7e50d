import {describe, expect, it} from 'vitest';

import {directConversation} from '../../tests/unit/connect_fixtures';

import {conversationsLoaded} from './actions';
import {connectReducer, initialConnectState} from './reducer';
import {authorName, dockLayout, selectConnect, selectOpenConversationIds, selectTotalUnread} from './selectors';
import {pluginStateKey} from './types';

describe('selectors', () => {
    it('read the plugin\'s state where Mattermost keeps it', () => {
        const state = connectReducer(undefined, conversationsLoaded({conversations: [directConversation({unread_count: 4})], total_unread: 4, total_mentions: 0}));
        const root = {[pluginStateKey]: state};

        expect(selectOpenConversationIds(root)).toEqual(['dm-bob']);
        expect(selectTotalUnread(root)).toBe(4);
    });

    it('fall back to the initial state before the reducer ran', () => {
        expect(selectConnect({})).toBe(initialConnectState);
    });
});

describe('dockLayout', () => {
    const windows = ['a', 'b', 'c', 'd'].map((id) => ({id, collapsed: false}));

    it('shows the newest windows that fit; the older ones overflow, newest first', () => {
        const layout = dockLayout(windows, 2);

        expect(layout.visible.map((window) => window.id)).toEqual(['c', 'd']);
        expect(layout.overflow.map((window) => window.id)).toEqual(['b', 'a']);
    });

    it('shows them all when they fit', () => {
        expect(dockLayout(windows, 5)).toEqual({visible: windows, overflow: []});
    });
});

describe('authorName', () => {
    it('names a person by display name, else username', () => {
        expect(authorName({id: 'u', username: 'bob', display_name: 'Bob Baker'})).toBe('Bob Baker');
        expect(authorName({id: 'u', username: 'bob', display_name: ''})).toBe('@bob');
        expect(authorName(undefined)).toBeUndefined();
    });
});
