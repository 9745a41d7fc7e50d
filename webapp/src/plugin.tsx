import React from 'react';

import {ConnectIcon} from './components/icons/ConnectIcon';
import {ConnectSidebar} from './components/sidebar/ConnectSidebar';
import {WorkspaceReturn} from './components/workspace_return/WorkspaceReturn';
import {selectSiteURL} from './host/site_url';
import {pluginAssetURL, workspaceReturnRoute} from './routes';
import type {HostStore, PluginRegistry, WebappPlugin} from './types/registry';

const label = 'Connect';

export class ConnectPlugin implements WebappPlugin {
    private cleanups: Array<() => void> = [];

    initialize(registry: PluginRegistry, store: HostStore): void {
        const siteURL = selectSiteURL(store.getState());

        const sidebar = registry.registerRightHandSidebarComponent(ConnectSidebar, label);
        const toggleSidebar = () => {
            store.dispatch(sidebar.toggleRHSPlugin);
        };

        const appBarId = registry.registerAppBarComponent(pluginAssetURL(siteURL, 'connect.svg'), toggleSidebar, label);

        // For servers whose web app has no app bar.
        const headerButtonId = registry.registerChannelHeaderButtonAction(<ConnectIcon/>, toggleSidebar, label, label);

        const workspaceRouteId = registry.registerCustomRoute(workspaceReturnRoute, WorkspaceReturn);

        this.cleanups.push(
            () => store.dispatch(sidebar.hideRHSPlugin),
            () => registry.unregisterComponent(sidebar.id),
            () => registry.unregisterComponent(appBarId),
            () => registry.unregisterComponent(headerButtonId),
            () => registry.unregisterComponent(workspaceRouteId),
        );
    }

    uninitialize(): void {
        for (const cleanup of this.cleanups.splice(0)) {
            cleanup();
        }
    }
}
