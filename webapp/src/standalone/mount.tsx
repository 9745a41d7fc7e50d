import React from 'react';
import {createRoot, type Root} from 'react-dom/client';
import {Provider} from 'react-redux';

import {ConnectClient, type FetchFunction} from '../client';
import {bellDesktopGate} from '../components/bell/desktop_rule';
import {createConnectApp, createStandaloneStore} from '../connect_app';
import {siteURLOfPluginPage} from '../host/site_url';
import {connectWebSocket, PluginSocketHandlers} from '../host/websocket';
import {userTimeZone} from '../i18n/time_zone';
import {pluginId} from '../manifest';
import {replaceLocation} from '../navigation';
import type {LiveConfig} from '../state/typing';
import {loginURL, workspaceReturnPath} from '../routes';
import {installStylesheet} from '../styles/stylesheet';
import type {UserProfile} from '../types/user';

import {notifyInBackground} from './browser_notifications';
import {WorkspaceApp, type StartConnect} from './WorkspaceApp';

export const workspaceRootId = 'connect-workspace-root';

export function mountWorkspace(rootElement: HTMLElement, fetchFunction?: FetchFunction): Root {
    const siteURL = siteURLOfPluginPage(window.location, pluginId);
    const client = new ConnectClient(siteURL, fetchFunction);
    const store = createStandaloneStore();
    const goToLogin = () => {
        replaceLocation(loginURL(siteURL, workspaceReturnPath() + window.location.search));
    };

    // Live over Mattermost's websocket, with the same handlers as inside the web app. The browser
    // tests wait for <body data-workspace-socket="connected">.
    const startConnect: StartConnect = (user: UserProfile) => {
        const handlers = new PluginSocketHandlers();
        const socket = connectWebSocket(siteURL, handlers, {onStatus: (status) => {
            document.body.dataset.workspaceSocket = status;
        }});

        // Typing and presence settings, which the web app has in its store.
        let liveConfig: LiveConfig = {};
        client.getClientConfig().then((config) => {
            liveConfig = config;
        }, () => undefined);
        const timeZone = userTimeZone(user);
        const app = createConnectApp(store, {client, siteURL, currentUserId: user.id, liveConfig: () => liveConfig, typingSocket: socket, timeZone: () => timeZone});
        for (const [event, handler] of Object.entries(app.webSocketHandlers)) {
            handlers.register(pluginId, event, handler);
        }
        handlers.registerReconnect(pluginId, app.refreshAfterReconnect);
        const stopApp = app.start(window.localStorage);
        const stopNotifying = notifyInBackground(store, user.id, bellDesktopGate(app.deps));
        return {
            environment: app.environment,
            stop: () => {
                stopNotifying();
                socket.stop();
                stopApp();
            },
        };
    };

    installStylesheet();
    document.body.classList.add('cc-workspace-body');
    const root = createRoot(rootElement);
    root.render(
        <Provider store={store}>
            <WorkspaceApp
                client={client}
                onUnauthorized={goToLogin}
                startConnect={startConnect}
            />
        </Provider>,
    );
    return root;
}
