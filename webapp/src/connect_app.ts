// The one setup of Connect's state, shared by every page that shows Connect: the plugin inside
// Mattermost's web app (and the dev host, which loads the plugin the same way) keeps it in the
// host's store; the standalone workspace page keeps it in a store of its own, with the same
// reducer under the same key and the same websocket handlers.
import type {ComponentType} from 'react';
import {legacy_createStore as createStore, type Action, type Store} from 'redux';

import {ConnectClient} from './client';
import {withConnectEnvironment, type ConnectEnvironment} from './components/connect_context';
import {selectSiteURL} from './host/site_url';
import type {ConnectAction} from './state/actions';
import {loadConversations, refreshAfterReconnect, type ConnectDeps} from './state/operations';
import {persistMiniWindows} from './state/persistence';
import {connectReducer} from './state/reducer';
import {pluginStateKey, type ConnectRootState} from './state/types';
import {webSocketHandlers, type WebSocketHandler} from './state/websocket';
import type {HostStore, PluginRegistry} from './types/registry';

// Properties rather than methods: they are handed on detached from the store.
export interface ConnectStore {
    getState: () => ConnectRootState;
    dispatch: (action: ConnectAction) => unknown;
    subscribe: (listener: () => void) => () => void;
}

export interface ConnectApp {
    environment: ConnectEnvironment;

    // By event name: what the page's websocket delivers Connect's and the core post events to.
    webSocketHandlers: Record<string, WebSocketHandler>;

    // For after the websocket was away and events may have been missed.
    refreshAfterReconnect: () => void;

    // Wraps a component in the ConnectEnvironment provider.
    withEnvironment: (Component: ComponentType) => ComponentType;

    // Restores the user's mini windows and keeps saving them, and loads the open conversations.
    // Returns the stop.
    start: (storage: Storage) => () => void;
}

export function createConnectApp(store: ConnectStore, environment: ConnectEnvironment): ConnectApp {
    const deps: ConnectDeps = {client: environment.client, dispatch: store.dispatch, getState: store.getState};
    return {
        environment,
        webSocketHandlers: webSocketHandlers(deps, environment.currentUserId),
        refreshAfterReconnect: () => void refreshAfterReconnect(deps),
        withEnvironment: (Component) => withConnectEnvironment(Component, environment),
        start: (storage) => {
            const stopPersisting = persistMiniWindows(store, storage, environment.currentUserId);
            void loadConversations(deps);
            return stopPersisting;
        },
    };
}

// The host keeps the registered reducer's state at pluginStateKey, so to Connect its state is a
// ConnectRootState.
function connectStoreOf(hostStore: HostStore): ConnectStore {
    return {
        getState: () => hostStore.getState() as ConnectRootState,
        dispatch: hostStore.dispatch,
        subscribe: hostStore.subscribe,
    };
}

export interface HostConnection {
    app: ConnectApp;

    // Unregisters the handlers and stops saving the mini windows.
    disconnect: () => void;
}

// Inside the web app: the reducer and the websocket and reconnect handlers go through the host's
// registry, and the state lives in the host's store.
export function connectToHost(registry: PluginRegistry, hostStore: HostStore, hideSidebar: () => void): HostConnection {
    registry.registerReducer(connectReducer);

    const siteURL = selectSiteURL(hostStore.getState());
    const app = createConnectApp(connectStoreOf(hostStore), {
        client: new ConnectClient(siteURL),
        siteURL,
        currentUserId: hostStore.getState().entities.users.currentUserId,
        hideSidebar,
    });
    for (const [event, handler] of Object.entries(app.webSocketHandlers)) {
        registry.registerWebSocketEventHandler(event, handler);
    }
    registry.registerReconnectHandler(app.refreshAfterReconnect);
    const stop = app.start(window.localStorage);

    const disconnect = () => {
        for (const event of Object.keys(app.webSocketHandlers)) {
            registry.unregisterWebSocketEventHandler(event);
        }
        registry.unregisterReconnectHandler();
        stop();
    };
    return {app, disconnect};
}

// The root reducer of a store that holds only Connect's state, where the web app would keep it.
export function connectRootReducer(state: ConnectRootState = {}, action: Action<string>): ConnectRootState {
    const previous = state[pluginStateKey];
    const next = connectReducer(previous, action);
    return next === previous ? state : {...state, [pluginStateKey]: next};
}

// The standalone page's own store.
export function createStandaloneStore(): Store<ConnectRootState, Action<string>> {
    return createStore(connectRootReducer);
}
