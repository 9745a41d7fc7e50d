import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {callAs, fullName, newStaffColleague, nonce, postAs, startConversationAs} from './support/connect';
import {twoColourPng} from './support/png';
import {useBrowserSuite} from './support/suite';
import {composerOf, isFocused, logOf, messageWith, openWindow, row, screenshotPath, send} from './support/ui';

// The Connect Workspace (issue 13): every way in, the deep link, live chat beside a mini window,
// the jump-to keys and the narrow layout, in real browsers against the real server.
describe('the Connect Workspace', () => {
    const {env, browsers, alice, bob, carol, admin} = useBrowserSuite({signedIn: ['alice', 'bob', 'carol', 'admin']});

    const newColleague = (firstName: string) => newStaffColleague(env, admin, alice, firstName);

    const paneOf = (page: Page) => page.getByTestId('workspace-conversation');
    const paneTitle = (page: Page) => paneOf(page).getByRole('heading', {level: 2});

    it('opens from the main menu as a route of the team, inside the web app', async () => {
        await startConversationAs(env, alice, [bob.user.id]);
        const page = await browsers.openAs(alice);

        await page.getByRole('button', {name: 'Main menu'}).click();
        await page.getByRole('menuitem', {name: 'Connect Chat'}).click();

        await page.waitForURL(/\/[a-z0-9-]+\/connect-chat\/workspace$/);
        await page.locator('body[data-host-socket="connected"]').waitFor();
        const workspace = page.getByTestId('workspace');
        await workspace.getByRole('region', {name: 'Conversations'}).getByRole('button', row('Bob Baker')).click();
        expect(await paneTitle(page).textContent()).toBe('Bob Baker');
        expect(page.url()).toMatch(/\?conversation=[a-z0-9]+$/);
    });

    it('opens from /connect open, in the team of the conversation it was typed in', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const team = await callAs<{id: string; name: string}>(env, alice, 'GET', `/api/v4/teams/name/${env.team}`);
        const answer = await callAs<{goto_location: string}>(env, alice, 'POST', '/api/v4/commands/execute', {channel_id: direct.id, team_id: team.id, command: '/connect open'});
        expect(answer.goto_location).toBe(`${env.url}/${team.name}/connect-chat/workspace`);

        const page = await browsers.openHostPage(alice, new URL(answer.goto_location).pathname);
        await page.getByTestId('workspace').getByRole('region', {name: 'Conversations'}).waitFor();
    });

    it('opens a deep link on its conversation, and chats live with a mini window', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const workspace = await browsers.openWorkspace(alice, {conversationId: direct.id});
        expect(await paneTitle(workspace).textContent()).toBe('Bob Baker');
        await expect.poll(() => isFocused(composerOf(paneOf(workspace)))).toBe(true);
        const bobWindow = await openWindow(await browsers.openAs(bob), 'Alice Archer');
        const question = `From the workspace: is **EXCH-02** back? ${nonce()}`;
        const shown = question.replace(/\*\*/g, '');

        await send(paneOf(workspace), question, shown);
        await messageWith(bobWindow, shown).locator('strong').waitFor();

        const answer = `Yes, since 09:40 ${nonce()}`;
        await send(bobWindow, answer);
        await messageWith(paneOf(workspace), answer).waitFor();
    });

    it('opens the conversation a mini window\'s New Window names', async () => {
        const direct = await startConversationAs(env, alice, [carol.user.id]);
        const page = await browsers.openAs(alice);
        const window = await openWindow(page, 'Carol Chen');

        const [popup] = await Promise.all([
            page.context().waitForEvent('page'),
            (async () => {
                await window.getByRole('button', {name: 'More actions'}).click();
                await window.getByRole('menuitem', {name: 'New Window'}).click();
            })(),
        ]);
        await popup.getByTestId('workspace-conversation').waitFor();
        expect(popup.url()).toBe(`${env.url}/plugins/connect-chat/workspace?conversation=${direct.id}`);
        expect(await paneTitle(popup).textContent()).toBe('Carol Chen');
    });

    it('jumps to a conversation with Ctrl+K and moves through the list with the keyboard', async () => {
        await startConversationAs(env, alice, [bob.user.id]);
        const withCarol = await startConversationAs(env, alice, [carol.user.id]);
        await postAs(env, carol, withCarol.id, `Ctrl+K test ${nonce()}`);
        const page = await browsers.openWorkspace(alice);

        await page.keyboard.press('Control+k');
        const switcher = page.getByRole('dialog', {name: 'Jump to a conversation'});
        await switcher.getByRole('combobox', {name: 'Conversation name'}).fill('carol');
        await expect.poll(() => switcher.getByRole('option').first().textContent()).toBe('Carol Chen');
        await page.keyboard.press('Enter');

        await switcher.waitFor({state: 'detached'});
        expect(await paneTitle(page).textContent()).toBe('Carol Chen');
        expect(await isFocused(composerOf(paneOf(page)))).toBe(true);

        await page.keyboard.press('Control+k');
        await page.keyboard.press('Escape');
        await switcher.waitFor({state: 'detached'});

        const rows = page.getByRole('list', {name: 'Open conversations'}).locator('.cc-row-main');
        await rows.first().focus();
        await page.keyboard.press('ArrowDown');
        expect(await isFocused(rows.nth(1))).toBe(true);
        await page.keyboard.press('ArrowUp');
        expect(await isFocused(rows.first())).toBe(true);
        await page.keyboard.press('Enter');
        expect(await paneTitle(page).textContent()).toBe(await rows.first().textContent());
    });

    const toolsOf = (page: Page) => page.getByRole('complementary', {name: 'Conversation tools'});

    async function openTab(page: Page, name: string) {
        const tab = toolsOf(page).getByRole('tab', {name});
        if (await tab.getAttribute('aria-selected') !== 'true') {
            await tab.click();
        }
        return toolsOf(page).getByRole('tabpanel', {name});
    }

    it('shows the records mentioned, with their state and the other conversations that discuss them', async () => {
        const tag = nonce();
        const mona = await newColleague('Mona');
        const group = await startConversationAs(env, alice, [bob.user.id, mona.user.id]);
        const withCarol = await startConversationAs(env, alice, [carol.user.id]);
        await postAs(env, carol, withCarol.id, `Finance asked about INC0010001 again ${tag}`);
        await postAs(env, bob, group.id, `INC0010001 is still open, runbook https://example.com/runbooks/mail-${tag}`);
        const page = await browsers.openWorkspace(alice, {conversationId: withCarol.id});
        await paneOf(page).getByTestId('message').first().waitFor();
        await page.getByRole('region', {name: 'Conversations'}).getByRole('button', row(`Bob Baker, ${fullName(mona)}`)).click();

        const info = await openTab(page, 'Info');
        const record = info.getByRole('listitem').filter({hasText: 'INC0010001'});
        await record.getByText('Email server is down for the Finance floor').waitFor();
        expect(await record.textContent()).toContain('In Progress');
        expect(await record.getByRole('link', {name: 'INC0010001'}).getAttribute('target')).toBe('_blank');
        await info.getByRole('link', {name: `https://example.com/runbooks/mail-${tag}`}).waitFor();

        await record.getByRole('button', {name: 'Carol Chen', exact: true}).click();
        await expect.poll(() => paneTitle(page).textContent()).toBe('Carol Chen');
    });

    it('lists the files shared in a conversation, which download', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const fileName = `queue-${nonce()}.log`;
        const page = await browsers.openWorkspace(alice, {conversationId: direct.id});
        await paneOf(page).getByTestId('attach-input').setInputFiles({name: fileName, mimeType: 'text/plain', buffer: Buffer.from('queue stalled at 09:12\n')});
        await composerOf(paneOf(page)).press('Enter');
        await messageWith(paneOf(page), fileName).waitFor();

        const attachments = await openTab(page, 'Attachments');
        const download = attachments.getByRole('link', {name: `Download ${fileName}`});
        await download.waitFor();
        const href = await download.getAttribute('href');
        const content = await page.evaluate(async (url) => (await fetch(url ?? '', {credentials: 'include'})).text(), href);
        expect(content).toBe('queue stalled at 09:12\n');
    });

    it('adds and removes a member of a group from the Members tab', async () => {
        const nils = await newColleague('Nils');
        const group = await startConversationAs(env, alice, [bob.user.id, carol.user.id]);
        const page = await browsers.openWorkspace(alice, {conversationId: group.id});

        const members = await openTab(page, 'Members');
        await members.getByText(/online|away|offline|do not disturb/i).first().waitFor();
        await members.getByRole('button', {name: 'Add people'}).click();
        const picker = page.getByRole('region', {name: 'Add people'});
        await picker.getByRole('combobox', {name: 'Search staff by name'}).fill('Nils');
        await picker.getByRole('option', {name: new RegExp(fullName(nils))}).click();
        await picker.getByRole('button', {name: 'Add'}).click();
        await picker.waitFor({state: 'detached'});
        const list = members.getByRole('list', {name: 'Members'});
        await list.getByText(fullName(nils)).waitFor();

        await list.getByRole('button', {name: `Remove ${fullName(nils)}`}).click();
        await list.getByText(fullName(nils)).waitFor({state: 'detached'});
        const after = await callAs<{members: Array<{id: string}>}>(env, alice, 'GET', `/plugins/connect-chat/api/v1/conversations/${group.id}`);
        expect(after.members.map((member) => member.id)).not.toContain(nils.user.id);
    });

    it('fits 800 px: the list becomes avatars and the tools an overlay', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const page = await browsers.openWorkspace(alice, {conversationId: direct.id, viewport: {width: 800, height: 700}});

        const list = page.getByRole('region', {name: 'Conversations'});
        expect((await list.boundingBox())?.width).toBeLessThan(100);
        const tools = toolsOf(page);
        expect(await tools.getByRole('tabpanel').count()).toBe(0);
        await openTab(page, 'Info');
        const pane = paneOf(page);
        const [toolsBox, paneBox] = await Promise.all([tools.boundingBox(), pane.boundingBox()]);
        expect(paneBox && paneBox.width > 600).toBe(true);
        expect(toolsBox && paneBox && toolsBox.x < paneBox.x + paneBox.width).toBe(true);
        await logOf(pane).waitFor();
    });

    it('shows the workspace at 1280×800 with its Info and Attachments tabs (screenshots)', async () => {
        const group = await startConversationAs(env, alice, [bob.user.id, carol.user.id]);
        await postAs(env, bob, group.id, 'Finance reports INC0010001 again: mail to external addresses bounces. Runbook: https://wiki.example.com/runbooks/exchange-queues');
        await postAs(env, carol, group.id, 'Checked **EXCH-02**: the queue is at 2,314 and growing. Screenshot below.');
        const page = await browsers.openWorkspace(alice, {conversationId: group.id, viewport: {width: 1280, height: 800}});
        await paneOf(page).getByTestId('attach-input').setInputFiles({name: 'exch-02-queue.png', mimeType: 'image/png', buffer: twoColourPng(480, 300)});
        await send(paneOf(page), 'The queue view from the console', 'The queue view from the console');
        await messageWith(paneOf(page), 'The queue view').getByRole('button', {name: 'exch-02-queue.png'}).locator('img').evaluate((image: HTMLImageElement) => image.decode());

        const info = await openTab(page, 'Info');
        await info.getByText('Email server is down for the Finance floor').waitFor();
        await page.mouse.move(0, 0);
        await page.screenshot({path: await screenshotPath('workspace-info.png')});

        const attachments = await openTab(page, 'Attachments');
        await attachments.getByRole('link', {name: 'Download exch-02-queue.png'}).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({path: await screenshotPath('workspace-attachments.png')});
    });
});
