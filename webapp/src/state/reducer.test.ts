import {describe, expect, it} from 'vitest';

import {bob, carol, directConversation, groupConversation, me, post} from '../../tests/unit/connect_fixtures';

import {
    conversationClosed,
    conversationGone,
    conversationRead,
    conversationReceived,
    conversationsFailed,
    conversationsLoaded,
    dockCapacityChanged,
    postDeleted,
    postReceived,
    postsLoaded,
    postsReset,
    searchCleared,
    searchFailed,
    searchStarted,
    searchSucceeded,
    totalsReceived,
    usersReceived,
    windowClosed,
    windowCollapsed,
    windowFocused,
    windowOpened,
    windowsRestored,
    type ConnectAction,
} from './actions';
import {connectReducer, initialConnectState} from './reducer';
import type {ConnectState} from './types';

function reduce(...actions: ConnectAction[]): ConnectState {
    return actions.reduce(connectReducer, initialConnectState);
}

const older = directConversation({id: 'dm-bob', last_activity_at: 1000, unread_count: 2});
const newer = groupConversation({id: 'group-1', last_activity_at: 2000, unread_count: 1, mention_count: 1});

describe('conversations', () => {
    it('lists the open ones most recent first, with the server\'s totals', () => {
        const state = reduce(conversationsLoaded({conversations: [older, newer], total_unread: 3, total_mentions: 1}));

        expect(state.conversations.openIds).toEqual(['group-1', 'dm-bob']);
        expect(state.conversations.loaded).toBe(true);
        expect(state.totals).toEqual({unread: 3, mentions: 1});
    });

    it('re-sorts when a conversation gets a new message', () => {
        const state = reduce(
            conversationsLoaded({conversations: [older, newer], total_unread: 3, total_mentions: 1}),
            conversationReceived({...older, last_activity_at: 3000, unread_count: 3}),
        );

        expect(state.conversations.openIds).toEqual(['dm-bob', 'group-1']);
        expect(state.totals).toEqual({unread: 4, mentions: 1});
    });

    it('adds a new conversation and reopens a closed one', () => {
        const state = reduce(
            conversationsLoaded({conversations: [older], total_unread: 2, total_mentions: 0}),
            conversationClosed('dm-bob'),
            conversationReceived(newer),
            conversationReceived({...older, open: true, last_activity_at: 5000}),
        );

        expect(state.conversations.openIds).toEqual(['dm-bob', 'group-1']);
    });

    it('takes a closed conversation out of the list but keeps it known', () => {
        const state = reduce(conversationsLoaded({conversations: [older, newer], total_unread: 3, total_mentions: 1}), conversationClosed('dm-bob'));

        expect(state.conversations.openIds).toEqual(['group-1']);
        expect(state.conversations.byId['dm-bob'].open).toBe(false);
        expect(state.totals).toEqual({unread: 1, mentions: 1});
    });

    it('marks a conversation read', () => {
        const state = reduce(conversationsLoaded({conversations: [older, newer], total_unread: 3, total_mentions: 1}), conversationRead('group-1'));

        expect(state.conversations.byId['group-1']).toMatchObject({unread_count: 0, mention_count: 0, last_viewed_at: 2000});
        expect(state.totals).toEqual({unread: 2, mentions: 0});
    });

    it('treats conversations missing from a reloaded list as closed', () => {
        const state = reduce(
            conversationsLoaded({conversations: [older, newer], total_unread: 3, total_mentions: 1}),
            conversationsLoaded({conversations: [newer], total_unread: 1, total_mentions: 1}),
        );

        expect(state.conversations.openIds).toEqual(['group-1']);
        expect(state.conversations.byId['dm-bob'].open).toBe(false);
    });

    it('forgets a conversation the user is no longer in, closing its window', () => {
        const state = reduce(
            conversationsLoaded({conversations: [older], total_unread: 2, total_mentions: 0}),
            windowOpened('dm-bob'),
            postsLoaded('dm-bob', [post()]),
            conversationGone('dm-bob'),
        );

        expect(state.conversations.byId['dm-bob']).toBeUndefined();
        expect(state.miniWindows.windows).toEqual([]);
        expect(state.posts['dm-bob']).toBeUndefined();
        expect(state.totals).toEqual({unread: 0, mentions: 0});
    });

    it('keeps the load failure to explain it', () => {
        expect(reduce(conversationsFailed('Connect Chat is for ITIL staff only.')).conversations.loadError).toBe('Connect Chat is for ITIL staff only.');
    });

    it('takes totals from the server\'s unread_totals event', () => {
        expect(reduce(totalsReceived({total_unread: 7, total_mentions: 2})).totals).toEqual({unread: 7, mentions: 2});
    });
});

describe('users', () => {
    it('learns the members of conversations and the users it is told about', () => {
        const dave = {id: 'user-dave', username: 'dave', display_name: 'Dave Dawson'};
        const state = reduce(conversationReceived(newer), usersReceived([dave]));

        expect(Object.keys(state.users).sort()).toEqual([me.id, bob.id, carol.id, dave.id].sort());
    });
});

describe('search', () => {
    it('keeps the results of the current query only, learning every conversation it heard of', () => {
        const closed = {...older, open: false};
        const state = reduce(searchStarted('bo'), searchStarted('bob'), searchSucceeded('bo', [newer]), searchSucceeded('bob', [closed]));

        expect(state.search).toMatchObject({query: 'bob', status: 'done', resultIds: ['dm-bob']});
        expect(state.conversations.byId['dm-bob']).toEqual(closed);
        expect(state.conversations.openIds).toEqual(['group-1']);
    });

    it('says why a search failed, and forgets it when cleared', () => {
        const failed = reduce(searchStarted('bob'), searchFailed('bob', 'Server down'));
        expect(failed.search).toMatchObject({status: 'failed', error: 'Server down'});

        expect(connectReducer(failed, searchCleared()).search).toEqual(initialConnectState.search);
    });
});

describe('mini windows', () => {
    it('opens a window as the newest, focused and expanded', () => {
        const state = reduce(dockCapacityChanged(3), windowOpened('a'), windowOpened('b'));

        expect(state.miniWindows.windows).toEqual([{id: 'a', collapsed: false}, {id: 'b', collapsed: false}]);
        expect(state.miniWindows.focusedId).toBe('b');
    });

    it('leaves a shown window in its place when it is opened again, expanding it', () => {
        const state = reduce(dockCapacityChanged(3), windowOpened('a'), windowOpened('b'), windowCollapsed('a', true), windowOpened('a'));

        expect(state.miniWindows.windows).toEqual([{id: 'a', collapsed: false}, {id: 'b', collapsed: false}]);
        expect(state.miniWindows.focusedId).toBe('a');
    });

    it('brings a window waiting in the overflow menu into the dock', () => {
        const state = reduce(dockCapacityChanged(2), windowOpened('a'), windowOpened('b'), windowOpened('c'), windowOpened('a'));

        expect(state.miniWindows.windows.map((window) => window.id)).toEqual(['b', 'c', 'a']);
    });

    it('hands focus to the newest window when the focused one closes', () => {
        const state = reduce(dockCapacityChanged(3), windowOpened('a'), windowOpened('b'), windowOpened('c'), windowFocused('b'), windowClosed('b'));

        expect(state.miniWindows.windows.map((window) => window.id)).toEqual(['a', 'c']);
        expect(state.miniWindows.focusedId).toBe('c');
    });

    it('keeps focus where it is when another window closes', () => {
        const state = reduce(dockCapacityChanged(3), windowOpened('a'), windowOpened('b'), windowClosed('a'));

        expect(state.miniWindows.focusedId).toBe('b');
    });

    it('closes the window of a conversation closed from the sidebar or another tab', () => {
        const state = reduce(conversationReceived(older), windowOpened('dm-bob'), conversationClosed('dm-bob'));

        expect(state.miniWindows.windows).toEqual([]);
        expect(state.miniWindows.focusedId).toBeNull();
    });

    it('restores windows without duplicates', () => {
        const state = reduce(windowsRestored([{id: 'a', collapsed: true}, {id: 'b', collapsed: false}, {id: 'a', collapsed: false}]));

        expect(state.miniWindows.windows).toEqual([{id: 'a', collapsed: true}, {id: 'b', collapsed: false}]);
    });

    it('always has room for one window', () => {
        expect(reduce(dockCapacityChanged(0)).miniWindows.capacity).toBe(1);
    });
});

describe('posts', () => {
    const first = post({id: 'p1', create_at: 100});
    const second = post({id: 'p2', create_at: 200});
    const third = post({id: 'p3', create_at: 300});

    it('keeps a loaded conversation\'s posts oldest first, older pages merged in', () => {
        const state = reduce(postsLoaded('dm-bob', [third], false), postsLoaded('dm-bob', [first, second], true));

        expect(state.posts['dm-bob']).toMatchObject({order: ['p1', 'p2', 'p3'], reachedStart: true});
    });

    it('adds live posts and edits to loaded conversations only', () => {
        const edited = {...second, message: 'edited', props: {attachments: [{title: 'INC0010001'}]}};
        const state = reduce(
            postsLoaded('dm-bob', [first, second], true),
            postReceived(third),
            postReceived(edited),
            postReceived(post({id: 'elsewhere', channel_id: 'other'})),
        );

        expect(state.posts['dm-bob']?.order).toEqual(['p1', 'p2', 'p3']);
        expect(state.posts['dm-bob']?.byId.p2.message).toBe('edited');
        expect(state.posts.other).toBeUndefined();
    });

    it('leaves out an edit of a post older than what is loaded', () => {
        const state = reduce(postsLoaded('dm-bob', [third], false), postReceived({...first, message: 'edited'}));

        expect(state.posts['dm-bob']?.order).toEqual(['p3']);
    });

    it('removes deleted posts', () => {
        const state = reduce(postsLoaded('dm-bob', [first, second], true), postDeleted(first), postReceived({...second, delete_at: 999}));

        expect(state.posts['dm-bob']?.order).toEqual([]);
    });

    it('forgets all posts after a reconnect, for the windows to fetch again', () => {
        expect(reduce(postsLoaded('dm-bob', [first], true), postsReset()).posts).toEqual({});
    });
});

it('ignores the web app\'s own actions, keeping the same state', () => {
    const state = reduce(conversationReceived(older));

    expect(connectReducer(state, {type: 'RECEIVED_CHANNEL'})).toBe(state);
    expect(connectReducer(state, windowFocused(null))).toBe(state);
});

describe('post versions', () => {
    const created = post({id: 'card-post', message: 'INC0010001', update_at: 100, props: {connect_records: [{status: 'pending'}]}});
    const filled = {...created, update_at: 150, props: {connect_records: [{status: 'found'}]}};

    it('keep the filled card when the create response arrives after its post_edited event', () => {
        let state = connectReducer(undefined, postsLoaded('dm-bob', [], true));
        state = connectReducer(state, postReceived(filled));
        state = connectReducer(state, postReceived(created));
        expect(state.posts['dm-bob']?.byId['card-post'].props).toEqual({connect_records: [{status: 'found'}]});
    });

    it('take the filled card when it arrives after the create response', () => {
        let state = connectReducer(undefined, postsLoaded('dm-bob', [], true));
        state = connectReducer(state, postReceived(created));
        state = connectReducer(state, postReceived(filled));
        expect(state.posts['dm-bob']?.byId['card-post'].props).toEqual({connect_records: [{status: 'found'}]});
    });

    it('keep the newest version when a page of older fetches arrives late', () => {
        let state = connectReducer(undefined, postsLoaded('dm-bob', [], true));
        state = connectReducer(state, postReceived(filled));
        state = connectReducer(state, postsLoaded('dm-bob', [created], true));
        expect(state.posts['dm-bob']?.byId['card-post'].props).toEqual({connect_records: [{status: 'found'}]});
    });
});
