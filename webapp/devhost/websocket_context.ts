// utils/use_websocket/context.ts: the React context that carries the web app's WebSocketClient;
// components/root/root_provider.tsx provides client/web_websocket_client in it around the whole
// app, and plugins/export.js hands it to plugins as window.ProductApi.WebSocketProvider.
import {createContext} from 'react';

import type {WebSocketClient} from '@mattermost/client';

export const WebSocketContext = createContext<WebSocketClient>(null!);
