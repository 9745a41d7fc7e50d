import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {
    conversationsOf,
    leaveStaffTeam,
    mayPost,
    newStaffMember,
    nonce,
    postAs,
    readEverything,
    staffSearchFinds,
    startConversationAs,
} from './support/connect';
import {waitForHostStatus} from './support/dev_host';
import type {Session} from './support/mattermost';
import {useBrowserSuite} from './support/suite';
import {
    chooseWindowAction,
    composerOf,
    eventually,
    logOf,
    openSidebar,
    pickPeople,
    row,
    screenshotPath,
    send,
    startConversation,
    windowOf,
} from './support/ui';


// The sidebar, the people picker and the mini windows, used by two or three people at once in
// their own browsers against the real server.
describe('Connect conversations in the dev host', () => {
    const {env, browsers, admin, alice, bob, carol} = useBrowserSuite({signedIn: ['admin', 'alice', 'bob', 'carol']});

    const openAs = (session: Session, expectedFailedPaths: string[] = []) => browsers.openAs(session, {expectedFailedPaths});
    const appBarBadge = (page: Page) => page.getByTestId('app-bar-unread-badge');
    // While the app bar is on (the default), the web app shows no channel header button for a plugin
    // that has an app bar item (selectors/plugins.ts), so the app bar icon is the one Connect icon.
    const headerButton = (page: Page) => page.locator('#channel-header').getByRole('button', {name: 'Connect'});

    it('starts a direct conversation from the people picker, and messages arrive live both ways', async () => {
        const alicePage = await openAs(alice);
        const bobPage = await openAs(bob);
        const greeting = `Hi Bob, can you look at the mail queue? ${nonce()}`;

        await startConversation(alicePage, ['Bob Baker']);
        const aliceWindow = windowOf(alicePage, 'Bob Baker');
        await expect.poll(() => composerOf(aliceWindow).evaluate((element) => element === document.activeElement)).toBe(true);
        await send(aliceWindow, greeting);

        const bobSidebar = await openSidebar(bobPage);
        await bobSidebar.getByRole('button', row('Alice Archer')).click();
        const bobWindow = windowOf(bobPage, 'Alice Archer');
        await logOf(bobWindow).getByText(greeting).waitFor();
        expect(await logOf(bobWindow).getByText('Alice Archer').first().isVisible()).toBe(true);

        const firstLine = `On it. ${nonce()}`;
        await composerOf(bobWindow).fill(firstLine);
        await composerOf(bobWindow).press('Shift+Enter');
        await composerOf(bobWindow).pressSequentially('Queue is draining now.');
        await composerOf(bobWindow).press('Enter');

        const reply = logOf(aliceWindow).getByText(firstLine);
        await reply.waitFor();
        expect(await reply.textContent()).toBe(`${firstLine}\nQueue is draining now.`);
        expect(await composerOf(bobWindow).inputValue()).toBe('');
    });

    it('counts unread messages on the Connect icons, live, and clears them once the window is read', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        await readEverything(env, bob);
        const bobPage = await openAs(bob);
        expect(await appBarBadge(bobPage).count()).toBe(0);

        const question = `Are you around? ${nonce()}`;
        await postAs(env, alice, direct.id, question);
        await postAs(env, alice, direct.id, 'INC0010001 needs a second pair of eyes.');

        await expect.poll(() => appBarBadge(bobPage).textContent()).toBe('2');
        expect(await headerButton(bobPage).count()).toBe(0);
        const sidebar = await openSidebar(bobPage);
        const unreadRow = sidebar.getByRole('button', {name: 'Alice Archer, 2 unread messages'});
        await unreadRow.waitFor();

        await unreadRow.click();
        await logOf(windowOf(bobPage, 'Alice Archer')).getByText(question).waitFor();

        await expect.poll(() => appBarBadge(bobPage).count()).toBe(0);
        await sidebar.getByRole('button', {name: 'Alice Archer', exact: true}).waitFor();
        expect((await conversationsOf(env, bob)).total_unread).toBe(0);
    });

    it('starts a group, and someone added later sees its history', async () => {
        const lastName = `Newman${nonce()}`;
        const newcomer = await newStaffMember(env, admin, 'Xavier', lastName);
        await eventually(() => staffSearchFinds(env, alice, 'Xavier', newcomer.user.id), 'the newcomer is offered as staff');
        const alicePage = await openAs(alice);
        const history = `Before Xavier joined ${nonce()}`;

        await startConversation(alicePage, ['Bob Baker', 'Carol Chen']);
        const group = windowOf(alicePage, 'Bob Baker, Carol Chen');
        await group.getByTestId('group-avatar').waitFor();
        const groupId = await group.getAttribute('data-conversation-id');
        await send(group, history);

        await chooseWindowAction(group, 'Add people');
        const picker = group.getByRole('region', {name: 'Add people'});
        await pickPeople(picker, [`Xavier ${lastName}`]);
        await picker.getByRole('button', {name: 'Add'}).click();
        await windowOf(alicePage, `Bob Baker, Carol Chen, Xavier ${lastName}`).waitFor();

        const newcomerPage = await openAs(newcomer);
        const sidebar = await openSidebar(newcomerPage);
        await sidebar.getByRole('button', {name: /^Alice Archer, Bob Baker, Carol Chen/}).click();
        const newcomerWindow = newcomerPage.locator(`[data-conversation-id="${groupId}"]`);
        await logOf(newcomerWindow).getByText(history).waitFor();
    });

    it('renames a group, which the others see live, and removes someone, whose sidebar drops it', async () => {
        const alicePage = await openAs(alice);
        await startConversation(alicePage, ['Bob Baker', 'Carol Chen']);
        const group = alicePage.getByTestId('mini-window');
        await group.getByTestId('group-avatar').waitFor();
        const bobSidebar = await openSidebar(await openAs(bob));
        const carolSidebar = await openSidebar(await openAs(carol));
        const name = `Mail outage ${nonce()}`;

        await group.getByRole('button', {name: 'Rename group'}).click();
        const field = group.getByRole('textbox', {name: 'Group name'});
        await field.fill(name);
        await field.press('Enter');
        await windowOf(alicePage, name).waitFor();
        await bobSidebar.getByRole('button', row(name)).waitFor();
        const carolRow = carolSidebar.getByRole('button', row(name));
        await carolRow.waitFor();

        await chooseWindowAction(group, 'Members');
        const members = group.getByRole('region', {name: 'Members'});
        await members.getByRole('button', {name: 'Remove Carol Chen'}).click();
        await members.getByText('Carol Chen').waitFor({state: 'detached'});
        await carolRow.waitFor({state: 'detached'});
        expect(await members.getByText('Bob Baker').isVisible()).toBe(true);
        expect(await members.getByRole('button', {name: 'Remove Carol Chen'}).count()).toBe(0);
    });

    it('closes a conversation from the sidebar and reopens it from the filter', async () => {
        const direct = await startConversationAs(env, alice, [carol.user.id]);
        await readEverything(env, alice);
        const alicePage = await openAs(alice);
        const sidebar = await openSidebar(alicePage);
        const openList = sidebar.getByRole('list', {name: 'Open conversations'});
        const carolRow = openList.getByRole('button', {name: 'Carol Chen', exact: true});
        await carolRow.waitFor();

        await carolRow.hover();
        await sidebar.getByRole('button', {name: 'Close Carol Chen'}).click();
        await carolRow.waitFor({state: 'detached'});
        expect((await conversationsOf(env, alice)).conversations.some((conversation) => conversation.id === direct.id)).toBe(false);

        await sidebar.getByRole('searchbox', {name: 'Filter conversations'}).fill('carol');
        await sidebar.getByRole('list', {name: 'Matching conversations'}).getByRole('button', {name: 'Carol Chen', exact: true}).click();

        await windowOf(alicePage, 'Carol Chen').waitFor();
        await carolRow.waitFor();
        expect(await sidebar.getByRole('searchbox', {name: 'Filter conversations'}).inputValue()).toBe('');
        expect((await conversationsOf(env, alice)).conversations.some((conversation) => conversation.id === direct.id)).toBe(true);
    });

    it('attaches a file, which the other person gets live', async () => {
        await startConversationAs(env, alice, [bob.user.id]);
        const alicePage = await openAs(alice);
        const bobPage = await openAs(bob);
        const fileName = `queue-${nonce()}.log`;
        await (await openSidebar(bobPage)).getByRole('button', row('Alice Archer')).click();
        await (await openSidebar(alicePage)).getByRole('button', row('Bob Baker')).click();
        const aliceWindow = windowOf(alicePage, 'Bob Baker');

        await aliceWindow.getByTestId('attach-input').setInputFiles({name: fileName, mimeType: 'text/plain', buffer: Buffer.from('queue stalled at 09:12\n')});
        await aliceWindow.getByRole('button', {name: `Remove ${fileName}`}).waitFor();
        await composerOf(aliceWindow).press('Enter');

        const link = logOf(aliceWindow).getByRole('link', {name: new RegExp(fileName)});
        await link.waitFor();
        expect(await link.getAttribute('href')).toMatch(new RegExp(`^${env.url}/api/v4/files/[a-z0-9]+\\?download=1$`));
        await logOf(windowOf(bobPage, 'Alice Archer')).getByRole('link', {name: new RegExp(fileName)}).waitFor();
    });

    it('turns a ticket number dropped on a mini window into a record card', async () => {
        await startConversationAs(env, alice, [bob.user.id]);
        const alicePage = await openAs(alice);
        await (await openSidebar(alicePage)).getByRole('button', row('Bob Baker')).click();
        const aliceWindow = windowOf(alicePage, 'Bob Baker');
        await logOf(aliceWindow).waitFor();

        // What a drag from a ServiceNow list view in another tab delivers.
        await aliceWindow.evaluate((element) => {
            const data = new DataTransfer();
            data.setData('text/plain', 'INC0010001');
            for (const type of ['dragenter', 'dragover', 'drop']) {
                element.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
            }
        });

        const card = logOf(aliceWindow).getByTestId('message').last().getByTestId('attachment-card');
        await expect.poll(() => card.textContent(), {timeout: 15_000}).toContain('INC0010001: Email server is down for the Finance floor');
        expect(await card.getByRole('link').getAttribute('target')).toBe('_blank');
    });

    it('keeps a message the server refuses in the field, saying why', async () => {
        const lastName = `Leaver${nonce()}`;
        const leaver = await newStaffMember(env, admin, 'Yves', lastName);
        await eventually(() => staffSearchFinds(env, alice, 'Yves', leaver.user.id), 'the leaver is offered as staff');
        const alicePage = await openAs(alice, ['/api/v4/posts']);
        await startConversation(alicePage, [`Yves ${lastName}`]);
        const window = windowOf(alicePage, `Yves ${lastName}`);
        await logOf(window).waitFor();
        const direct = await window.getAttribute('data-conversation-id');

        await leaveStaffTeam(env, admin, leaver.user.id);
        await eventually(async () => !(await mayPost(env, alice, direct ?? '')), 'the server refuses posts to someone who left staff');

        const draft = `Are you still on the service desk? ${nonce()}`;
        await composerOf(window).fill(draft);
        await composerOf(window).press('Enter');

        const alert = window.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain(`@${leaver.user.username} is not ITIL staff`);
        expect(await composerOf(window).inputValue()).toBe(draft);
    });

    it('keeps the mini windows, collapsed or not, across a reload, and closes the focused one with Escape', async () => {
        await startConversationAs(env, alice, [bob.user.id]);
        await startConversationAs(env, alice, [carol.user.id]);
        const alicePage = await openAs(alice);
        const sidebar = await openSidebar(alicePage);
        await sidebar.getByRole('button', row('Bob Baker')).click();
        await sidebar.getByRole('button', row('Carol Chen')).click();
        await windowOf(alicePage, 'Carol Chen').getByRole('button', {name: 'Collapse'}).click();

        await alicePage.reload();
        await waitForHostStatus(alicePage, 'ready', []);

        const carolWindow = windowOf(alicePage, 'Carol Chen');
        await carolWindow.getByRole('button', {name: 'Expand'}).waitFor();
        expect(await carolWindow.getByRole('log').count()).toBe(0);
        const bobWindow = windowOf(alicePage, 'Bob Baker');
        await composerOf(bobWindow).click();
        await composerOf(bobWindow).press('Escape');
        await bobWindow.waitFor({state: 'detached'});
        expect(await carolWindow.isVisible()).toBe(true);
    });

    it('shows the sidebar and two mini windows (screenshots)', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const group = await startConversationAs(env, alice, [bob.user.id, carol.user.id]);
        await postAs(env, bob, group.id, 'Finance floor reports the mail outage is **back**. INC0010001');
        await postAs(env, alice, group.id, 'On it :eyes: The queue on `EXCH-02` is growing:\n- 2,314 waiting\n- transport restarted at 08:52');
        await postAs(env, bob, direct.id, 'Can you take the change review at 3? Agenda: https://example.com/cab');
        const withCarol = await startConversationAs(env, alice, [carol.user.id]);
        await postAs(env, carol, withCarol.id, 'The VPN change is approved for tonight.');
        const alicePage = await openAs(alice);
        const sidebar = await openSidebar(alicePage);
        await sidebar.getByRole('button', row('Bob Baker, Carol Chen')).click();
        await sidebar.getByRole('button', row('Bob Baker')).click();
        await logOf(windowOf(alicePage, 'Bob Baker')).getByText(/Can you take the change review at 3\?/).last().waitFor();
        const card = logOf(windowOf(alicePage, 'Bob Baker, Carol Chen')).getByTestId('attachment-card').last();
        await expect.poll(() => card.textContent(), {timeout: 15_000}).toContain('Email server is down');

        await alicePage.mouse.move(0, 0);
        await alicePage.getByRole('complementary', {name: 'Right-hand sidebar'}).screenshot({path: await screenshotPath('sidebar.png')});
        await alicePage.screenshot({path: await screenshotPath('mini-windows.png')});
    });
});
