import type {WebappPlugin} from './registry';

declare global {
    interface Window {
        registerPlugin(pluginId: string, plugin: WebappPlugin): void;

        // Set by the Mattermost web app when it is served under a subpath.
        basename?: string;
    }
}

export {};
