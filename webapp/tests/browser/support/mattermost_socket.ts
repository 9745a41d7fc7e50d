// Mattermost's own websocket (/api/v4/websocket) for one user, standing for the native clients:
// it authenticates with the session token (the authentication_challenge action, as
// @mattermost/client's WebSocketClient does when it has a token), sends actions such as
// user_typing and keeps every event it receives. It runs in a page of its own on the server's
// origin, since the test runner's Node has no WebSocket.
import type {Page} from 'playwright-core';

import type {HostBrowsers} from './browser';
import type {RigEnvironment} from './environment';
import type {Session} from './mattermost';

export interface SocketEvent {
    event: string;
    data: Record<string, unknown>;
    broadcast: {channel_id?: string; user_id?: string};
}

interface SocketPage {
    connectSocket?: {
        socket: WebSocket;
        sequence: number;
        events: SocketEvent[];
    };
}

export class MattermostSocket {
    private constructor(private readonly page: Page) {}

    static async open(browsers: HostBrowsers, env: RigEnvironment, session: Session): Promise<MattermostSocket> {
        const page = await browsers.newPage();
        await page.goto(`${env.url}/api/v4/system/ping`);
        const url = `${env.url.replace(/^http/, 'ws')}/api/v4/websocket`;
        await page.evaluate(({url: socketURL, token}) => new Promise<void>((resolve, reject) => {
            const socket = new WebSocket(socketURL);
            const state = {socket, sequence: 1, events: [] as SocketEvent[]};
            (window as SocketPage).connectSocket = state;
            socket.onopen = () => {
                socket.send(JSON.stringify({seq: state.sequence++, action: 'authentication_challenge', data: {token}}));
            };
            socket.onmessage = (message: MessageEvent<string>) => {
                const parsed = JSON.parse(message.data) as Partial<SocketEvent>;
                if (typeof parsed.event === 'string') {
                    state.events.push(parsed as SocketEvent);
                    if (parsed.event === 'hello') {
                        resolve();
                    }
                }
            };
            socket.onerror = () => reject(new Error('The websocket failed to connect.'));
        }), {url, token: session.token});
        return new MattermostSocket(page);
    }

    // What the web app's and the mobile app's clients send while their user types.
    async userTyping(channelId: string, parentId = ''): Promise<void> {
        await this.page.evaluate(({channel_id, parent_id}) => {
            const state = (window as SocketPage).connectSocket!;
            state.socket.send(JSON.stringify({seq: state.sequence++, action: 'user_typing', data: {channel_id, parent_id}}));
        }, {channel_id: channelId, parent_id: parentId});
    }

    // The events of that name received so far.
    async events(name: string): Promise<SocketEvent[]> {
        return this.page.evaluate((eventName) => (window as SocketPage).connectSocket!.events.filter((event) => event.event === eventName), name);
    }
}
