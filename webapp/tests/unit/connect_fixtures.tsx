// Builders and a fake client for the tests of the plugin's state and components.
import {render, type RenderResult} from '@testing-library/react';
import React, {type ReactElement} from 'react';
import {Provider} from 'react-redux';
import {legacy_createStore as createStore, type Action, type Store} from 'redux';
import {vi, type Mock} from 'vitest';

import type {ConnectAPI} from '../../src/client';
import {ConnectProvider, type ConnectEnvironment} from '../../src/components/connect_context';
import {connectRootReducer} from '../../src/connect_app';
import type {ConnectAction} from '../../src/state/actions';
import {pluginEvent, webSocketHandlers} from '../../src/state/websocket';
import {initialConnectState} from '../../src/state/reducer';
import {pluginStateKey, type ConnectRootState, type ConnectState} from '../../src/state/types';
import type {Conversation, Member, StaffPerson} from '../../src/types/connect';
import type {DigestSettings} from '../../src/types/digest';
import type {Post} from '../../src/types/mattermost';

export const me: Member = {id: 'user-alice', username: 'alice', display_name: 'Alice Archer'};
export const bob: Member = {id: 'user-bob', username: 'bob', display_name: 'Bob Baker'};
export const carol: Member = {id: 'user-carol', username: 'carol', display_name: 'Carol Chen'};

export function staffPerson(member: Member): StaffPerson {
    const [first_name = '', last_name = ''] = member.display_name.split(' ');
    return {id: member.id, username: member.username, first_name, last_name, nickname: '', display_name: member.display_name};
}

export function directConversation(overrides: Partial<Conversation> = {}): Conversation {
    return {
        id: 'dm-bob',
        kind: 'direct',
        name: 'Bob Baker',
        custom_name: false,
        members: [me, bob],
        avatar_url: `/api/v4/users/${bob.id}/image`,
        last_post: null,
        last_activity_at: 1_700_000_000_000,
        unread_count: 0,
        mention_count: 0,
        last_viewed_at: 0,
        open: true,
        managed: false,
        ...overrides,
    };
}

export function groupConversation(overrides: Partial<Conversation> = {}): Conversation {
    return directConversation({
        id: 'group-1',
        kind: 'group',
        name: 'Bob Baker, Carol Chen',
        members: [me, bob, carol],
        avatar_url: '',
        managed: true,
        ...overrides,
    });
}

let postCount = 0;
export function post(overrides: Partial<Post> = {}): Post {
    postCount += 1;
    return {
        id: `post-${postCount}`,
        channel_id: 'dm-bob',
        user_id: bob.id,
        create_at: 1_700_000_000_000 + postCount * 1000,
        message: `Message ${postCount}`,
        type: '',
        ...overrides,
    };
}

type FakeClient = {[Method in keyof ConnectAPI]: Mock<ConnectAPI[Method]>};

function unexpected(name: string) {
    return () => Promise.reject(new Error(`The test did not expect a call to ${name}`));
}

// Every method rejects until a test says what it answers.
// The digest as a user who never turned it on sees it.
export const digestOff: DigestSettings = {enabled: false, interval_minutes: 60, min_minutes: 15, max_minutes: 1440, allowed: true, email_available: true, problem: ''};

export function fakeClient(): FakeClient {
    return {
        close: vi.fn(),
        getClientConfig: vi.fn(() => Promise.resolve({})),
        getCurrentUser: vi.fn(unexpected('getCurrentUser')),
        getConversations: vi.fn(unexpected('getConversations')),
        searchConversations: vi.fn(unexpected('searchConversations')),
        getConversation: vi.fn(unexpected('getConversation')),
        createConversation: vi.fn(unexpected('createConversation')),
        addMembers: vi.fn(unexpected('addMembers')),
        removeMember: vi.fn(unexpected('removeMember')),
        renameConversation: vi.fn(unexpected('renameConversation')),
        closeConversation: vi.fn(unexpected('closeConversation')),
        openConversation: vi.fn(unexpected('openConversation')),
        refreshCards: vi.fn(() => Promise.resolve()),
        searchStaff: vi.fn(unexpected('searchStaff')),
        searchMessages: vi.fn(unexpected('searchMessages')),
        getPosts: vi.fn(unexpected('getPosts')),
        createPost: vi.fn(unexpected('createPost')),
        editPost: vi.fn(unexpected('editPost')),
        deletePost: vi.fn(unexpected('deletePost')),
        addReaction: vi.fn(unexpected('addReaction')),
        removeReaction: vi.fn(unexpected('removeReaction')),
        getEmojiCatalog: vi.fn(unexpected('getEmojiCatalog')),
        getCustomEmojis: vi.fn(unexpected('getCustomEmojis')),
        getPreferences: vi.fn(unexpected('getPreferences')),
        savePreferences: vi.fn(unexpected('savePreferences')),
        uploadFiles: vi.fn(unexpected('uploadFiles')),
        viewChannel: vi.fn(unexpected('viewChannel')),
        getUsersByIds: vi.fn(unexpected('getUsersByIds')),
        getConversationRecords: vi.fn(unexpected('getConversationRecords')),
        getConversationFiles: vi.fn(unexpected('getConversationFiles')),
        getStatuses: vi.fn(unexpected('getStatuses')),
        getNotificationPreferences: vi.fn(unexpected('getNotificationPreferences')),
        setNotificationPreferences: vi.fn(unexpected('setNotificationPreferences')),
        getDigest: vi.fn(() => Promise.resolve(digestOff)),
        setDigest: vi.fn((change) => Promise.resolve({...digestOff, ...change})),
        getConversationDigest: vi.fn(() => Promise.resolve({included: true, reason: ''})),
        setConversationDigest: vi.fn((_id, included) => Promise.resolve({included, reason: ''})),
        getFollows: vi.fn(() => Promise.resolve({follows: []})),
        follow: vi.fn(unexpected('follow')),
        unfollow: vi.fn(unexpected('unfollow')),
        getSwarmPlan: vi.fn(unexpected('getSwarmPlan')),
        bringInTeam: vi.fn(unexpected('bringInTeam')),
        getCreatableTables: vi.fn(() => Promise.resolve({tables: [{name: 'incident', label: 'Incident'}]})),
        createRecord: vi.fn(unexpected('createRecord')),
        saveToRecord: vi.fn(unexpected('saveToRecord')),
        getJournalKind: vi.fn(() => Promise.resolve({kind: 'work_notes'})),
        setJournalKind: vi.fn((_id, kind) => Promise.resolve(kind)),
        getSeen: vi.fn(() => Promise.resolve({enabled: false, readers: []})),
        getReceipts: vi.fn(() => Promise.resolve({enabled: true, allowed: true})),
        setReceipts: vi.fn((enabled: boolean) => Promise.resolve({enabled, allowed: true})),
    };
}

export type ConnectTestStore = Store<ConnectRootState, Action<string>> & {actions: ConnectAction[]};

// A store holding only the plugin's state, recording what is dispatched.
export function connectStore(state: Partial<ConnectState> = {}): ConnectTestStore {
    const actions: ConnectAction[] = [];
    const rootReducer = (root: ConnectRootState = {[pluginStateKey]: {...initialConnectState, ...state}}, action: Action<string>): ConnectRootState => {
        if (action.type.startsWith('connect/')) {
            actions.push(action as ConnectAction);
        }
        return connectRootReducer(root, action);
    };
    return Object.assign(createStore(rootReducer), {actions});
}

export function stateOf(store: ConnectTestStore): ConnectState {
    const state = store.getState()[pluginStateKey];
    if (!state) {
        throw new Error('The store has no Connect state.');
    }
    return state;
}

// Wraps what a test renders with @testing-library's render in a Connect provider (rerender too).
export function connectWrapper(client: FakeClient = fakeClient(), store: ConnectTestStore = connectStore()) {
    const value: ConnectEnvironment = {client, siteURL: 'https://chat.example.com', currentUserId: me.id};
    return function ConnectWrapper({children}: {children: React.ReactNode}) {
        return (
            <Provider store={store}>
                <ConnectProvider value={value}>{children}</ConnectProvider>
            </Provider>
        );
    };
}

export function renderWithConnect(
    ui: ReactElement,
    {client = fakeClient(), store = connectStore(), environment = {}}: {client?: FakeClient; store?: ConnectTestStore; environment?: Partial<ConnectEnvironment>} = {},
): RenderResult & {client: FakeClient; store: ConnectTestStore} {
    const value: ConnectEnvironment = {client, siteURL: 'https://chat.example.com', currentUserId: me.id, ...environment};
    const result = render(
        <Provider store={store}>
            <ConnectProvider value={value}>{ui}</ConnectProvider>
        </Provider>,
    );
    return {...result, client, store};
}

// One of the plugin's websocket events as the server sends it, through the web app's handlers.
export function deliverPluginEvent(store: ConnectTestStore, event: string, data: Record<string, unknown>): void {
    const handlers = webSocketHandlers({client: fakeClient(), dispatch: store.dispatch, getState: () => store.getState()}, me.id);
    handlers[pluginEvent(event)]({event: pluginEvent(event), data});
}
