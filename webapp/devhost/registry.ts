import type {PluginRegistry, RightHandSidebarRegistration} from '../src/types/registry';

import {harnessAction, type HarnessStore} from './store';
import type {PluginSocketHandlers} from '../src/host/websocket';

let lastId = 0;
function nextId(): string {
    lastId += 1;
    return `harness-component-${lastId}`;
}

// The registry the host page hands each plugin. Like the web app's, its RHS actions are a plain
// "show" action and two thunks.
export function createHarnessRegistry(pluginId: string, store: HarnessStore, socketHandlers: PluginSocketHandlers): PluginRegistry {
    const closeIfOpen = (pluggableId: string) => () => {
        if (store.getState().harness.openRightHandSidebarId === pluggableId) {
            store.dispatch(harnessAction({type: 'harness/rhs-closed'}));
        }
    };

    return {
        registerRightHandSidebarComponent(component, title): RightHandSidebarRegistration {
            const id = nextId();
            store.dispatch(harnessAction({type: 'harness/component-registered', kind: 'rightHandSidebar', item: {id, pluginId, component, title}}));
            const showRHSPlugin = harnessAction({type: 'harness/rhs-shown', pluggableId: id});
            return {
                id,
                showRHSPlugin,
                hideRHSPlugin: closeIfOpen(id),
                toggleRHSPlugin: () => {
                    if (store.getState().harness.openRightHandSidebarId === id) {
                        store.dispatch(harnessAction({type: 'harness/rhs-closed'}));
                        return;
                    }
                    store.dispatch(showRHSPlugin);
                },
            };
        },

        registerAppBarComponent(iconUrl, action, tooltipText) {
            const id = nextId();
            store.dispatch(harnessAction({type: 'harness/component-registered', kind: 'appBar', item: {id, pluginId, iconUrl, action, tooltipText}}));
            return id;
        },

        registerChannelHeaderButtonAction(icon, action, dropdownText, tooltipText) {
            const id = nextId();
            store.dispatch(harnessAction({
                type: 'harness/component-registered',
                kind: 'channelHeader',
                item: {id, pluginId, icon, action, dropdownText, tooltipText},
            }));
            return id;
        },

        registerCustomRoute(route, component) {
            const id = nextId();
            const path = `/plug/${pluginId}/${route.replace(/^\//, '')}`;
            store.dispatch(harnessAction({type: 'harness/component-registered', kind: 'customRoutes', item: {id, pluginId, route: path, component}}));
            return id;
        },

        registerNeedsTeamRoute(route, component) {
            const id = nextId();
            const path = `/${pluginId}/${route.replace(/^\//, '')}`;
            store.dispatch(harnessAction({type: 'harness/component-registered', kind: 'teamRoutes', item: {id, pluginId, route: path, component}}));
            return id;
        },

        registerMainMenuAction(text, action) {
            const id = nextId();
            store.dispatch(harnessAction({type: 'harness/component-registered', kind: 'mainMenu', item: {id, pluginId, text, action}}));
            return id;
        },

        registerRootComponent(component) {
            const id = nextId();
            store.dispatch(harnessAction({type: 'harness/component-registered', kind: 'root', item: {id, pluginId, component}}));
            return id;
        },

        registerReducer(reducer) {
            store.registerPluginReducer(pluginId, reducer);
        },

        registerWebSocketEventHandler(event, handler) {
            socketHandlers.register(pluginId, event, handler);
        },

        unregisterWebSocketEventHandler(event) {
            socketHandlers.unregister(pluginId, event);
        },

        registerReconnectHandler(handler) {
            socketHandlers.registerReconnect(pluginId, handler);
        },

        unregisterReconnectHandler() {
            socketHandlers.unregisterReconnect(pluginId);
        },

        unregisterComponent(componentId) {
            store.dispatch(harnessAction({type: 'harness/component-removed', id: componentId}));
        },
    };
}
