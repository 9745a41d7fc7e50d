// The client methods of the workspace's tools (the "Workspace tools." section of src/client.ts).
import {describe, expect, it, vi} from 'vitest';

import {jsonResponse} from '../../../../tests/unit/fixtures';
import {ConnectClient, type FetchFunction} from '../../../client';

const site = 'https://chat.example.com';

function clientAnswering(body: unknown) {
    const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(jsonResponse(200, body)));
    return {client: new ConnectClient(site, fetchFunction, () => 'MMCSRF=token-1'), fetchFunction};
}

describe('the workspace tools\' client methods', () => {
    it('reads a conversation\'s records', async () => {
        const answer = {records: [], links: [], scanned_posts: 3, complete: true};
        const {client, fetchFunction} = clientAnswering(answer);

        expect(await client.getConversationRecords('channel/1')).toEqual(answer);

        const [url, init] = fetchFunction.mock.calls[0];
        expect(url).toBe(`${site}/plugins/connect-chat/api/v1/conversations/channel%2F1/records`);
        expect(init.method).toBe('GET');
    });

    it('reads a page of a conversation\'s files', async () => {
        const answer = {files: [{id: 'f1', name: 'a.pdf'}], has_more: true};
        const {client, fetchFunction} = clientAnswering(answer);

        expect(await client.getConversationFiles('channel-1', 2, 20)).toEqual(answer);

        const [url, init] = fetchFunction.mock.calls[0];
        expect(url).toBe(`${site}/plugins/connect-chat/api/v1/conversations/channel-1/files?page=2&per_page=20`);
        expect(init.method).toBe('GET');
    });

    it('asks Mattermost for the users\' statuses with their ids as the body', async () => {
        const answer = [{user_id: 'u1', status: 'online'}, {user_id: 'u2', status: 'dnd'}];
        const {client, fetchFunction} = clientAnswering(answer);

        expect(await client.getStatuses(['u1', 'u2'])).toEqual(answer);

        const [url, init] = fetchFunction.mock.calls[0];
        expect(url).toBe(`${site}/api/v4/users/status/ids`);
        expect(init.method).toBe('POST');
        expect(init.body).toBe('["u1","u2"]');
        expect(new Headers(init.headers).get('X-CSRF-Token')).toBe('token-1');
    });
});
