import {describe, expect, it, vi} from 'vitest';

import {alice, jsonResponse} from '../tests/unit/fixtures';

import {ClientError, ConnectClient, csrfTokenFromCookies, type FetchFunction} from './client';

async function failureOf(promise: Promise<unknown>): Promise<ClientError> {
    const error = await promise.then(() => undefined, (reason: unknown) => reason);
    if (!(error instanceof ClientError)) {
        throw new Error(`expected a ClientError, got ${String(error)}`);
    }
    return error;
}

describe('ConnectClient.getCurrentUser', () => {
    it('asks the site for the session user, sending the session cookie', async () => {
        const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(jsonResponse(200, alice)));

        const user = await new ConnectClient('https://chat.example.com', fetchFunction).getCurrentUser();

        expect(user).toEqual(alice);
        const [url, init] = fetchFunction.mock.calls[0];
        expect(url).toBe('https://chat.example.com/api/v4/users/me');
        expect(init.credentials).toBe('include');
        expect(new Headers(init.headers).get('X-Requested-With')).toBe('XMLHttpRequest');
    });

    it('carries the status and Mattermost message of a failed request', async () => {
        const body = {id: 'api.context.session_expired.app_error', message: 'Invalid or expired session, please login again.', status_code: 401};
        const client = new ConnectClient('https://chat.example.com', () => Promise.resolve(jsonResponse(401, body)));

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(401);
        expect(error.isUnauthorized).toBe(true);
        expect(error.message).toBe('Invalid or expired session, please login again.');
        expect(error.url).toBe('https://chat.example.com/api/v4/users/me');
    });

    it('reads the {error} body of the plugin\'s own routes', async () => {
        const client = new ConnectClient('https://chat.example.com', () => Promise.resolve(jsonResponse(403, {error: 'Only staff may do that.'})));

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(403);
        expect(error.isUnauthorized).toBe(false);
        expect(error.message).toBe('Only staff may do that.');
    });

    it('names the status when the body is not JSON', async () => {
        const client = new ConnectClient('https://chat.example.com', () => Promise.resolve(new Response('<html>Bad gateway</html>', {status: 502})));

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(502);
        expect(error.message).toBe('Request failed with status 502');
    });

    it('reports a request that got no answer with status 0', async () => {
        const client = new ConnectClient('https://chat.example.com', () => Promise.reject(new TypeError('Failed to fetch')));

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(0);
        expect(error.message).toBe('Could not reach the server: Failed to fetch');
    });
});

describe('ConnectClient, Connect\'s conversations API', () => {
    function recordingClient(answer: (url: string, init: RequestInit) => Response, cookies = 'MMCSRF=csrf-token; MMUSERID=u1') {
        const fetchFunction = vi.fn<FetchFunction>((url, init) => Promise.resolve(answer(url, init)));
        return {fetchFunction, client: new ConnectClient('https://chat.example.com', fetchFunction, () => cookies)};
    }

    function headerOf(init: RequestInit, name: string): string | null {
        return new Headers(init.headers).get(name);
    }

    const conversation = {id: 'c1', kind: 'direct', name: 'Bob', members: []};
    const base = 'https://chat.example.com/plugins/connect-chat/api/v1';

    it('reads the open conversations and searches all of them', async () => {
        const {client, fetchFunction} = recordingClient((url) => jsonResponse(200, url.includes('search') ? {conversations: [conversation]} : {conversations: [], total_unread: 0, total_mentions: 0}));

        await client.getConversations();
        expect(await client.searchConversations('bob & co')).toEqual([conversation]);

        expect(fetchFunction.mock.calls.map(([url]) => url)).toEqual([`${base}/conversations`, `${base}/conversations/search?q=bob+%26+co`]);
        expect(headerOf(fetchFunction.mock.calls[0][1], 'X-CSRF-Token')).toBeNull();
    });

    it('writes with JSON bodies and the CSRF token from the MMCSRF cookie', async () => {
        const {client, fetchFunction} = recordingClient(() => jsonResponse(201, conversation));

        await client.createConversation(['u2', 'u3']);
        await client.createConversation(['u2'], 'Triage');
        await client.addMembers('c1', ['u4']);
        await client.removeMember('c1', 'u4');
        await client.renameConversation('c1', 'New name');
        await client.openConversation('c1');

        const calls = fetchFunction.mock.calls.map(([url, init]) => [init.method, url, init.body]);
        expect(calls).toEqual([
            ['POST', `${base}/conversations`, '{"user_ids":["u2","u3"]}'],
            ['POST', `${base}/conversations`, '{"user_ids":["u2"],"name":"Triage"}'],
            ['POST', `${base}/conversations/c1/members`, '{"user_ids":["u4"]}'],
            ['DELETE', `${base}/conversations/c1/members/u4`, undefined],
            ['PATCH', `${base}/conversations/c1`, '{"name":"New name"}'],
            ['POST', `${base}/conversations/c1/open`, undefined],
        ]);
        const [, init] = fetchFunction.mock.calls[0];
        expect(headerOf(init, 'X-CSRF-Token')).toBe('csrf-token');
        expect(headerOf(init, 'Content-Type')).toBe('application/json');
        expect(headerOf(init, 'X-Requested-With')).toBe('XMLHttpRequest');
    });

    it('accepts an empty 204 answer', async () => {
        const {client} = recordingClient(() => new Response(null, {status: 204}));

        await expect(client.closeConversation('c1')).resolves.toBeUndefined();
    });

    it('searches staff for the people picker', async () => {
        const {client, fetchFunction} = recordingClient(() => jsonResponse(200, {people: [], has_more: false}));

        await client.searchStaff('car');

        expect(fetchFunction.mock.calls[0][0]).toBe(`${base}/staff?q=car&page=0&per_page=20`);
    });
});

describe('ConnectClient, Mattermost\'s posts and files', () => {
    const postList = {
        order: ['p3', 'p2'],
        posts: {p2: {id: 'p2', channel_id: 'c1', create_at: 2}, p3: {id: 'p3', channel_id: 'c1', create_at: 3}},
    };

    it('pages through posts, oldest first, telling when the start is reached', async () => {
        const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(jsonResponse(200, postList)));
        const client = new ConnectClient('https://chat.example.com', fetchFunction, () => '');

        const latest = await client.getPosts('c1', {perPage: 2});
        const older = await client.getPosts('c1', {perPage: 30, before: 'p2'});

        expect(latest.posts.map((post) => post.id)).toEqual(['p2', 'p3']);
        expect(latest.reachedStart).toBe(false);
        expect(older.reachedStart).toBe(true);
        expect(fetchFunction.mock.calls.map(([url]) => url)).toEqual([
            'https://chat.example.com/api/v4/channels/c1/posts?page=0&per_page=2',
            'https://chat.example.com/api/v4/channels/c1/posts?before=p2&per_page=30',
        ]);
    });

    it('uploads files as multipart form data, then they can be posted', async () => {
        const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(jsonResponse(201, {file_infos: [{id: 'f1', name: 'notes.txt'}]})));
        const client = new ConnectClient('https://chat.example.com', fetchFunction, () => 'MMCSRF=token');

        const infos = await client.uploadFiles('c1', [new File(['hi'], 'notes.txt')]);

        expect(infos).toEqual([{id: 'f1', name: 'notes.txt'}]);
        const [url, init] = fetchFunction.mock.calls[0];
        expect(url).toBe('https://chat.example.com/api/v4/files?channel_id=c1');
        expect(init.body).toBeInstanceOf(FormData);
        const form = init.body as FormData;
        expect([...form.keys()]).toEqual(['channel_id', 'files']);
        expect(form.get('channel_id')).toBe('c1');
        expect((form.get('files') as File).name).toBe('notes.txt');
        expect(new Headers(init.headers).get('Content-Type')).toBeNull();
        expect(new Headers(init.headers).get('X-CSRF-Token')).toBe('token');
    });

    it('creates posts and marks channels viewed', async () => {
        const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(jsonResponse(200, {status: 'OK'})));
        const client = new ConnectClient('https://chat.example.com', fetchFunction, () => '');

        await client.createPost({channel_id: 'c1', message: 'Hello'});
        await client.viewChannel('c1');

        expect(fetchFunction.mock.calls.map(([url, init]) => [url, init.body])).toEqual([
            ['https://chat.example.com/api/v4/posts', '{"channel_id":"c1","message":"Hello"}'],
            ['https://chat.example.com/api/v4/channels/members/me/view', '{"channel_id":"c1"}'],
        ]);
    });

    it('reports a post refused by the staff policy with the server\'s reason', async () => {
        const refusal = {id: 'plugin.message_will_be_posted.dismiss_post', message: '@dave is not ITIL staff: Connect conversations are for staff only.', status_code: 400};
        const client = new ConnectClient('https://chat.example.com', () => Promise.resolve(jsonResponse(400, refusal)), () => '');

        const error = await failureOf(client.createPost({channel_id: 'c1', message: 'Hello'}));

        expect(error.status).toBe(400);
        expect(error.message).toBe(refusal.message);
    });
});

describe('csrfTokenFromCookies', () => {
    it('finds the MMCSRF cookie', () => {
        expect(csrfTokenFromCookies('MMUSERID=u1; MMCSRF=abc%3D')).toBe('abc=');
        expect(csrfTokenFromCookies('MMUSERID=u1')).toBeUndefined();
    });
});
