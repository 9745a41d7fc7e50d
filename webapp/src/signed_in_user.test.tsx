// The web app starts plugins before anyone signs in and signs users in and out without reloading
// the page: Connect follows entities.users.currentUserId as it changes.
import {render, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {legacy_createStore as createStore, type Action} from 'redux';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

import {bob as bobMember, directConversation, me, post} from '../tests/unit/connect_fixtures';
import {alice, bob, fakeRegistry, hostState, jsonResponse} from '../tests/unit/fixtures';

import {ConnectPlugin} from './plugin';
import {knownChanged, windowOpened} from './state/actions';
import {mine, selectKnown} from './state/known';
import {readMiniWindows} from './state/persistence';
import {connectReducer} from './state/reducer';
import {selectConnect} from './state/selectors';
import {pluginStateKey, type ConnectRootState, type ConnectState} from './state/types';
import type {Conversation} from './types/connect';
import type {HostState} from './types/host_state';
import type {HostStore} from './types/registry';
import type {UserProfile} from './types/user';

type SignAction = Action<string> & {user?: UserProfile};

// A host store like the web app's: the user comes with RECEIVED_ME and goes with LOGOUT_SUCCESS.
function webAppStore() {
    const reducer = (state: HostState = hostState({user: null}), action: SignAction): HostState => {
        let {entities} = state;
        if (action.type === 'RECEIVED_ME' && action.user) {
            entities = hostState({user: action.user}).entities;
        } else if (action.type === 'LOGOUT_SUCCESS') {
            entities = hostState({user: null}).entities;
        }
        return {entities, [pluginStateKey]: connectReducer(state[pluginStateKey] as ConnectState | undefined, action)};
    };
    const redux = createStore(reducer);
    const store: HostStore = {
        getState: () => redux.getState(),
        subscribe: (listener) => redux.subscribe(listener),
        dispatch: (action) => (typeof action === 'function' ? undefined : redux.dispatch(action)),
    };
    return {
        redux,
        store,
        connect: () => selectConnect(redux.getState() as ConnectRootState),
        signIn: (user: UserProfile) => redux.dispatch({type: 'RECEIVED_ME', user}),
        signOut: () => redux.dispatch({type: 'LOGOUT_SUCCESS'}),
    };
}

const aliceList = {conversations: [directConversation({id: 'dm-alice-bob', name: 'Bob Baker'})], total_unread: 0, total_mentions: 0};
const bobConversation: Conversation = directConversation({id: 'dm-bob-carol', name: 'Carol Chen', members: [bobMember, {id: 'user-carol', username: 'carol', display_name: 'Carol Chen'}]});
const bobList = {conversations: [bobConversation], total_unread: 0, total_mentions: 0};

// The server answers the conversation list of whoever is signed in (the session cookie tells it).
let signedInOnServer: UserProfile | null = null;
let fetchMock: ReturnType<typeof vi.fn>;

function answerFor(url: string): Response {
    if (url.endsWith('/api/v1/conversations')) {
        return jsonResponse(200, signedInOnServer?.id === bob.id ? bobList : aliceList);
    }
    return jsonResponse(200, {});
}

beforeEach(() => {
    signedInOnServer = null;
    fetchMock = vi.fn((url: string) => Promise.resolve(answerFor(url)));
    vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
    window.localStorage.clear();
});

function startPage() {
    const page = webAppStore();
    const registry = fakeRegistry();
    const plugin = new ConnectPlugin();
    plugin.initialize(registry, page.store);
    const [Sidebar] = registry.registerRightHandSidebarComponent.mock.calls[0];
    render(
        <Provider store={page.redux}>
            <Sidebar/>
        </Provider>,
    );
    return {...page, registry, plugin};
}

describe('Connect on a page where users sign in and out without a reload', () => {
    it('starts signed out without asking the server anything, then loads the conversations of whoever signs in', async () => {
        const page = startPage();

        expect(fetchMock).not.toHaveBeenCalled();
        expect(screen.queryByRole('region', {name: 'Connect'})).toBeNull();
        expect(page.registry.registerWebSocketEventHandler).not.toHaveBeenCalled();

        signedInOnServer = alice;
        page.signIn(alice);

        await screen.findByRole('region', {name: 'Connect'});
        await waitFor(() => expect(page.connect().conversations.openIds).toEqual(['dm-alice-bob']));
        expect(screen.queryByText(/could not load/i)).toBeNull();
        page.plugin.uninitialize();
    });

    it('counts the signed-in user\'s own posts as read and others\' as unread', async () => {
        const page = startPage();
        signedInOnServer = alice;
        page.signIn(alice);
        await waitFor(() => expect(page.connect().conversations.loaded).toBe(true));
        const posted = page.registry.registerWebSocketEventHandler.mock.calls.find(([event]) => event === 'posted')![1];

        posted({event: 'posted', data: {post: JSON.stringify(post({channel_id: 'dm-alice-bob', user_id: me.id}))}});
        expect(page.connect().conversations.byId['dm-alice-bob']?.unread_count).toBe(0);

        posted({event: 'posted', data: {post: JSON.stringify(post({channel_id: 'dm-alice-bob', user_id: bobMember.id})), mentions: JSON.stringify([me.id])}});
        expect(page.connect().conversations.byId['dm-alice-bob']?.unread_count).toBe(1);
        expect(page.connect().conversations.byId['dm-alice-bob']?.mention_count).toBe(1);
        page.plugin.uninitialize();
    });

    it('gives the next user nothing of the last one: list, windows, follows, handlers', async () => {
        const page = startPage();
        signedInOnServer = alice;
        page.signIn(alice);
        await waitFor(() => expect(page.connect().conversations.loaded).toBe(true));
        page.redux.dispatch(windowOpened('dm-alice-bob'));
        page.redux.dispatch(knownChanged('follows', mine, [{table: 'incident', sys_id: 'a'.repeat(32), number: 'INC0010001', short_description: 'Alice\'s', conversation_id: 'c'}]));

        signedInOnServer = null;
        page.signOut();

        await waitFor(() => expect(screen.queryByRole('region', {name: 'Connect'})).toBeNull());
        expect(page.connect().conversations.byId).toEqual({});
        expect(page.connect().miniWindows.windows).toEqual([]);
        expect(selectKnown(page.redux.getState() as ConnectRootState, 'follows', mine)).toBeUndefined();
        expect(page.registry.unregisterWebSocketEventHandler).toHaveBeenCalledWith('posted');
        expect(readMiniWindows(window.localStorage, alice.id)).toEqual([{id: 'dm-alice-bob', collapsed: false}]);

        signedInOnServer = bob;
        page.signIn(bob);

        await waitFor(() => expect(page.connect().conversations.openIds).toEqual(['dm-bob-carol']));
        expect(page.connect().miniWindows.windows).toEqual([]);
        expect(readMiniWindows(window.localStorage, bob.id)).toEqual([]);
        expect(readMiniWindows(window.localStorage, alice.id)).toEqual([{id: 'dm-alice-bob', collapsed: false}]);
        await screen.findByRole('region', {name: 'Connect'});
        page.plugin.uninitialize();
    });

    it('drops an answer to the last user\'s request that arrives after they signed out', async () => {
        let answerAlice: (response: Response) => void = () => undefined;
        fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => {
            answerAlice = resolve;
        }));
        const page = startPage();
        signedInOnServer = alice;
        page.signIn(alice);

        page.signOut();
        signedInOnServer = bob;
        page.signIn(bob);
        await waitFor(() => expect(page.connect().conversations.openIds).toEqual(['dm-bob-carol']));
        answerAlice(jsonResponse(200, aliceList));
        await new Promise((resolve) => setTimeout(resolve, 20));

        expect(page.connect().conversations.openIds).toEqual(['dm-bob-carol']);
        expect(page.connect().conversations.loadError).toBeNull();
        page.plugin.uninitialize();
    });
});
