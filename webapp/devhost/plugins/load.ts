// Loading plugins as plugins/index.ts does: window.registerPlugin records the plugin a bundle
// registers (uninitializing an older one under the same id); initializePlugins asks the server for
// the enabled plugins (GET /api/v4/plugins/webapp, no session needed), adds each bundle as a script
// and calls plugin.initialize(registry, store) once it has loaded. Nothing here runs again on
// sign-in or sign-out: only a reconnect of the websocket (loadPluginsIfNecessary) loads plugins
// whose version changed and removes disabled ones.
import type {ClientPluginManifest} from '@mattermost/types/plugins';

import {Client4} from 'mattermost-redux/client';
import {getConfig} from 'mattermost-redux/selectors/entities/general';

import {getSiteURL} from '../site_url';
import {addInitializedPlugin} from '../status';
import type {DevHostState, DevHostStore} from '../store';
import {unregisterAllPluginWebSocketEvents, unregisterPluginReconnectHandler} from '../websocket';

import {RECEIVED_WEBAPP_PLUGINS} from './reducer';
import {PluginRegistry, withUnimitatedCallsFailing} from './registry';

export interface WebappPlugin {
    initialize?: (registry: PluginRegistry, store: DevHostStore) => unknown;
    uninitialize?: () => void;
}

// window.plugins and window.registerPlugin as plugins/index.ts puts them there (the plugin's
// own code declares window.registerPlugin with its narrower types).
interface PluginWindow {
    plugins: Record<string, WebappPlugin>;
    registerPlugin: (id: string, plugin: WebappPlugin) => void;
}

const pluginWindow = window as unknown as PluginWindow;

let store: DevHostStore | undefined;
const loadedPlugins: Record<string, ClientPluginManifest> = {};

export function installRegisterPlugin(devHostStore: DevHostStore): void {
    store = devHostStore;
    pluginWindow.plugins = {};
    pluginWindow.registerPlugin = (id, plugin) => {
        pluginWindow.plugins[id]?.uninitialize?.();
        pluginWindow.plugins[id] = plugin;
    };
}

function requireStore(): DevHostStore {
    if (!store) {
        throw new Error('installRegisterPlugin has not run.');
    }
    return store;
}

function arePluginsEnabled(state: DevHostState): boolean {
    return getConfig(state).PluginsEnabled === 'true';
}

async function getPlugins(): Promise<ClientPluginManifest[]> {
    const plugins = await Client4.getWebappPlugins();
    requireStore().dispatch({type: RECEIVED_WEBAPP_PLUGINS, data: plugins});
    return plugins;
}

function initializePlugin(manifest: ClientPluginManifest): void {
    const plugin = pluginWindow.plugins[manifest.id];
    if (plugin?.initialize) {
        void plugin.initialize(withUnimitatedCallsFailing(new PluginRegistry(manifest.id, requireStore())), requireStore());
        addInitializedPlugin(manifest.id);
    }
}

// Old manifests name /static/<id>/<file>; the server serves bundles at /static/plugins/<id>/<file>.
export function bundlePathOf(manifest: ClientPluginManifest): string {
    const bundlePath = manifest.webapp.bundle_path;
    if (bundlePath.includes('/static/') && !bundlePath.includes('/static/plugins/')) {
        return bundlePath.replace('/static/', '/static/plugins/');
    }
    return bundlePath;
}

export function loadPlugin(manifest: ClientPluginManifest): Promise<void> {
    return new Promise((resolve, reject) => {
        const old = loadedPlugins[manifest.id];
        if (old && old.webapp.bundle_path === manifest.webapp.bundle_path) {
            resolve();
            return;
        }
        const script = document.createElement('script');
        script.id = `plugin_${manifest.id}`;
        script.src = getSiteURL() + bundlePathOf(manifest);
        script.defer = true;
        script.onload = () => {
            initializePlugin(manifest);
            resolve();
        };
        script.onerror = () => reject(new Error(`Unable to load bundle for plugin ${manifest.id}, version ${manifest.version}`));
        document.head.appendChild(script);
        loadedPlugins[manifest.id] = manifest;
    });
}

export async function initializePlugins(): Promise<void> {
    if (!arePluginsEnabled(requireStore().getState())) {
        return;
    }
    const manifests = await getPlugins();
    await Promise.all(manifests.map((manifest) => loadPlugin(manifest).catch((error: Error) => console.error(error.message))));
}

// The plugin removes what it registered in uninitialize; the web app drops its handlers.
export function removePlugin(manifest: ClientPluginManifest): void {
    if (!loadedPlugins[manifest.id]) {
        return;
    }
    delete loadedPlugins[manifest.id];
    pluginWindow.plugins[manifest.id]?.uninitialize?.();
    unregisterAllPluginWebSocketEvents(manifest.id);
    unregisterPluginReconnectHandler(manifest.id);
    document.getElementById(`plugin_${manifest.id}`)?.remove();
}

export async function loadPluginsIfNecessary(): Promise<void> {
    const current = requireStore();
    if (!arePluginsEnabled(current.getState())) {
        return;
    }
    const before = current.getState().plugins.plugins;
    const after = Object.fromEntries((await getPlugins()).map((manifest) => [manifest.id, manifest]));
    for (const manifest of Object.values(after)) {
        if (before[manifest.id]?.version !== manifest.version) {
            loadPlugin(manifest).catch((error: Error) => console.error(error.message));
        }
    }
    for (const [id, manifest] of Object.entries(before)) {
        if (!(id in after)) {
            removePlugin(manifest);
        }
    }
}
