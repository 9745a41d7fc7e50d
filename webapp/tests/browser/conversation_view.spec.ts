import type {Locator, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {appBarItemOf} from './support/dev_host';
import {addMembersAs, fullName, newStaffColleague, nonce, postAs, readEverything, removeMemberAs, renameAs, replyAs, startConversationAs} from './support/connect';
import {twoColourPng} from './support/png';
import {useBrowserSuite} from './support/suite';
import {
    chooseWindowAction,
    composerOf,
    isFocused,
    logOf,
    messageWith,
    openSidebar,
    openWindow,
    row,
    send,
    windowOf,
} from './support/ui';

// The conversation view as Mattermost users expect it (issue 12): what two people see of each
// other's messages, live, in their own browsers against the real server.
describe('the conversation view in mini windows', () => {
    const {env, browsers, alice, bob, carol, dave, admin} = useBrowserSuite({signedIn: ['alice', 'bob', 'carol', 'dave', 'admin']});

    const newColleague = (firstName: string) => newStaffColleague(env, admin, alice, firstName);

    // Alice and Bob, each with their direct conversation open in a mini window.
    async function aliceAndBob(): Promise<{alicePage: Page; bobPage: Page; aliceWindow: Locator; bobWindow: Locator}> {
        await startConversationAs(env, alice, [bob.user.id]);
        const [alicePage, bobPage] = await Promise.all([browsers.openAs(alice), browsers.openAs(bob)]);
        const [aliceWindow, bobWindow] = await Promise.all([openWindow(alicePage, 'Bob Baker'), openWindow(bobPage, 'Alice Archer')]);
        return {alicePage, bobPage, aliceWindow, bobWindow};
    }

    it('renders markdown as Mattermost does, with links, mentions and emoji, and never runs HTML', async () => {
        const {bobPage, aliceWindow, bobWindow} = await aliceAndBob();
        const tag = nonce();
        const message = [
            `**Mail queue** is back ${tag} :white_check_mark:`,
            '',
            'Run `Get-Queue` or see https://example.com/runbooks/mail',
            '',
            '- restart transport',
            '- check the *finance* mailbox',
            '',
            '> the queue drained at 09:12',
            '',
            '```',
            'Get-Queue -Server EXCH-02',
            '```',
            '',
            '@bob can you confirm? <img src=x onerror="window.injected=1">',
        ].join('\n');

        await send(aliceWindow, message, tag);

        for (const window of [aliceWindow, bobWindow]) {
            const shown = messageWith(window, tag);
            await shown.waitFor();
            expect(await shown.locator('strong').first().textContent()).toBe('Mail queue');
            expect(await shown.locator('.cc-markdown').getByText('✅').count()).toBe(1);
            expect(await shown.locator('code').first().textContent()).toBe('Get-Queue');
            const link = shown.getByRole('link', {name: 'https://example.com/runbooks/mail'});
            expect(await link.getAttribute('href')).toBe('https://example.com/runbooks/mail');
            expect(await link.getAttribute('target')).toBe('_blank');
            expect(await shown.getByRole('listitem').allTextContents()).toEqual(['restart transport', 'check the finance mailbox']);
            expect(await shown.locator('blockquote').textContent()).toContain('the queue drained at 09:12');
            expect(await shown.locator('pre code').textContent()).toContain('Get-Queue -Server EXCH-02');
            expect(await shown.getByText('<img src=x onerror="window.injected=1">').count()).toBe(1);
            expect(await shown.locator('img').count()).toBe(0);
        }
        expect(await messageWith(bobWindow, tag).locator('.cc-mention--me').textContent()).toBe('@bob');
        expect(await messageWith(aliceWindow, tag).locator('.cc-mention--me').count()).toBe(0);
        expect(await bobPage.evaluate(() => (window as {injected?: number}).injected)).toBeUndefined();
    });

    it('fills a record card for the author and the recipient without a reload', async () => {
        const {aliceWindow, bobWindow} = await aliceAndBob();
        const tag = nonce();

        await send(aliceWindow, `INC0010001 is back on the list ${tag}`, tag);

        for (const window of [aliceWindow, bobWindow]) {
            const card = messageWith(window, tag).getByTestId('attachment-card');
            await expect.poll(() => card.textContent(), {timeout: 15_000}).toContain('Email server is down for the Finance floor');
            expect(await card.textContent()).not.toContain('Loading');
        }
    });

    it('edits (Up in an empty composer) and deletes your own message, and reactions, all live for the other', async () => {
        const {aliceWindow, bobWindow} = await aliceAndBob();
        const tag = nonce();
        await send(aliceWindow, `The printr is back ${tag}`, tag);
        await messageWith(bobWindow, tag).waitFor();

        await composerOf(aliceWindow).press('ArrowUp');
        const editor = aliceWindow.getByRole('textbox', {name: 'Edit message'});
        expect(await isFocused(editor)).toBe(true);
        await editor.fill(`The printer is back ${tag}`);
        await editor.press('Enter');
        await editor.waitFor({state: 'detached'});
        expect(await isFocused(composerOf(aliceWindow))).toBe(true);
        const edited = messageWith(bobWindow, `The printer is back ${tag}`);
        await edited.getByText('(edited)').waitFor();

        await edited.hover();
        await edited.getByRole('button', {name: 'React with thumbs up'}).click();
        const chip = messageWith(aliceWindow, tag).getByRole('button', {name: '+1 reaction by Bob Baker'});
        await chip.waitFor();
        expect(await chip.textContent()).toBe('👍1');
        await chip.click();
        await messageWith(bobWindow, tag).getByRole('button', {name: /^\+1 reaction by (you and Alice Archer|Alice Archer and you)$/}).waitFor();
        expect(await messageWith(bobWindow, tag).getByRole('button', {name: /^\+1 reaction/}).getAttribute('aria-pressed')).toBe('true');

        const own = messageWith(aliceWindow, tag);
        await own.hover();
        await own.getByRole('button', {name: 'More message actions'}).click();
        await own.getByRole('menuitem', {name: 'Delete'}).click();
        await own.getByRole('alertdialog', {name: 'Delete message'}).getByRole('button', {name: 'Delete'}).click();
        await messageWith(bobWindow, tag).waitFor({state: 'detached'});
        expect(await messageWith(aliceWindow, tag).count()).toBe(0);
    });

    it('groups one author\'s messages and shows a reply with the message it answers', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const tag = nonce();
        const question = await postAs(env, bob, direct.id, `Is the VPN change on tonight? ${tag}`);
        await postAs(env, bob, direct.id, `And who approves it? ${tag}`);
        await replyAs(env, alice, direct.id, question.id, `Yes, at 22:00 ${tag}`);
        const aliceWindow = await openWindow(await browsers.openAs(alice), 'Bob Baker');

        const reply = messageWith(aliceWindow, `Yes, at 22:00 ${tag}`);
        await reply.getByRole('button', {name: `Replying to Bob Baker: Is the VPN change on tonight? ${tag}`}).waitFor();
        const second = messageWith(aliceWindow, `And who approves it? ${tag}`);
        expect(await second.locator('.cc-message-author').count()).toBe(0);
        const first = logOf(aliceWindow).getByTestId('message').filter({hasText: `Is the VPN change on tonight? ${tag}`}).first();
        expect(await first.locator('.cc-message-author').textContent()).toBe('Bob Baker');
    });

    it('grows the composer to about eight lines, says when a message is too long, and keeps it', async () => {
        const {aliceWindow} = await aliceAndBob();
        const composer = composerOf(aliceWindow);
        const oneLine = await composer.evaluate((element) => element.clientHeight);

        await composer.fill(Array.from({length: 15}, (_, index) => `line ${index + 1}`).join('\n'));
        const grown = await composer.evaluate((element) => ({height: element.clientHeight, scrolls: element.scrollHeight > element.clientHeight}));
        expect(grown.height).toBeGreaterThan(oneLine * 5);
        expect(grown.height).toBeLessThan(oneLine * 10);
        expect(grown.scrolls).toBe(true);

        const messagesBefore = await logOf(aliceWindow).getByTestId('message').count();
        const tooLong = 'x'.repeat(16_400);
        await composer.fill(tooLong);
        await aliceWindow.getByText('This message is 17 characters too long (the limit is 16,383).').waitFor();
        expect(await aliceWindow.getByRole('button', {name: 'Send'}).isDisabled()).toBe(true);
        await composer.press('Enter');
        expect(await composer.inputValue()).toBe(tooLong);
        expect(await logOf(aliceWindow).getByTestId('message').count()).toBe(messagesBefore);
    });

    it('keeps picked files as chips until sent with the text; images show thumbnails that open larger', async () => {
        const {aliceWindow, bobWindow} = await aliceAndBob();
        const tag = nonce();
        const picture = `floor-3-${tag}.png`;
        const notes = `notes-${tag}.txt`;

        await aliceWindow.getByTestId('attach-input').setInputFiles([
            {name: picture, mimeType: 'image/png', buffer: twoColourPng(320, 200)},
            {name: notes, mimeType: 'text/plain', buffer: Buffer.from('not this one')},
        ]);
        await aliceWindow.getByRole('button', {name: `Remove ${notes}`}).click();
        expect(await aliceWindow.getByRole('list', {name: 'Files to send'}).getByRole('listitem').count()).toBe(1);
        expect(await messageWith(aliceWindow, tag).count()).toBe(0);
        await send(aliceWindow, `The printers on floor 3 ${tag}`, tag);

        for (const window of [aliceWindow, bobWindow]) {
            const thumbnail = messageWith(window, tag).getByRole('button', {name: picture});
            await thumbnail.waitFor();
            expect(await thumbnail.locator('img').getAttribute('src')).toMatch(/\/api\/v4\/files\/[a-z0-9]+\/thumbnail$/);
            await expect.poll(() => thumbnail.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth), {timeout: 10_000}).toBeGreaterThan(0);
        }
        expect(await messageWith(aliceWindow, tag).getByText(notes).count()).toBe(0);

        const thumbnail = messageWith(bobWindow, tag).getByRole('button', {name: picture});
        await thumbnail.click();
        const dialog = bobWindow.page().getByRole('dialog', {name: picture});
        await dialog.waitFor();
        expect(await dialog.getByRole('img', {name: picture}).getAttribute('src')).toMatch(/\/preview$/);
        await dialog.press('Escape');
        await dialog.waitFor({state: 'detached'});
        expect(await isFocused(thumbnail)).toBe(true);
    });

    it('says what happened to members in Connect\'s words, with full names', async () => {
        const mona = await newColleague('Mona');
        const group = await startConversationAs(env, alice, [bob.user.id, mona.user.id]);
        await removeMemberAs(env, alice, group.id, mona.user.id);
        await addMembersAs(env, alice, group.id, [mona.user.id]);
        const [alicePage, bobPage] = await Promise.all([browsers.openAs(alice), browsers.openAs(bob)]);

        const aliceLog = logOf(await openWindow(alicePage, `Bob Baker, ${fullName(mona)}`));
        await aliceLog.getByText(`You removed ${fullName(mona)}.`).waitFor();
        expect(await aliceLog.getByText(`You added ${fullName(mona)}.`).count()).toBe(2);
        const bobLog = logOf(await openWindow(bobPage, `Alice Archer, ${fullName(mona)}`));
        await bobLog.getByText(`Alice Archer removed ${fullName(mona)}.`).waitFor();
        expect(await bobLog.getByText(`Alice Archer added ${fullName(mona)}.`).count()).toBe(2);
        expect(await bobLog.getByText('Alice Archer added you.').count()).toBe(1);
        expect(await bobLog.getByText(/added to the channel by|left the channel/).count()).toBe(0);
    });

    it('gives the window name the room, keeps the rest in a menu, and keeps the overflow reachable at 800 px', async () => {
        const group = await startConversationAs(env, alice, [bob.user.id, (await newColleague('Nils')).user.id]);
        await renameAs(env, alice, group.id, 'Printer outage on the third floor');
        await startConversationAs(env, alice, [bob.user.id]);
        await startConversationAs(env, alice, [carol.user.id]);
        const page = await browsers.openAs(alice, {viewport: {width: 800, height: 700}});
        const sidebar = await openSidebar(page);
        for (const name of ['Bob Baker', 'Carol Chen', 'Printer outage on the third floor']) {
            await sidebar.getByRole('button', row(name)).click();
        }
        const window = windowOf(page, 'Printer outage on the third floor');
        await logOf(window).waitFor();

        const title = window.getByRole('button', {name: 'Rename group'});
        const [titleBox, windowBox] = await Promise.all([title.boundingBox(), window.boundingBox()]);
        expect((titleBox?.width ?? 0) / (windowBox?.width ?? 1)).toBeGreaterThan(0.45);
        await chooseWindowAction(window, 'Members');
        await window.getByRole('region', {name: 'Members'}).waitFor();

        const chip = page.getByRole('button', {name: '2 more conversations'});
        const box = await chip.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 800).toBe(true);
        await chip.click();
        const item = page.getByRole('menu', {name: 'More conversations'}).getByRole('menuitem', {name: 'Carol Chen'});
        await item.waitFor();
        const itemBox = await item.boundingBox();
        const onTop = await page.evaluate(({x, y}) => document.elementFromPoint(x, y)?.closest('[role="menuitem"]')?.textContent ?? null, {x: (itemBox?.x ?? 0) + 10, y: (itemBox?.y ?? 0) + 5});
        expect(onTop).toContain('Carol Chen');
        await item.click();
        await windowOf(page, 'Carol Chen').waitFor();
    });

    it('shows someone who is not staff one panel in place of the sidebar', async () => {
        const page = await browsers.openAs(dave, {expectedFailedPaths: ['/plugins/connect-chat/api/v1/conversations']});
        await appBarItemOf(page).click();

        const panel = page.getByTestId('not-staff-panel');
        await panel.getByRole('heading', {name: 'Connect Chat is for IT staff'}).waitFor();
        expect(await panel.textContent()).toContain('ask your Mattermost system admin');
        const rhs = page.getByRole('complementary', {name: 'Right-hand sidebar'});
        expect(await rhs.getByRole('searchbox').count()).toBe(0);
        expect(await rhs.getByRole('button', {name: /New conversation|Try again/}).count()).toBe(0);
        expect(await rhs.getByText(/could not load/).count()).toBe(0);
    });

    it('shares a record dropped on a sidebar row in that conversation', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        await readEverything(env, alice);
        const page = await browsers.openAs(alice);
        const sidebar = await openSidebar(page);
        const bobRow = sidebar.getByTestId('conversation-row').filter({has: page.getByRole('button', row('Bob Baker'))});

        await bobRow.evaluate((element) => {
            const data = new DataTransfer();
            data.setData('text/plain', 'INC0010002');
            for (const type of ['dragenter', 'dragover', 'drop']) {
                element.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
            }
        });

        const window = windowOf(page, 'Bob Baker');
        const card = messageWith(window, 'INC0010002').getByTestId('attachment-card');
        await expect.poll(() => card.textContent(), {timeout: 15_000}).toContain('INC0010002');
        expect(await window.getAttribute('data-conversation-id')).toBe(direct.id);
    });

    it('has one "Connect" title; opening the sidebar puts focus in its filter, and a closed window gives focus back', async () => {
        await startConversationAs(env, alice, [bob.user.id]);
        const page = await browsers.openAs(alice);
        const sidebar = await openSidebar(page);

        const rhs = page.getByRole('complementary', {name: 'Right-hand sidebar'});
        expect(await rhs.getByText('Connect', {exact: true}).count()).toBe(1);
        const filter = sidebar.getByRole('searchbox', {name: 'Filter conversations'});
        await expect.poll(() => isFocused(filter)).toBe(true);

        const bobRow = sidebar.getByRole('button', row('Bob Baker'));
        await bobRow.focus();
        await bobRow.press('Enter');
        const window = windowOf(page, 'Bob Baker');
        await expect.poll(() => isFocused(composerOf(window))).toBe(true);
        await composerOf(window).press('Escape');
        await window.waitFor({state: 'detached'});
        expect(await isFocused(bobRow)).toBe(true);
    });
});
