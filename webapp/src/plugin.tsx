import React from 'react';

import {ConnectRoot} from './components/ConnectRoot';
import {ConnectSidebar} from './components/sidebar/ConnectSidebar';
import {SidebarToggleIcon} from './components/sidebar/SidebarToggleIcon';
import {goToWorkspace} from './components/workspace/go_to_workspace';
import {WorkspaceRoute} from './components/workspace/WorkspaceRoute';
import {WorkspaceReturn} from './components/workspace_return/WorkspaceReturn';
import {connectToHost} from './connect_app';
import {pluginAssetURL, workspaceReturnRoute, workspaceTeamRoute} from './routes';
import {removeStylesheet} from './styles/stylesheet';
import type {HostStore, PluginRegistry, WebappPlugin} from './types/registry';

const label = 'Connect';

export class ConnectPlugin implements WebappPlugin {
    private cleanups: Array<() => void> = [];

    initialize(registry: PluginRegistry, store: HostStore): void {
        // Only the registered sidebar's own button calls it, so the sidebar is registered by then.
        const hideSidebar = () => {
            store.dispatch(sidebar.hideRHSPlugin);
        };
        const {app, disconnect} = connectToHost(registry, store, hideSidebar);

        const sidebar = registry.registerRightHandSidebarComponent(app.withEnvironment(ConnectSidebar), label);
        const toggleSidebar = () => {
            store.dispatch(sidebar.toggleRHSPlugin);
        };

        const appBarIconUrl = pluginAssetURL(app.environment.siteURL, 'connect.svg');
        const appBarId = registry.registerAppBarComponent(appBarIconUrl, toggleSidebar, label);

        // For servers whose web app has no app bar; its icon carries the unread badge.
        const headerButtonId = registry.registerChannelHeaderButtonAction(<SidebarToggleIcon/>, toggleSidebar, label, label);

        const workspaceRouteId = registry.registerCustomRoute(workspaceReturnRoute, WorkspaceReturn);

        // The workspace inside the web app: a team route and a main menu entry, both documented
        // registry calls (registerProduct is marked internal and can break the web app's routes).
        const teamRouteId = registry.registerNeedsTeamRoute(`/${workspaceTeamRoute}`, app.withEnvironment(WorkspaceRoute));
        const menuId = registry.registerMainMenuAction('Connect Chat', () => goToWorkspace(store.getState(), app.environment.siteURL), <SidebarToggleIcon/>);

        function Root() {
            return <ConnectRoot appBarIconUrl={appBarIconUrl}/>;
        }
        const rootId = registry.registerRootComponent(app.withEnvironment(Root));

        this.cleanups.push(
            () => store.dispatch(sidebar.hideRHSPlugin),
            () => registry.unregisterComponent(sidebar.id),
            () => registry.unregisterComponent(appBarId),
            () => registry.unregisterComponent(headerButtonId),
            () => registry.unregisterComponent(workspaceRouteId),
            () => registry.unregisterComponent(teamRouteId),
            () => registry.unregisterComponent(menuId),
            () => registry.unregisterComponent(rootId),
            disconnect,
            () => removeStylesheet(),
        );
    }

    uninitialize(): void {
        for (const cleanup of this.cleanups.splice(0)) {
            cleanup();
        }
    }
}
