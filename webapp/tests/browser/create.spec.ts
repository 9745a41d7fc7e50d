import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import type {Post} from '../../src/types/mattermost';

import {fullName, nonce, postAs, startConversationAs} from './support/connect';
import type {Session} from './support/mattermost';
import {journalOf} from './support/servicenow';
import {useBrowserSuite} from './support/suite';
import {isFocused, messageWith, openWindow} from './support/ui';

// How the work note writes one message (server/creation: WorkNote).
function line(session: Session, post: Post): string {
    const at = new Date(post.create_at).toISOString().slice(0, 16).replace('T', ' ');
    return `[${at} UTC] ${fullName(session)}: ${post.message}`;
}

// Issue 24, item 2: creating a ServiceNow record from a conversation in the workspace, with the
// keyboard, against the real server and the ServiceNow stand-in (where the rig's staff have
// ServiceNow users with their email addresses, so they can be callers).
describe('creating a record from the workspace', () => {
    const {env, browsers, alice, bob} = useBrowserSuite({signedIn: ['alice', 'bob']});

    const paneOf = (page: Page) => page.getByTestId('workspace-conversation');

    it('creates the record with the keyboard, shows its card with Follow, and posts the card in the conversation', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const tag = nonce();
        await postAs(env, bob, direct.id, `The badge reader at door 3 is dead ${tag}`);
        const page = await browsers.openWorkspace(alice, {conversationId: direct.id});

        const open = paneOf(page).getByRole('button', {name: 'Create record'});
        await open.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', {name: 'Create a ServiceNow record'});
        const description = dialog.getByRole('textbox', {name: 'Short description'});
        await expect.poll(() => isFocused(description)).toBe(true);
        await expect.poll(() => dialog.getByRole('combobox', {name: 'Table'}).inputValue()).toBe('incident');
        expect(await dialog.getByRole('combobox', {name: 'Caller'}).inputValue()).toBe(alice.user.id);
        expect(await dialog.getByRole('checkbox', {name: 'Include the last 20 messages as the first work note'}).isChecked()).toBe(true);

        await page.keyboard.press('Enter');
        await dialog.getByText('Give the record a short description.').waitFor();

        await description.fill(`Badge reader at door 3 ${tag}`);
        await page.keyboard.press('Enter');
        const card = dialog.getByRole('status');
        await expect.poll(() => card.textContent(), {timeout: 15_000}).toMatch(/Created INC\d{7}/);
        const number = /INC\d{7}/.exec(await card.textContent() ?? '')?.[0] ?? '';
        expect(await card.textContent()).toContain(`Badge reader at door 3 ${tag}`);
        expect(await card.textContent()).toContain(`Caller: ${fullName(alice)}`);

        const follow = card.getByRole('button', {name: `Follow ${number}`});
        await follow.click();
        await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');

        await dialog.getByRole('button', {name: 'Done'}).click();
        await dialog.waitFor({state: 'detached'});
        await expect.poll(() => isFocused(open)).toBe(true);
        const posted = messageWith(paneOf(page), `created ${number} from this conversation`);
        await expect.poll(() => posted.textContent(), {timeout: 15_000}).toContain(`Badge reader at door 3 ${tag}`);
    });

    it('creates the record with another member as the caller, and closes with Escape', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const page = await browsers.openWorkspace(alice, {conversationId: direct.id});
        await paneOf(page).getByRole('button', {name: 'Create record'}).click();
        const dialog = page.getByRole('dialog', {name: 'Create a ServiceNow record'});
        await dialog.getByRole('textbox', {name: 'Short description'}).fill('x'.repeat(160));
        const caller = dialog.getByRole('combobox', {name: 'Caller'});
        await caller.selectOption(bob.user.id);
        await dialog.getByRole('button', {name: 'Create'}).click();

        await expect.poll(() => dialog.getByRole('status').textContent(), {timeout: 15_000}).toContain(`Caller: ${fullName(bob)}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({state: 'detached'});
    });

    it('creates the record from messages picked in a mini window, as its first work note', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const tag = nonce();
        const first = await postAs(env, bob, direct.id, `Printer jams on every page ${tag}`);
        await postAs(env, alice, direct.id, `Lunch at noon? ${tag}`);
        const second = await postAs(env, alice, direct.id, `Ordered a new fuser ${tag}`);
        const page = await browsers.openAs(alice);
        const window = await openWindow(page, fullName(bob));
        const message = messageWith(window, `Printer jams on every page ${tag}`);
        await message.hover();
        await message.getByRole('button', {name: 'More message actions'}).click();
        await message.getByRole('menuitem', {name: 'Add to record…'}).click();
        await messageWith(window, `Ordered a new fuser ${tag}`).getByRole('checkbox').click();
        await window.getByRole('status').filter({hasText: '2 messages picked'}).waitFor();

        await window.getByRole('button', {name: 'Create record…'}).click();
        const dialog = page.getByRole('dialog', {name: 'Create a ServiceNow record'});
        expect(await dialog.textContent()).toContain('First work note: 2 messages picked');
        await dialog.getByRole('textbox', {name: 'Short description'}).fill(`Printer jams ${tag}`);
        await dialog.getByRole('button', {name: 'Create'}).click();
        const card = dialog.getByRole('status');
        await expect.poll(() => card.textContent(), {timeout: 15_000}).toMatch(/Created INC\d{7}/);
        const number = /INC\d{7}/.exec(await card.textContent() ?? '')?.[0] ?? '';

        const note = `${fullName(alice)} via Connect: created from a Connect conversation\n${line(bob, first)}\n${line(alice, second)}`;
        expect(await journalOf(env, number)).toEqual([{element: 'work_notes', value: note}]);
    });
});
