import {describe, expect, it} from 'vitest';

import {callAs, fullName, newStaffColleague, nonce, postAs, readEverything, startConversationAs} from './support/connect';
import {useBrowserSuite} from './support/suite';
import {logOf, messageWith, openSidebar, openWindow, row, send} from './support/ui';

const receiptsRoute = '/plugins/connect-chat/api/v1/receipts';

// Issue 25, items 2, 4 and 5: read receipts from views in Mattermost's own clients (their REST
// call stands in for the web and mobile apps), where the unread messages start, jump to newest,
// and the Mentions filter, in two people's browsers against the real server.
describe('seen, unread and mentions', () => {
    const {env, browsers, admin, alice} = useBrowserSuite({signedIn: ['admin', 'alice']});

    // colleague views the conversation as Mattermost's web and mobile apps do.
    const viewAs = (session: Awaited<ReturnType<typeof newStaffColleague>>, channelId: string) =>
        callAs(env, session, 'POST', '/api/v4/channels/members/me/view', {channel_id: channelId});

    it('shows "Seen" with the time within seconds of the other person reading, and nothing once they turn receipts off', async () => {
        const bella = await newStaffColleague(env, admin, alice, 'Bella');
        const dm = await startConversationAs(env, alice, [bella.user.id]);
        const page = await browsers.openAs(alice);
        const window = await openWindow(page, fullName(bella));
        const first = `Printer on 3 is jammed ${nonce()}`;
        await send(window, first);
        const log = logOf(window);
        await page.waitForTimeout(1000);
        expect(await log.getByText(/^Seen/).count()).toBe(0);

        await viewAs(bella, dm.id);
        const note = log.getByText(/^Seen \d/);
        await note.waitFor({timeout: 8000});
        expect(await note.getAttribute('title')).toBe(`Seen by ${fullName(bella)}`);
        await note.focus();
        expect(await note.evaluate((element) => element === document.activeElement)).toBe(true);

        // Bella turns hers off: Alice no longer sees her views.
        await callAs(env, bella, 'PUT', receiptsRoute, {enabled: false});
        const second = `Still jammed ${nonce()}`;
        await send(window, second);
        await viewAs(bella, dm.id);
        await expect.poll(() => log.getByText(/^Seen/).count(), {timeout: 8000}).toBe(0);
        await page.waitForTimeout(4000);
        expect(await log.getByText(/^Seen/).count()).toBe(0);
    });

    it('names who has seen it in a group, and a person who turned receipts off sees nobody\'s', async () => {
        const [cara, dara] = [await newStaffColleague(env, admin, alice, 'Cara'), await newStaffColleague(env, admin, alice, 'Dara')];
        const group = await startConversationAs(env, alice, [cara.user.id, dara.user.id]);
        const page = await browsers.openAs(alice);
        const window = await openWindow(page, group.name);
        await send(window, `Standup in five ${nonce()}`);
        await Promise.all([viewAs(cara, group.id), viewAs(dara, group.id)]);
        const note = logOf(window).getByText(/^Seen by/);
        await note.waitFor({timeout: 8000});
        expect(await note.textContent()).toMatch(/^Seen by (Cara and Dara|Dara and Cara)/);
        expect(await note.getAttribute('title')).toContain(fullName(cara));

        // Alice turns hers off in the bell: she sees nobody's either.
        await window.getByRole('button', {name: 'More actions'}).click();
        await window.getByRole('menuitem', {name: 'Notification preferences'}).click();
        const receipts = window.getByRole('group', {name: 'Read receipts'}).getByRole('checkbox');
        await receipts.waitFor();
        expect(await receipts.isChecked()).toBe(true);
        await receipts.uncheck();
        await expect.poll(async () => (await callAs<{enabled: boolean}>(env, alice, 'GET', receiptsRoute)).enabled).toBe(false);
        await expect.poll(() => logOf(window).getByText(/^Seen/).count(), {timeout: 8000}).toBe(0);
        await callAs(env, alice, 'PUT', receiptsRoute, {enabled: true});
    });

    it('opens at a "New messages" line above the first unread message, and jumps to newest with their count', async () => {
        const erin = await newStaffColleague(env, admin, alice, 'Erin');
        const dm = await startConversationAs(env, alice, [erin.user.id]);
        for (let index = 0; index < 25; index += 1) {
            await postAs(env, erin, dm.id, `Earlier note ${index}`);
        }
        await readEverything(env, alice);
        const firstUnread = `First unread ${nonce()}`;
        await postAs(env, erin, dm.id, firstUnread);
        await postAs(env, erin, dm.id, `Second unread ${nonce()}`);

        // The workspace opens there too.
        const workspace = await browsers.openWorkspace(alice, {conversationId: dm.id});
        const line = workspace.getByRole('separator', {name: 'New messages'});
        await line.waitFor();
        const next = await line.evaluate((element) => element.nextElementSibling?.textContent ?? '');
        expect(next).toContain(firstUnread);
        await workspace.close();

        await readEverything(env, alice);
        const page = await browsers.openAs(alice);
        const window = await openWindow(page, fullName(erin));
        const log = logOf(window);
        await messageWith(window, firstUnread).waitFor();
        await log.evaluate((element) => {
            element.scrollTop = 0;
        });
        await page.waitForTimeout(300);
        for (const text of ['one', 'two', 'three']) {
            await postAs(env, erin, dm.id, `Arrived ${text}`);
        }
        const jump = window.getByRole('button', {name: /Jump to newest/});
        await jump.waitFor({timeout: 8000});
        expect(await jump.textContent()).toContain('3 new messages');
        await jump.click();
        await jump.waitFor({state: 'detached'});
        await expect.poll(() => log.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight)).toBeLessThan(33);
    });

    it('filters the sidebar to the conversations that mention you until you read them', async () => {
        const finn = await newStaffColleague(env, admin, alice, 'Finn');
        const gina = await newStaffColleague(env, admin, alice, 'Gina');
        const quiet = await startConversationAs(env, alice, [finn.user.id, gina.user.id]);
        const loud = await startConversationAs(env, alice, [gina.user.id]);
        await readEverything(env, alice);
        await postAs(env, finn, quiet.id, 'Nothing for anyone');
        await postAs(env, gina, loud.id, `@${alice.user.username} can you look at CHG0030001?`);

        const page = await browsers.openAs(alice);
        const sidebar = await openSidebar(page);
        const mentions = sidebar.getByRole('button', {name: /^Mentions/});
        await mentions.click();
        expect(await mentions.getAttribute('aria-pressed')).toBe('true');
        const list = sidebar.getByRole('list', {name: 'Conversations that mention you'});
        await list.getByRole('button', row(fullName(gina))).waitFor();
        expect(await list.getByRole('button', row(quiet.name)).count()).toBe(0);

        await callAs(env, alice, 'POST', '/api/v4/channels/members/me/view', {channel_id: loud.id});
        await expect.poll(() => list.getByRole('button', row(fullName(gina))).count()).toBe(0);
    });
});
