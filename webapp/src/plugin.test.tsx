import {render} from '@testing-library/react';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';

import {alice, fakeRegistry, fakeStore, hostState, sidebarRegistration} from '../tests/unit/fixtures';

import {ConnectSidebar} from './components/sidebar/ConnectSidebar';
import {WorkspaceReturn} from './components/workspace_return/WorkspaceReturn';
import {ConnectPlugin} from './plugin';
import type {HostChannel, HostChannelMembership} from './types/registry';

const channel: HostChannel = {id: 'channel-1', team_id: 'team-1', type: 'O', name: 'town-square', display_name: 'Town Square'};
const member: HostChannelMembership = {channel_id: 'channel-1', user_id: alice.id};

function initializedPlugin(siteURL = 'https://chat.example.com') {
    const registry = fakeRegistry();
    const store = fakeStore(hostState({siteURL}));
    const plugin = new ConnectPlugin();
    plugin.initialize(registry, store);
    return {plugin, registry, store};
}

describe('ConnectPlugin.initialize', () => {
    afterEach(() => {
        delete window.basename;
    });

    it('registers the Connect sidebar in the right-hand sidebar', () => {
        const {registry} = initializedPlugin();

        expect(registry.registerRightHandSidebarComponent).toHaveBeenCalledExactlyOnceWith(ConnectSidebar, 'Connect');
    });

    it('adds an app bar icon served by the plugin that toggles the sidebar', () => {
        const {registry, store} = initializedPlugin('https://chat.example.com/');

        expect(registry.registerAppBarComponent).toHaveBeenCalledOnce();
        const [iconUrl, action, tooltipText] = registry.registerAppBarComponent.mock.calls[0];
        expect(iconUrl).toBe('https://chat.example.com/plugins/connect-chat/assets/connect.svg');
        expect(tooltipText).toBe('Connect');

        action(channel, member);
        expect(store.dispatched).toEqual([sidebarRegistration.toggleRHSPlugin]);
    });

    it('adds a channel header button with the Connect icon that toggles the sidebar', () => {
        const {registry, store} = initializedPlugin();

        expect(registry.registerChannelHeaderButtonAction).toHaveBeenCalledOnce();
        const [icon, action, dropdownText, tooltipText] = registry.registerChannelHeaderButtonAction.mock.calls[0];
        expect(dropdownText).toBe('Connect');
        expect(tooltipText).toBe('Connect');
        const {container} = render(<>{icon}</>);
        expect(container.querySelector('svg')).not.toBeNull();

        action(channel, member);
        action(channel, member);
        expect(store.dispatched).toEqual([sidebarRegistration.toggleRHSPlugin, sidebarRegistration.toggleRHSPlugin]);
    });

    it('registers the route a login from the workspace page returns through', () => {
        const {registry} = initializedPlugin();

        expect(registry.registerCustomRoute).toHaveBeenCalledExactlyOnceWith('workspace', WorkspaceReturn);
    });

    it('takes the site URL from the page when the server has none configured', () => {
        window.basename = '/chat';
        const {registry} = initializedPlugin('');

        const [iconUrl] = registry.registerAppBarComponent.mock.calls[0];
        expect(iconUrl).toBe(`${window.location.origin}/chat/plugins/connect-chat/assets/connect.svg`);
    });
});

describe('ConnectPlugin.uninitialize', () => {
    it('closes the sidebar and removes everything it registered', () => {
        const {plugin, registry, store} = initializedPlugin();

        plugin.uninitialize();

        expect(store.dispatched).toEqual([sidebarRegistration.hideRHSPlugin]);
        expect(registry.unregisterComponent.mock.calls.map(([id]) => id).sort()).toEqual(['app-bar-1', 'header-button-1', 'rhs-1', 'route-1']);
    });

    it('does nothing the second time', () => {
        const {plugin, registry} = initializedPlugin();

        plugin.uninitialize();
        plugin.uninitialize();

        expect(registry.unregisterComponent).toHaveBeenCalledTimes(4);
    });
});
