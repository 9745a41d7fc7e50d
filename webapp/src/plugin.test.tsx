import {render, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

import {connectStore, directConversation} from '../tests/unit/connect_fixtures';
import {alice, fakeRegistry, fakeStore, hostState, jsonResponse, sidebarRegistration} from '../tests/unit/fixtures';

import {conversationsLoaded, sessionEnded, windowsRestored} from './state/actions';
import {miniWindowsStorageKey} from './state/persistence';
import {connectReducer} from './state/reducer';
import {pluginStateKey} from './state/types';
import {stylesheetElementId} from './styles/stylesheet';
import {WorkspaceReturn} from './components/workspace_return/WorkspaceReturn';
import {ConnectPlugin} from './plugin';
import type {HostChannel, HostChannelMembership, PluginRegistry} from './types/registry';

const channel: HostChannel = {id: 'channel-1', team_id: 'team-1', type: 'O', name: 'town-square', display_name: 'Town Square'};
const member: HostChannelMembership = {channel_id: 'channel-1', user_id: alice.id};
const emptyList = {conversations: [], total_unread: 0, total_mentions: 0};

function initializedPlugin(siteURL = 'https://chat.example.com') {
    const registry = fakeRegistry();
    const store = fakeStore(hostState({siteURL}));
    const plugin = new ConnectPlugin();
    plugin.initialize(registry, store);
    return {plugin, registry, store};
}

beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(jsonResponse(200, emptyList))));
});

afterEach(() => {
    delete window.basename;
    window.localStorage.clear();
});

describe('ConnectPlugin.initialize', () => {
    it('keeps its own state with a registered reducer', () => {
        const {registry} = initializedPlugin();

        expect(registry.registerReducer).toHaveBeenCalledExactlyOnceWith(connectReducer);
        expect(pluginStateKey).toBe('plugins-connect-chat');
    });

    it('registers the Connect sidebar in the right-hand sidebar', () => {
        const {registry} = initializedPlugin();

        expect(registry.registerRightHandSidebarComponent).toHaveBeenCalledOnce();
        const [Sidebar, title] = registry.registerRightHandSidebarComponent.mock.calls[0];
        expect(title).toBe('Connect');
        render(
            <Provider store={connectStore()}>
                <Sidebar/>
            </Provider>,
        );
        expect(screen.getByRole('region', {name: 'Connect'})).toBeInTheDocument();
    });

    it('adds an app bar icon served by the plugin that toggles the sidebar', () => {
        const {registry, store} = initializedPlugin('https://chat.example.com/');

        expect(registry.registerAppBarComponent).toHaveBeenCalledOnce();
        const [iconUrl, action, tooltipText] = registry.registerAppBarComponent.mock.calls[0];
        expect(iconUrl).toBe(`${window.location.origin}/plugins/connect-chat/assets/connect.svg`);
        expect(tooltipText).toBe('Connect');

        action(channel, member);
        expect(store.dispatched).toContain(sidebarRegistration.toggleRHSPlugin);
    });

    it('adds a channel header button whose icon carries the unread count', () => {
        const {registry, store} = initializedPlugin();

        expect(registry.registerChannelHeaderButtonAction).toHaveBeenCalledOnce();
        const [icon, action, dropdownText, tooltipText] = registry.registerChannelHeaderButtonAction.mock.calls[0];
        expect(dropdownText).toBe('Connect');
        expect(tooltipText).toBe('Connect');
        const connect = connectStore();
        connect.dispatch(conversationsLoaded({conversations: [directConversation({unread_count: 3})], total_unread: 3, total_mentions: 0}));
        render(<Provider store={connect}>{icon}</Provider>);
        expect(screen.getByTestId('connect-header-icon').querySelector('svg')).not.toBeNull();
        expect(screen.getByTestId('unread-badge')).toHaveTextContent('3');

        action(channel, member);
        expect(store.dispatched.filter((dispatched) => dispatched === sidebarRegistration.toggleRHSPlugin)).toHaveLength(1);
    });

    it('registers the route a login from the workspace page returns through', () => {
        const {registry} = initializedPlugin();

        expect(registry.registerCustomRoute).toHaveBeenCalledExactlyOnceWith('workspace', WorkspaceReturn);
    });

    it('registers the workspace as a team route, and a main menu entry that goes there', () => {
        const {registry} = initializedPlugin();

        expect(registry.registerNeedsTeamRoute).toHaveBeenCalledExactlyOnceWith('/workspace', expect.any(Function));
        expect(registry.registerMainMenuAction).toHaveBeenCalledExactlyOnceWith('Connect Chat', expect.any(Function), expect.anything());
    });

    it('floats the mini windows where the app bar and sidebar are: a global component', () => {
        const {registry} = initializedPlugin();

        expect(registry.registerGlobalComponent).toHaveBeenCalledOnce();
        expect(registry.registerRootComponent).not.toHaveBeenCalled();
    });

    it('falls back to a root component in a web app without global components', () => {
        const registry: PluginRegistry = {...fakeRegistry(), registerGlobalComponent: undefined};
        const rootComponents = vi.spyOn(registry, 'registerRootComponent');

        new ConnectPlugin().initialize(registry, fakeStore(hostState()));

        expect(rootComponents).toHaveBeenCalledOnce();
    });

    it('listens to its own websocket events and the core post events', () => {
        const {registry} = initializedPlugin();

        const events = registry.registerWebSocketEventHandler.mock.calls.map(([event]) => event);
        expect(events).toEqual(expect.arrayContaining([
            'custom_connect-chat_conversation_updated',
            'custom_connect-chat_conversation_closed',
            'custom_connect-chat_unread_totals',
            'posted',
            'post_edited',
            'post_deleted',
            'channel_viewed',
        ]));
        expect(registry.registerReconnectHandler).toHaveBeenCalledOnce();
    });

    it('loads the open conversations at once, for the unread badge', async () => {
        const list = {conversations: [directConversation({unread_count: 2})], total_unread: 2, total_mentions: 0};
        const fetchMock = vi.fn(() => Promise.resolve(jsonResponse(200, list)));
        vi.stubGlobal('fetch', fetchMock);

        const {store} = initializedPlugin();

        await waitFor(() => expect(store.dispatched).toContainEqual(conversationsLoaded(list)));
        expect(fetchMock.mock.calls[0]).toEqual([`${window.location.origin}/plugins/connect-chat/api/v1/conversations`, expect.anything()]);
    });

    it('restores the user\'s mini windows from the browser\'s storage', () => {
        window.localStorage.setItem(miniWindowsStorageKey(alice.id), JSON.stringify([{id: 'dm-bob', collapsed: true}]));

        const {store} = initializedPlugin();

        expect(store.dispatched).toContainEqual(windowsRestored([{id: 'dm-bob', collapsed: true}]));
    });

    it('takes the site URL from the page, as the web app does, whatever Site URL is configured', () => {
        window.basename = '/chat';
        const {registry} = initializedPlugin('https://elsewhere.example.com');

        const [iconUrl] = registry.registerAppBarComponent.mock.calls[0];
        expect(iconUrl).toBe(`${window.location.origin}/chat/plugins/connect-chat/assets/connect.svg`);
    });
});

describe('ConnectPlugin.uninitialize', () => {
    it('closes the sidebar and removes everything it registered', () => {
        const {plugin, registry, store} = initializedPlugin();
        store.dispatched.length = 0;

        plugin.uninitialize();

        expect(store.dispatched).toEqual([sidebarRegistration.hideRHSPlugin, sessionEnded()]);
        expect(registry.unregisterComponent.mock.calls.map(([id]) => id).sort()).toEqual(['app-bar-1', 'global-1', 'header-button-1', 'main-menu-1', 'rhs-1', 'route-1', 'team-route-1']);
        const registered = registry.registerWebSocketEventHandler.mock.calls.map(([event]) => event).sort();
        expect(registry.unregisterWebSocketEventHandler.mock.calls.map(([event]) => event).sort()).toEqual(registered);
        expect(registry.unregisterReconnectHandler).toHaveBeenCalledOnce();
    });

    it('takes out the stylesheet its components put in', () => {
        const {plugin, registry} = initializedPlugin();
        const [Sidebar] = registry.registerRightHandSidebarComponent.mock.calls[0];
        render(
            <Provider store={connectStore()}>
                <Sidebar/>
            </Provider>,
        );
        expect(document.getElementById(stylesheetElementId)?.textContent).toContain('.cc-sidebar');

        plugin.uninitialize();

        expect(document.getElementById(stylesheetElementId)).toBeNull();
    });

    it('does nothing the second time', () => {
        const {plugin, registry} = initializedPlugin();

        plugin.uninitialize();
        plugin.uninitialize();

        expect(registry.unregisterComponent).toHaveBeenCalledTimes(7);
    });
});
