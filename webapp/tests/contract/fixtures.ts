// The server's real output, which its Go tests write here (see README.md): the web app's
// contract tests feed it to the web app's own code.
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

import type {WebSocketMessage} from '../../src/types/mattermost';
import type {RouteAnswers} from '../../src/types/wire.generated';

// One REST request the web app makes and the server's answer.
export interface Exchange {
    route: keyof RouteAnswers;
    request: {
        method: string;

        // Below /plugins/<plugin id>, with the query.
        path: string;
        body?: unknown;
    };
    status: number;
    body: unknown;
}

// A path next to this file (jsdom's URL is not Node's, so fs gets a path).
const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url).href);

function read<T>(dir: string, file: string): T {
    return JSON.parse(readFileSync(here(`./${dir}/${file}`), 'utf8')) as T;
}

function files(dir: string): string[] {
    return readdirSync(here(`./${dir}/`)).filter((file) => file.endsWith('.json')).sort();
}

// events/<event>.<case>.json: a websocket message as the user's clients receive it.
export function eventFixture(file: string): WebSocketMessage {
    return read<WebSocketMessage>('events', file);
}

export function eventFixtureFiles(): string[] {
    return files('events');
}

// rest/<route>.json: the answer to each route the web app calls.
export function restFixtures(): Exchange[] {
    return files('rest').map((file) => read<Exchange>('rest', file));
}

// refusals/<case>.json: what the routes answer when they refuse.
export function refusalFixture(file: string): Exchange {
    return read<Exchange>('refusals', file);
}
