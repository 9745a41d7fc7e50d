// The one setup of Connect's state, shared by every page that shows Connect: the plugin inside
// Mattermost's web app (and the dev host, which loads the plugin the same way) keeps it in the
// host's store and follows whoever signs in; the standalone workspace page keeps it in a store of
// its own, with the same reducer under the same key and the same websocket handlers.
import type {ComponentType} from 'react';
import {legacy_createStore as createStore, type Action, type Store} from 'redux';

import {ConnectClient} from './client';
import {createSignedInEnvironment, guardedDispatch, type ConnectEnvironment} from './components/connect_context';
import {forgetPlainText} from './components/message_text/plain_text';
import {hostSiteURL} from './host/site_url';
import {userTimeZone} from './i18n/time_zone';
import {sessionEnded, type ConnectAction} from './state/actions';
import {loadConversations, refreshAfterReconnect, type ConnectDeps} from './state/operations';
import {persistMiniWindows} from './state/persistence';
import {createPresenceTracker} from './state/presence';
import type {LiveConfig} from './state/typing';
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

    // For what works beside the components (the standalone page's browser notifications).
    deps: ConnectDeps;

    // By event name: what the page's websocket delivers Connect's and the core post events to.
    webSocketHandlers: Record<string, WebSocketHandler>;

    // For after the websocket was away and events may have been missed.
    refreshAfterReconnect: () => void;

    // Restores the user's mini windows and keeps saving them, and loads the open conversations.
    // Returns the stop, for when the user signs out: it drops their requests in flight and
    // everything the page knows of them.
    start: (storage: Storage) => () => void;
}

// One signed-in user's Connect, in the store it is given.
export function createConnectApp(store: ConnectStore, environment: ConnectEnvironment): ConnectApp {
    let signedIn = true;
    const liveConfig: () => LiveConfig = environment.liveConfig ?? (() => ({}));
    const guardEnvironment: ConnectEnvironment = {...environment, signedIn: () => signedIn};
    const dispatch = guardedDispatch(store.dispatch, guardEnvironment);
    const deps: ConnectDeps = {client: environment.client, dispatch, getState: store.getState};
    const presence = createPresenceTracker(deps, {enabled: () => liveConfig().EnableUserStatuses !== 'false'});
    const userEnvironment: ConnectEnvironment = {...guardEnvironment, liveConfig, presence};
    return {
        environment: userEnvironment,
        deps,
        webSocketHandlers: webSocketHandlers(deps, environment.currentUserId, {config: liveConfig, presence}),
        refreshAfterReconnect: () => void refreshAfterReconnect(deps),
        start: (storage) => {
            const stopPersisting = persistMiniWindows(store, storage, environment.currentUserId);
            void loadConversations(deps);
            return () => {
                signedIn = false;
                presence.stop();
                stopPersisting();
                environment.client.close();

                // The only thing of theirs kept outside the state: their messages' text, cached.
                forgetPlainText();
                store.dispatch(sessionEnded());
            };
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
    // Where the web app is served: the same origin as the page.
    siteURL: string;

    // For registered components: see SignedInEnvironment.wrap.
    forSignedInUser: (Component: ComponentType) => ComponentType;

    // Ends the signed-in user's Connect and stops following sign-ins.
    disconnect: () => void;
}

// Calls onChange with the signed-in user's id ('' for nobody) now and whenever it changes. The web
// app starts plugins before anyone signs in (components/root/root.tsx: onConfigLoaded runs
// initializePlugins) and signs users in and out without reloading the page
// (components/login/login.tsx), keeping the user in entities.users.currentUserId. Returns the stop.
export function followSignedInUser(hostStore: HostStore, onChange: (userId: string) => void): () => void {
    let current = hostStore.getState().entities.users.currentUserId;
    onChange(current);
    return hostStore.subscribe(() => {
        const next = hostStore.getState().entities.users.currentUserId;
        if (next !== current) {
            current = next;
            onChange(next);
        }
    });
}

// Inside the web app: the reducer goes through the host's registry and the state lives in the
// host's store. Each user who signs in on the page gets a Connect of their own (a client, the
// websocket and reconnect handlers, their saved windows), ended when they sign out.
export function connectToHost(registry: PluginRegistry, hostStore: HostStore, hideSidebar: () => void): HostConnection {
    registry.registerReducer(connectReducer);
    const siteURL = hostSiteURL();
    const store = connectStoreOf(hostStore);
    const signedInEnvironment = createSignedInEnvironment();

    const startFor = (userId: string) => {
        const environment: ConnectEnvironment = {
            client: new ConnectClient(siteURL),
            siteURL,
            currentUserId: userId,
            hideSidebar,
            liveConfig: () => hostStore.getState().entities.general.config,
            timeZone: () => userTimeZone(hostStore.getState().entities.users.profiles[userId]),
        };
        const app = createConnectApp(store, environment);
        for (const [event, handler] of Object.entries(app.webSocketHandlers)) {
            registry.registerWebSocketEventHandler(event, handler);
        }
        registry.registerReconnectHandler(app.refreshAfterReconnect);
        const stopApp = app.start(window.localStorage);
        signedInEnvironment.begin(app.environment);
        return () => {
            signedInEnvironment.end();
            for (const event of Object.keys(app.webSocketHandlers)) {
                registry.unregisterWebSocketEventHandler(event);
            }
            registry.unregisterReconnectHandler();
            stopApp();
        };
    };

    let endSession: (() => void) | undefined;
    const stopFollowing = followSignedInUser(hostStore, (userId) => {
        endSession?.();
        endSession = userId ? startFor(userId) : undefined;
    });
    return {
        siteURL,
        forSignedInUser: signedInEnvironment.wrap,
        disconnect: () => {
            stopFollowing();
            endSession?.();
            endSession = undefined;
        },
    };
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
