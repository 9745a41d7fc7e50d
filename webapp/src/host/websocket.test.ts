import {afterEach, describe, expect, it, vi} from 'vitest';

import type {WebSocketMessage} from '../types/mattermost';

import {connectWebSocket, PluginSocketHandlers, webSocketURL, type SocketStatus} from './websocket';

// Stands in for the browser's WebSocket: the test plays the server.
class FakeSocket {
    onmessage: ((event: MessageEvent) => void) | null = null;
    onclose: (() => void) | null = null;
    closed = false;
    readyState: number = WebSocket.OPEN;
    readonly sent: string[] = [];

    constructor(readonly url: string) {}

    send(text: string): void {
        this.sent.push(text);
    }

    receive(message: unknown): void {
        this.onmessage?.(new MessageEvent('message', {data: JSON.stringify(message)}));
    }

    close(): void {
        this.closed = true;
    }
}

afterEach(() => {
    vi.useRealTimers();
});

describe('PluginSocketHandlers', () => {
    it('delivers each event to the handler each plugin registered for it', () => {
        const handlers = new PluginSocketHandlers();
        const posted = vi.fn();
        const other = vi.fn();
        handlers.register('connect-chat', 'posted', posted);
        handlers.register('other-plugin', 'posted', other);
        handlers.register('connect-chat', 'posted', posted);
        const message: WebSocketMessage = {event: 'posted', data: {post: '{}'}};

        handlers.deliver(message);
        handlers.unregister('other-plugin', 'posted');
        handlers.deliver(message);

        expect(posted).toHaveBeenCalledTimes(2);
        expect(other).toHaveBeenCalledOnce();
    });

    it('keeps delivering when one handler throws', () => {
        const handlers = new PluginSocketHandlers();
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const healthy = vi.fn();
        handlers.register('a', 'posted', () => {
            throw new Error('broken');
        });
        handlers.register('b', 'posted', healthy);

        handlers.deliver({event: 'posted', data: {}});

        expect(healthy).toHaveBeenCalledOnce();
        expect(consoleError).toHaveBeenCalledOnce();
    });
});

describe('connectWebSocket', () => {
    it('connects to the server\'s websocket on the same origin', () => {
        expect(webSocketURL('http://localhost:8065')).toBe('ws://localhost:8065/api/v4/websocket');
        expect(webSocketURL('https://chat.example.com/sub')).toBe('wss://chat.example.com/sub/api/v4/websocket');
    });

    it('delivers events, reconnects after a drop, and then runs the reconnect handlers', () => {
        vi.useFakeTimers();
        const sockets: FakeSocket[] = [];
        const statuses: SocketStatus[] = [];
        const handlers = new PluginSocketHandlers();
        const updated = vi.fn();
        const reconnected = vi.fn();
        handlers.register('connect-chat', 'custom_connect-chat_conversation_updated', updated);
        handlers.registerReconnect('connect-chat', reconnected);

        const {stop} = connectWebSocket('http://localhost:8065', handlers, {
            onStatus: (status) => statuses.push(status),
            createSocket: (url) => {
                const socket = new FakeSocket(url);
                sockets.push(socket);
                return socket as unknown as WebSocket;
            },
        });
        sockets[0].receive({event: 'hello', data: {server_version: '11.4.0'}});
        sockets[0].receive({event: 'custom_connect-chat_conversation_updated', data: {conversation: {id: 'c1'}}, broadcast: {user_id: 'u1'}});
        sockets[0].receive({status: 'OK', seq_reply: 1});
        expect(updated).toHaveBeenCalledOnce();
        expect(reconnected).not.toHaveBeenCalled();

        sockets[0].onclose?.();
        vi.advanceTimersByTime(1000);
        expect(sockets).toHaveLength(2);
        sockets[1].receive({event: 'hello', data: {}});

        expect(reconnected).toHaveBeenCalledOnce();
        expect(statuses).toEqual(['connecting', 'connected', 'disconnected', 'connecting', 'connected']);

        stop();
        expect(sockets[1].closed).toBe(true);
        sockets[1].onclose?.();
        vi.advanceTimersByTime(20_000);
        expect(sockets).toHaveLength(2);
    });

    it('sends user_typing as the web app\'s client does, and drops it while the connection is not open', () => {
        const sockets: FakeSocket[] = [];
        const page = connectWebSocket('http://localhost:8065', new PluginSocketHandlers(), {
            createSocket: (url) => {
                const socket = new FakeSocket(url);
                sockets.push(socket);
                return socket as unknown as WebSocket;
            },
        });

        sockets[0].readyState = WebSocket.CONNECTING;
        page.userTyping('c1', '');
        expect(sockets[0].sent).toEqual([]);

        sockets[0].readyState = WebSocket.OPEN;
        page.userTyping('c1', '');
        page.userTyping('c2', 'root1');
        expect(sockets[0].sent.map((text) => JSON.parse(text) as unknown)).toEqual([
            {action: 'user_typing', seq: 2, data: {channel_id: 'c1', parent_id: ''}},
            {action: 'user_typing', seq: 3, data: {channel_id: 'c2', parent_id: 'root1'}},
        ]);
        page.stop();
    });
});
