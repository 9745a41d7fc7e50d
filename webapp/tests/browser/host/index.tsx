// The browser-test host page: loads the plugin the way the Mattermost web app does.
import React from 'react';
import {createRoot} from 'react-dom/client';
import {Provider} from 'react-redux';

import {pluginId} from '../../../src/manifest';
import type {WebappPlugin} from '../../../src/types/registry';
import type {UserProfile} from '../../../src/types/user';

import {HostApp} from './HostApp';
import {bundleURL, fetchJSON, loadScript, type WebappPluginManifest} from './load_plugin';
import {createHarnessRegistry} from './registry';
import {createHarnessStore, type HarnessStore} from './store';

function setStatus(status: string): void {
    document.body.dataset.hostStatus = status;
}

function waitForRegistration(store: HarnessStore): Promise<WebappPlugin> {
    return new Promise((resolve) => {
        window.registerPlugin = (id, plugin) => {
            void plugin.initialize(createHarnessRegistry(id, store), store);
            resolve(plugin);
        };
    });
}

async function boot(): Promise<void> {
    const siteURL = window.location.origin;
    const currentUser = await fetchJSON<UserProfile>(`${siteURL}/api/v4/users/me`);
    const store = createHarnessStore(siteURL, currentUser);
    const registered = waitForRegistration(store);

    const rootElement = document.getElementById('host-root');
    if (!rootElement) {
        throw new Error('The host page has no #host-root element.');
    }
    createRoot(rootElement).render(
        <Provider store={store.redux}>
            <HostApp pathname={window.location.pathname}/>
        </Provider>,
    );

    const manifests = await fetchJSON<WebappPluginManifest[]>(`${siteURL}/api/v4/plugins/webapp`);
    const manifest = manifests.find((candidate) => candidate.id === pluginId);
    if (!manifest) {
        throw new Error(`GET /api/v4/plugins/webapp does not list ${pluginId}: is the plugin enabled?`);
    }
    await loadScript(bundleURL(siteURL, manifest));
    await registered;
    setStatus('ready');
}

boot().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    setStatus(`error: ${message}`);
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    document.body.appendChild(alert);
});
