import {afterAll, describe, expect, it} from 'vitest';

import type {Follow, FollowList} from '../../src/types/follow';

import {callAs, nonce, postAs, startConversationAs} from './support/connect';
import {sendServiceNowEvent} from './support/servicenow';
import {useBrowserSuite} from './support/suite';
import {logOf, messageWith, openWindow, row, sidebarOf, windowOf} from './support/ui';

const connectAPI = '/plugins/connect-chat/api/v1';
const record = {number: 'INC0010002', shortDescription: 'VPN disconnects every 10 minutes'};
const recordConversation = `${record.number} · ${record.shortDescription}`;

// F-60, F-61: following a record from its card, and its updates arriving live in the record
// conversation, against the real server.
describe('following a record', () => {
    const {env, browsers, alice, bob} = useBrowserSuite({signedIn: ['alice', 'bob']});

    afterAll(async () => {
        if (!alice.token) {
            return;
        }
        const {follows} = await callAs<FollowList>(env, alice, 'GET', `${connectAPI}/follows`);
        await Promise.all(follows.map((f) => callAs(env, alice, 'DELETE', `${connectAPI}/follows/${f.table}/${f.sys_id}`)));
    });

    it('follows from the card and shows the record\'s updates live in its record conversation', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const tag = nonce();
        await postAs(env, bob, direct.id, `Is anyone on ${record.number}? ${tag}`);
        const page = await browsers.openAs(alice);
        const window = await openWindow(page, 'Bob Baker');
        const card = messageWith(window, tag).getByTestId('attachment-card');
        await expect.poll(() => card.textContent(), {timeout: 15_000}).toContain(record.shortDescription);

        const followButton = card.getByRole('button', {name: `Follow ${record.number}`});
        expect(await followButton.getAttribute('aria-pressed')).toBe('false');
        await followButton.click();
        await expect.poll(() => followButton.getAttribute('aria-pressed')).toBe('true');
        expect(await followButton.textContent()).toBe('Following');

        const conversationRow = sidebarOf(page).getByRole('button', row(recordConversation));
        await conversationRow.waitFor();
        await conversationRow.click();
        const recordWindow = windowOf(page, recordConversation);
        await logOf(recordWindow).waitFor();
        await messageWith(recordWindow, 'This conversation follows').waitFor();

        const {follows} = await callAs<FollowList>(env, alice, 'GET', `${connectAPI}/follows`);
        const followed = follows.find((f: Follow) => f.number === record.number);
        expect(followed?.conversation_id).toBeTruthy();
        const status = await sendServiceNowEvent(env, {
            event_id: tag, table: followed?.table, sys_id: followed?.sys_id, number: record.number,
            short_description: record.shortDescription, state: 'In Progress', priority: '3 - Moderate',
            assigned_to: 'Beth Anglin', sys_updated_on: new Date().toISOString().slice(0, 19).replace('T', ' '),
            journal: [{sys_id: `note${tag}`, element: 'work_notes', value: `Rolled back the VPN client ${tag}`, created_by: 'beth.anglin', created_on: new Date().toISOString().slice(0, 19).replace('T', ' ')}],
        });
        expect(status).toBe(200);
        await messageWith(recordWindow, 'State: New → In Progress').waitFor({timeout: 5_000});
        await messageWith(recordWindow, `Rolled back the VPN client ${tag}`).waitFor({timeout: 5_000});
        expect(await logOf(recordWindow).getByTestId('message').filter({hasText: `Rolled back the VPN client ${tag}`}).count()).toBe(1);
    });
});
