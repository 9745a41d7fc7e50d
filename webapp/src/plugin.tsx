import React from 'react';

import {registerSystemConsole, unregisterSystemConsole} from './admin/register';
import {ConnectRoot} from './components/ConnectRoot';
import {ConnectSidebar} from './components/sidebar/ConnectSidebar';
import {SidebarToggleIcon} from './components/sidebar/SidebarToggleIcon';
import {goToWorkspace} from './components/workspace/go_to_workspace';
import {WorkspaceRoute} from './components/workspace/WorkspaceRoute';
import {WorkspaceReturn} from './components/workspace_return/WorkspaceReturn';
import {connectToHost} from './connect_app';
import {getTranslationsForLocale} from './i18n/catalogs';
import {pluginAssetURL, workspaceReturnRoute, workspaceTeamRoute} from './routes';
import {removeStylesheet} from './styles/stylesheet';
import type {HostStore, PluginRegistry, WebappPlugin} from './types/registry';

const label = 'Connect';

// The mini windows and the app bar badge belong wherever the app bar and the sidebar are: the
// web app's global components are (root.tsx); its root components are only in the channel view.
function registerFloating(registry: PluginRegistry, component: React.ComponentType): string {
    return registry.registerGlobalComponent ? registry.registerGlobalComponent(component) : registry.registerRootComponent(component);
}

export class ConnectPlugin implements WebappPlugin {
    private cleanups: Array<() => void> = [];

    // The web app calls this once per page load, before anyone may have signed in; Connect then
    // follows whoever signs in and out (see connectToHost).
    initialize(registry: PluginRegistry, store: HostStore): void {
        registry.registerTranslations(getTranslationsForLocale);

        // Only the registered sidebar's own button calls it, so the sidebar is registered by then.
        const hideSidebar = () => {
            store.dispatch(sidebar.hideRHSPlugin);
        };
        const connect = connectToHost(registry, store, hideSidebar);

        const sidebar = registry.registerRightHandSidebarComponent(connect.forSignedInUser(ConnectSidebar), label);
        const toggleSidebar = () => {
            store.dispatch(sidebar.toggleRHSPlugin);
        };

        const appBarIconUrl = pluginAssetURL(connect.siteURL, 'connect.svg');
        const appBarId = registry.registerAppBarComponent(appBarIconUrl, toggleSidebar, label);

        // The web app shows it only while its app bar is off (selectors/plugins.ts hides the header
        // buttons of plugins that have an app bar item); its icon carries the unread badge.
        const headerButtonId = registry.registerChannelHeaderButtonAction(<SidebarToggleIcon/>, toggleSidebar, label, label);

        const workspaceRouteId = registry.registerCustomRoute(workspaceReturnRoute, WorkspaceReturn);

        // The workspace inside the web app: a team route and a main menu entry, both documented
        // registry calls (registerProduct is marked internal and can break the web app's routes).
        const teamRouteId = registry.registerNeedsTeamRoute(`/${workspaceTeamRoute}`, connect.forSignedInUser(WorkspaceRoute));
        const menuId = registry.registerMainMenuAction('Connect Chat', () => goToWorkspace(store.getState(), connect.siteURL), <SidebarToggleIcon/>);

        function Floating() {
            return <ConnectRoot appBarIconUrl={appBarIconUrl}/>;
        }
        const floatingId = registerFloating(registry, connect.forSignedInUser(Floating));
        registerSystemConsole(registry);

        this.cleanups.push(
            () => store.dispatch(sidebar.hideRHSPlugin),
            () => registry.unregisterComponent(sidebar.id),
            () => registry.unregisterComponent(appBarId),
            () => registry.unregisterComponent(headerButtonId),
            () => registry.unregisterComponent(workspaceRouteId),
            () => registry.unregisterComponent(teamRouteId),
            () => registry.unregisterComponent(menuId),
            () => registry.unregisterComponent(floatingId),
            () => unregisterSystemConsole(registry),
            connect.disconnect,
            () => removeStylesheet(),
        );
    }

    uninitialize(): void {
        for (const cleanup of this.cleanups.splice(0)) {
            cleanup();
        }
    }
}
