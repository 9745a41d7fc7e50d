// The websocket as actions/websocket_actions.jsx keeps it: one @mattermost/client WebSocketClient
// (client/web_websocket_client), initialized when LoggedIn mounts and closed when it unmounts or
// the user signs out. Each event gets the web app's own handling the dev host needs (new, edited
// and deleted posts, new DMs and GMs), then goes to every plugin's handler for its event name. On
// reconnect the web app reloads changed plugins, then runs the plugins' reconnect handlers.
import {WebSocketClient} from '@mattermost/client';
import type {WebSocketMessage} from '@mattermost/client';
import type {Post} from '@mattermost/types/posts';

import {getChannelAndMyMember} from 'mattermost-redux/actions/channels';
import {postDeleted, receivedNewPost, receivedPost} from 'mattermost-redux/actions/posts';
import {Client4} from 'mattermost-redux/client';
import {getConfig} from 'mattermost-redux/selectors/entities/general';

import {loadPluginsIfNecessary} from './plugins/load';
import {getSiteURL} from './site_url';
import {setSocketStatus} from './status';
import type {DevHostStore} from './store';

export type PluginEventHandler = (message: WebSocketMessage) => void;

export const webSocketClient = new WebSocketClient();

const pluginEventHandlers: Record<string, Record<string, PluginEventHandler>> = {};
const pluginReconnectHandlers: Record<string, () => void> = {};

let activeStore: DevHostStore | undefined;

export function registerPluginWebSocketEvent(pluginId: string, event: string, handler: PluginEventHandler): void {
    pluginEventHandlers[pluginId] = {...pluginEventHandlers[pluginId], [event]: handler};
}

export function unregisterPluginWebSocketEvent(pluginId: string, event: string): void {
    delete pluginEventHandlers[pluginId]?.[event];
}

export function unregisterAllPluginWebSocketEvents(pluginId: string): void {
    delete pluginEventHandlers[pluginId];
}

export function registerPluginReconnectHandler(pluginId: string, handler: () => void): void {
    pluginReconnectHandlers[pluginId] = handler;
}

export function unregisterPluginReconnectHandler(pluginId: string): void {
    delete pluginReconnectHandlers[pluginId];
}

// The connection URL: WebsocketURL when configured, else the site URL with a ws scheme (and the
// configured port when the URL names none) plus /api/v4/websocket.
export function connectionURL(config: {WebsocketURL?: string; WebsocketPort?: string; WebsocketSecurePort?: string}, siteURL: string): string {
    let url = config.WebsocketURL ?? '';
    if (!url) {
        const site = new URL(siteURL);
        site.protocol = site.protocol === 'https:' ? 'wss:' : 'ws:';
        if (!(/:\d+$/).test(site.host)) {
            site.host += `:${site.protocol === 'wss:' ? config.WebsocketSecurePort : config.WebsocketPort}`;
        }
        url = site.toString();
    }
    return url.replace(/\/$/, '') + Client4.getUrlVersion() + '/websocket';
}

function handleCoreEvent(store: DevHostStore, message: WebSocketMessage): void {
    const data = message.data as Record<string, string>;
    // The event names of @mattermost/client's WebSocketEvents (a const enum, not importable here).
    switch (message.event as string) {
    case 'hello':
        setSocketStatus('connected');
        break;
    case 'posted':
        store.dispatch(receivedNewPost(JSON.parse(data.post) as Post, false));
        break;
    case 'post_edited':
        store.dispatch(receivedPost(JSON.parse(data.post) as Post, false));
        break;
    case 'post_deleted':
        store.dispatch(postDeleted(JSON.parse(data.post) as Post));
        break;
    case 'direct_added':
    case 'group_added':
        void store.dispatch(getChannelAndMyMember(message.broadcast.channel_id));
        break;
    }
}

export function handleEvent(message: WebSocketMessage): void {
    if (activeStore) {
        handleCoreEvent(activeStore, message);
    }
    for (const pluginEvents of Object.values(pluginEventHandlers)) {
        pluginEvents[message.event]?.(message);
    }
}

export function reconnect(): void {
    void loadPluginsIfNecessary();
    for (const handler of Object.values(pluginReconnectHandlers)) {
        handler();
    }
}

function handleClose(): void {
    setSocketStatus('disconnected');
}

export function initialize(store: DevHostStore): void {
    activeStore = store;
    setSocketStatus('connecting');
    webSocketClient.addMessageListener(handleEvent);
    webSocketClient.addReconnectListener(reconnect);
    webSocketClient.addMissedMessageListener(reconnect);
    webSocketClient.addCloseListener(handleClose);

    // No token: the session cookie authenticates it; posted_ack as the web app asks.
    webSocketClient.initialize(connectionURL(getConfig(store.getState()), getSiteURL()), undefined, true);
}

export function close(): void {
    webSocketClient.close();
    webSocketClient.removeMessageListener(handleEvent);
    webSocketClient.removeReconnectListener(reconnect);
    webSocketClient.removeMissedMessageListener(reconnect);
    webSocketClient.removeCloseListener(handleClose);
    setSocketStatus('closed');
}
