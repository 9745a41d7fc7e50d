import React from 'react';

import {ConnectClient} from './client';
import {withConnectEnvironment, type ConnectEnvironment} from './components/connect_context';
import {ConnectRoot} from './components/ConnectRoot';
import {ConnectSidebar} from './components/sidebar/ConnectSidebar';
import {SidebarToggleIcon} from './components/sidebar/SidebarToggleIcon';
import {removeStylesheet} from './components/stylesheet';
import {WorkspaceReturn} from './components/workspace_return/WorkspaceReturn';
import {selectSiteURL} from './host/site_url';
import {pluginAssetURL, workspaceReturnRoute} from './routes';
import {loadConversations, refreshAfterReconnect, type ConnectDeps} from './state/operations';
import {persistMiniWindows} from './state/persistence';
import {connectReducer} from './state/reducer';
import {webSocketHandlers} from './state/websocket';
import type {HostStore, PluginRegistry, RightHandSidebarRegistration, WebappPlugin} from './types/registry';

const label = 'Connect';

export class ConnectPlugin implements WebappPlugin {
    private cleanups: Array<() => void> = [];

    initialize(registry: PluginRegistry, store: HostStore): void {
        const siteURL = selectSiteURL(store.getState());
        const currentUserId = store.getState().entities.users.currentUserId;
        const client = new ConnectClient(siteURL);
        const deps: ConnectDeps = {client, dispatch: store.dispatch, getState: store.getState};

        registry.registerReducer(connectReducer);

        let sidebar: RightHandSidebarRegistration | undefined;
        const environment: ConnectEnvironment = {
            client,
            siteURL,
            currentUserId,
            hideSidebar: () => {
                if (sidebar) {
                    store.dispatch(sidebar.hideRHSPlugin);
                }
            },
        };
        sidebar = registry.registerRightHandSidebarComponent(withConnectEnvironment(ConnectSidebar, environment), label);
        const sidebarRegistration = sidebar;
        const toggleSidebar = () => {
            store.dispatch(sidebarRegistration.toggleRHSPlugin);
        };

        const appBarIconUrl = pluginAssetURL(siteURL, 'connect.svg');
        const appBarId = registry.registerAppBarComponent(appBarIconUrl, toggleSidebar, label);

        // For servers whose web app has no app bar; its icon carries the unread badge.
        const headerButtonId = registry.registerChannelHeaderButtonAction(<SidebarToggleIcon/>, toggleSidebar, label, label);

        const workspaceRouteId = registry.registerCustomRoute(workspaceReturnRoute, WorkspaceReturn);

        function Root() {
            return <ConnectRoot appBarIconUrl={appBarIconUrl}/>;
        }
        const rootId = registry.registerRootComponent(withConnectEnvironment(Root, environment));

        const handlers = webSocketHandlers(deps, currentUserId);
        for (const [event, handler] of Object.entries(handlers)) {
            registry.registerWebSocketEventHandler(event, handler);
        }
        registry.registerReconnectHandler(() => void refreshAfterReconnect(deps));

        const stopPersisting = persistMiniWindows(store, window.localStorage, currentUserId);
        void loadConversations(deps);

        this.cleanups.push(
            () => store.dispatch(sidebarRegistration.hideRHSPlugin),
            () => registry.unregisterComponent(sidebarRegistration.id),
            () => registry.unregisterComponent(appBarId),
            () => registry.unregisterComponent(headerButtonId),
            () => registry.unregisterComponent(workspaceRouteId),
            () => registry.unregisterComponent(rootId),
            () => Object.keys(handlers).forEach((event) => registry.unregisterWebSocketEventHandler(event)),
            () => registry.unregisterReconnectHandler(),
            stopPersisting,
            () => removeStylesheet(),
        );
    }

    uninitialize(): void {
        for (const cleanup of this.cleanups.splice(0)) {
            cleanup();
        }
    }
}
