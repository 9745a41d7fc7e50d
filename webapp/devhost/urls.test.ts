import {describe, expect, it} from 'vitest';

import {channelAddressOf} from './channel_view/channel_urls';
import {bundlePathOf} from './plugins/load';
import {isLocalPath} from './session';
import {connectionURL} from './websocket';

describe('the web app\'s URLs', () => {
    it('reads the channel view\'s paths as the web app writes them', () => {
        expect(channelAddressOf('/channels/town-square')).toEqual({kind: 'channel', name: 'town-square'});
        expect(channelAddressOf('/messages/@bob')).toEqual({kind: 'direct', username: 'bob'});
        expect(channelAddressOf('/messages/0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a')).toEqual({kind: 'group', name: '0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a'});
        expect(channelAddressOf('/connect-chat/workspace')).toBeNull();
    });

    it('follows redirect_to only to a path on this site (login.tsx)', () => {
        expect(isLocalPath('/plug/connect-chat/workspace')).toBe(true);
        expect(isLocalPath('//evil.example')).toBe(false);
        expect(isLocalPath('https://evil.example')).toBe(false);
        expect(isLocalPath(null)).toBe(false);
    });

    it('serves an old manifest\'s bundle from /static/plugins/ (plugins/index.ts)', () => {
        const manifest = {id: 'p', name: 'P', description: '', version: '1', webapp: {bundle_path: '/static/p/p_123_bundle.js'}};
        expect(bundlePathOf(manifest)).toBe('/static/plugins/p/p_123_bundle.js');
        expect(bundlePathOf({...manifest, webapp: {bundle_path: '/static/plugins/p/x.js'}})).toBe('/static/plugins/p/x.js');
    });

    it('makes the websocket URL from the site URL, adding the configured port only when it names none (websocket_actions.jsx)', () => {
        expect(connectionURL({WebsocketPort: '80'}, 'http://127.0.0.1:8065')).toBe('ws://127.0.0.1:8065/api/v4/websocket');
        // The URL drops a default port, as it does in the web app.
        expect(connectionURL({WebsocketSecurePort: '443'}, 'https://chat.example.com')).toBe('wss://chat.example.com/api/v4/websocket');
        expect(connectionURL({WebsocketPort: '8080'}, 'http://localhost')).toBe('ws://localhost:8080/api/v4/websocket');
        expect(connectionURL({WebsocketURL: 'wss://ws.example.com/'}, 'https://chat.example.com')).toBe('wss://ws.example.com/api/v4/websocket');
    });
});
