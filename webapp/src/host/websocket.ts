// Mattermost's websocket (/api/v4/websocket) kept as the web app keeps it, for the dev host and
// the standalone workspace page: one connection for the page, authenticated by the session
// cookie, whose events go to the handlers registered. After a reconnect the reconnect handlers
// run, since events were missed.
import type {WebSocketMessage} from '../types/mattermost';

export type WebSocketEventHandler = (message: WebSocketMessage) => void;

// The handlers plugins registered: one per event and plugin, like the web app keeps them.
export class PluginSocketHandlers {
    private readonly handlers = new Map<string, Map<string, WebSocketEventHandler>>();
    private readonly reconnectHandlers = new Map<string, () => void>();

    register(pluginId: string, event: string, handler: WebSocketEventHandler): void {
        const forPlugin = this.handlers.get(pluginId) ?? new Map<string, WebSocketEventHandler>();
        forPlugin.set(event, handler);
        this.handlers.set(pluginId, forPlugin);
    }

    unregister(pluginId: string, event: string): void {
        this.handlers.get(pluginId)?.delete(event);
    }

    registerReconnect(pluginId: string, handler: () => void): void {
        this.reconnectHandlers.set(pluginId, handler);
    }

    unregisterReconnect(pluginId: string): void {
        this.reconnectHandlers.delete(pluginId);
    }

    deliver(message: WebSocketMessage): void {
        for (const forPlugin of this.handlers.values()) {
            runReporting(() => forPlugin.get(message.event)?.(message));
        }
    }

    reconnected(): void {
        for (const handler of this.reconnectHandlers.values()) {
            runReporting(handler);
        }
    }
}

// One plugin's failing handler must not keep the others from their events.
function runReporting(handler: () => void): void {
    try {
        handler();
    } catch (error) {
        console.error('A plugin websocket handler failed:', error);
    }
}

function isEventMessage(value: unknown): value is WebSocketMessage {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const candidate = value as Partial<Record<keyof WebSocketMessage, unknown>>;
    return typeof candidate.event === 'string' && typeof candidate.data === 'object' && candidate.data !== null;
}

export function webSocketURL(siteURL: string): string {
    return `${siteURL.replace(/^http/, 'ws')}/api/v4/websocket`;
}

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

interface Options {
    onStatus?: (status: SocketStatus) => void;
    createSocket?: (url: string) => WebSocket;
    maxDelayMs?: number;
}

// The page's connection: what it sends, and its end.
export interface PageSocket {
    // Mattermost's user_typing action, as @mattermost/client's WebSocketClient.userTyping sends it;
    // dropped while the connection is not open, as its sendMessage drops it.
    userTyping: (channelId: string, parentId: string) => void;
    stop: () => void;
}

// Connects and keeps reconnecting (with a growing pause) until stopped.
export function connectWebSocket(siteURL: string, handlers: PluginSocketHandlers, options: Options = {}): PageSocket {
    const {onStatus = () => undefined, createSocket = (url) => new WebSocket(url), maxDelayMs = 10_000} = options;
    let socket: WebSocket | undefined;
    let stopped = false;
    let everConnected = false;
    let failures = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let sequence = 1;

    const open = () => {
        onStatus('connecting');
        socket = createSocket(webSocketURL(siteURL));
        socket.onmessage = (event: MessageEvent) => {
            let message: unknown;
            try {
                message = JSON.parse(String(event.data));
            } catch {
                return;
            }
            if (!isEventMessage(message)) {
                return;
            }

            // The server says hello once the connection is authenticated.
            if (message.event === 'hello') {
                failures = 0;
                onStatus('connected');
                if (everConnected) {
                    handlers.reconnected();
                }
                everConnected = true;
            }
            handlers.deliver(message);
        };
        socket.onclose = () => {
            if (stopped) {
                return;
            }
            onStatus('disconnected');
            failures += 1;
            retryTimer = setTimeout(open, Math.min(maxDelayMs, 500 * 2 ** Math.min(failures, 5)));
        };
    };

    open();
    return {
        userTyping: (channelId, parentId) => {
            const message = {action: 'user_typing', seq: sequence++, data: {channel_id: channelId, parent_id: parentId}};
            if (socket?.readyState === WebSocket.OPEN) {
                socket.send(JSON.stringify(message));
            }
        },
        stop: () => {
            stopped = true;
            clearTimeout(retryTimer);
            socket?.close();
        },
    };
}
