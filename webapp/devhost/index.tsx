// The dev host: the Mattermost server serves it as its web client (root.html), and it loads the
// plugin the way the Mattermost web app does. Used by `make dev` and the browser tests.
import React from 'react';
import {createRoot, type Root} from 'react-dom/client';
import {Provider} from 'react-redux';

import {errorMessage} from '../src/error_message';
import {pluginId} from '../src/manifest';
import type {WebappPlugin} from '../src/types/registry';
import type {UserProfile} from '../src/types/user';

import {HostApp} from './HostApp';
import {bundleURL, fetchJSON, loadScript, type WebappPluginManifest} from './load_plugin';
import {createHarnessRegistry} from './registry';
import {fetchSignedInUser, signInTarget} from './session';
import {SignInPage} from './SignInPage';
import {createHarnessStore, type HarnessStore, type HostTeam} from './store';
import {connectWebSocket, PluginSocketHandlers} from '../src/host/websocket';

// The browser tests wait for <body data-host-status> to be "ready", "signed-out" or "error: ...".
function setStatus(status: string): void {
    document.body.dataset.hostStatus = status;
}

function waitForRegistration(store: HarnessStore, socketHandlers: PluginSocketHandlers): Promise<WebappPlugin> {
    return new Promise((resolve) => {
        window.registerPlugin = (id, plugin) => {
            void plugin.initialize(createHarnessRegistry(id, store, socketHandlers), store);
            resolve(plugin);
        };
    });
}

function createPageRoot(): Root {
    const rootElement = document.getElementById('host-root');
    if (!rootElement) {
        throw new Error('The dev host page has no #host-root element.');
    }
    return createRoot(rootElement);
}

async function loadPlugin(siteURL: string, currentUser: UserProfile, root: Root): Promise<void> {
    const teams = await fetchJSON<HostTeam[]>(`${siteURL}/api/v4/users/me/teams`);
    const store = createHarnessStore(siteURL, currentUser, teams[0]);
    const socketHandlers = new PluginSocketHandlers();
    const registered = waitForRegistration(store, socketHandlers);
    root.render(
        <Provider store={store.redux}>
            <HostApp
                siteURL={siteURL}
                pathname={window.location.pathname}
            />
        </Provider>,
    );

    const manifests = await fetchJSON<WebappPluginManifest[]>(`${siteURL}/api/v4/plugins/webapp`);
    const manifest = manifests.find((candidate) => candidate.id === pluginId);
    if (!manifest) {
        throw new Error(`GET /api/v4/plugins/webapp does not list ${pluginId}: is the plugin enabled?`);
    }
    await loadScript(bundleURL(siteURL, manifest));
    await registered;

    // The browser tests wait for <body data-host-socket="connected"> before expecting live events.
    connectWebSocket(siteURL, socketHandlers, {onStatus: (status) => {
        document.body.dataset.hostSocket = status;
    }});
}

async function boot(): Promise<void> {
    const siteURL = window.location.origin;
    const {pathname, search} = window.location;
    const currentUser = await fetchSignedInUser(siteURL);

    if (!currentUser) {
        createPageRoot().render(
            <SignInPage
                siteURL={siteURL}
                search={search}
            />,
        );
        setStatus('signed-out');
        return;
    }

    // Like the web app, the login page sends someone already signed in straight on.
    if (pathname === '/login') {
        window.location.replace(signInTarget(search));
        return;
    }

    await loadPlugin(siteURL, currentUser, createPageRoot());
    setStatus('ready');
}

boot().catch((error: unknown) => {
    const message = errorMessage(error);
    setStatus(`error: ${message}`);
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    document.body.appendChild(alert);
});
