import {createContext, type Context} from 'react';

import type {TypingSocket} from '../../state/typing';

// Inside Mattermost's web app, components reach its WebSocketClient (@mattermost/client) through
// React context: components/root/root_provider.tsx provides client/web_websocket_client in
// WebSocketContext, which plugins/export.js hands to plugins as window.ProductApi.WebSocketProvider
// (utils/use_websocket: useWebSocketClient reads it the same way). The dev host does the same.
// Elsewhere (the standalone page, unit tests) nothing provides it and it reads null.
interface ProductApi {
    WebSocketProvider?: Context<TypingSocket | null>;
}

function hostContext(): Context<TypingSocket | null> {
    const api = (window as unknown as {ProductApi?: ProductApi}).ProductApi;
    return api?.WebSocketProvider ?? createContext<TypingSocket | null>(null);
}

export const HostWebSocketContext = hostContext();
