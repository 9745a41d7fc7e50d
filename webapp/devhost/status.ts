// What the browser tests wait on (tests/browser/support/dev_host.ts). Not a web app rule: the
// real web app has no such attributes.
export type HostStatus = 'loading' | 'signed-out' | 'ready' | `error: ${string}`;
export type SocketStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

export function setHostStatus(status: HostStatus): void {
    document.body.dataset.hostStatus = status;
}

export function setSocketStatus(status: SocketStatus): void {
    document.body.dataset.hostSocket = status;
}

// The ids of the plugins whose initialize ran, in that order.
export function addInitializedPlugin(pluginId: string): void {
    const ids = (document.body.dataset.hostPlugins ?? '').split(' ').filter(Boolean);
    document.body.dataset.hostPlugins = [...ids, pluginId].join(' ');
}
