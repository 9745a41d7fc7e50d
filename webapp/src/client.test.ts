import {describe, expect, it, vi} from 'vitest';

import {alice, jsonResponse} from '../tests/unit/fixtures';

import {ClientError, ConnectClient, type FetchFunction} from './client';

async function failureOf(promise: Promise<unknown>): Promise<ClientError> {
    const error = await promise.then(() => undefined, (reason: unknown) => reason);
    if (!(error instanceof ClientError)) {
        throw new Error(`expected a ClientError, got ${String(error)}`);
    }
    return error;
}

describe('ConnectClient.getCurrentUser', () => {
    it('asks the site for the session user, sending the session cookie', async () => {
        const fetchFunction = vi.fn<FetchFunction>(async () => jsonResponse(200, alice));

        const user = await new ConnectClient('https://chat.example.com', fetchFunction).getCurrentUser();

        expect(user).toEqual(alice);
        const [url, init] = fetchFunction.mock.calls[0];
        expect(url).toBe('https://chat.example.com/api/v4/users/me');
        expect(init.credentials).toBe('include');
        expect(new Headers(init.headers).get('X-Requested-With')).toBe('XMLHttpRequest');
    });

    it('carries the status and Mattermost message of a failed request', async () => {
        const body = {id: 'api.context.session_expired.app_error', message: 'Invalid or expired session, please login again.', status_code: 401};
        const client = new ConnectClient('https://chat.example.com', async () => jsonResponse(401, body));

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(401);
        expect(error.isUnauthorized).toBe(true);
        expect(error.message).toBe('Invalid or expired session, please login again.');
        expect(error.url).toBe('https://chat.example.com/api/v4/users/me');
    });

    it('reads the {error} body of the plugin\'s own routes', async () => {
        const client = new ConnectClient('https://chat.example.com', async () => jsonResponse(403, {error: 'Only staff may do that.'}));

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(403);
        expect(error.isUnauthorized).toBe(false);
        expect(error.message).toBe('Only staff may do that.');
    });

    it('names the status when the body is not JSON', async () => {
        const client = new ConnectClient('https://chat.example.com', async () => new Response('<html>Bad gateway</html>', {status: 502}));

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(502);
        expect(error.message).toBe('Request failed with status 502');
    });

    it('reports a request that got no answer with status 0', async () => {
        const client = new ConnectClient('https://chat.example.com', async () => {
            throw new TypeError('Failed to fetch');
        });

        const error = await failureOf(client.getCurrentUser());

        expect(error.status).toBe(0);
        expect(error.message).toBe('Could not reach the server: Failed to fetch');
    });
});
