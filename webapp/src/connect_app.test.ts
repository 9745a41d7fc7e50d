import {afterEach, describe, expect, it, vi} from 'vitest';

import {directConversation, fakeClient, me, post} from '../tests/unit/connect_fixtures';

import {createConnectApp, createStandaloneStore} from './connect_app';
import {windowOpened} from './state/actions';
import {miniWindowsStorageKey} from './state/persistence';
import {selectConnect} from './state/selectors';
import {pluginStateKey} from './state/types';
import {pluginEvent} from './state/websocket';

afterEach(() => {
    window.localStorage.clear();
});

function standaloneApp() {
    const store = createStandaloneStore();
    const client = fakeClient();
    const app = createConnectApp(store, {client, siteURL: 'https://chat.example.com', currentUserId: me.id});
    return {store, client, app};
}

describe('the standalone store', () => {
    it('keeps Connect\'s state under the key the web app gives the plugin\'s reducer', () => {
        const store = createStandaloneStore();

        expect(pluginStateKey).toBe('plugins-connect-chat');
        expect(Object.keys(store.getState())).toEqual(['plugins-connect-chat']);
        expect(store.getState()[pluginStateKey]?.conversations.loaded).toBe(false);
    });
});

describe('createConnectApp', () => {
    it('loads the open conversations and restores the user\'s mini windows when started', async () => {
        const {store, client, app} = standaloneApp();
        const list = {conversations: [directConversation()], total_unread: 0, total_mentions: 0};
        client.getConversations.mockResolvedValue(list);
        window.localStorage.setItem(miniWindowsStorageKey(me.id), JSON.stringify([{id: 'dm-bob', collapsed: true}]));

        const stop = app.start(window.localStorage);

        await vi.waitFor(() => expect(selectConnect(store.getState()).conversations.loaded).toBe(true));
        expect(selectConnect(store.getState()).miniWindows.windows).toEqual([{id: 'dm-bob', collapsed: true}]);
        stop();
    });

    it('saves the mini windows until stopped', () => {
        const {store, client, app} = standaloneApp();
        client.getConversations.mockResolvedValue({conversations: [], total_unread: 0, total_mentions: 0});
        const stop = app.start(window.localStorage);

        store.dispatch(windowOpened('dm-bob'));
        expect(window.localStorage.getItem(miniWindowsStorageKey(me.id))).toBe(JSON.stringify([{id: 'dm-bob', collapsed: false}]));

        stop();
        store.dispatch(windowOpened('group-1'));
        expect(window.localStorage.getItem(miniWindowsStorageKey(me.id))).toBe(JSON.stringify([{id: 'dm-bob', collapsed: false}]));
    });

    it('turns the websocket events into changes of the store it was given', () => {
        const {store, app} = standaloneApp();
        const conversation = directConversation();

        app.webSocketHandlers[pluginEvent('conversation_updated')]({event: pluginEvent('conversation_updated'), data: {conversation}, broadcast: {}});
        app.webSocketHandlers.posted({event: 'posted', data: {post: JSON.stringify(post({channel_id: conversation.id}))}, broadcast: {}});

        expect(selectConnect(store.getState()).conversations.byId[conversation.id]?.unread_count).toBe(1);
    });
});
