// Connect in the Mattermost web app's lifecycle, as the dev host imitates it: the plugin starts on
// the login page, users sign in and out in one tab without a reload, root and global components
// render where the web app renders them, and cards read as the web app shows attachments.
import type {Page, Request} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {testResultPath} from './support/browser';
import {fullName, newStaffColleague, nonce, postAs, startConversationAs} from './support/connect';
import {appBarItemOf, waitForHostStatus} from './support/dev_host';
import type {Session} from './support/mattermost';
import {useBrowserSuite} from './support/suite';
import {openSidebar, row, sidebarOf, windowOf} from './support/ui';

const connectAPI = '/plugins/connect-chat/api/';

describe('Connect in the web app\'s lifecycle', () => {
    const {env, browsers, admin, alice, bob} = useBrowserSuite({signedIn: ['admin', 'alice', 'bob']});

    const newPage = (session?: Session) => browsers.newPage(session);

    async function signInThroughForm(page: Page, session: Session): Promise<void> {
        await page.getByLabel('Email or Username').fill(session.user.username);
        await page.getByLabel('Password').fill(env.password);
        await page.getByRole('button', {name: 'Log in'}).click();
        await page.locator('body[data-host-status="ready"]').waitFor();
    }

    async function logOut(page: Page): Promise<void> {
        await page.getByTestId('host-user').click();
        await page.getByRole('menuitem', {name: 'Log Out'}).click();
        await page.locator('body[data-host-status="signed-out"]').waitFor();
    }

    it('starts on the login page without asking its API anything, then shows each user who signs in only their own conversations', async () => {
        const aliceColleague = await newStaffColleague(env, admin, alice, `Lifecycle${nonce()}`);
        const aliceConversation = await startConversationAs(env, alice, [aliceColleague.user.id]);
        await postAs(env, alice, aliceConversation.id, 'My own message is never unread for me');
        const bobColleague = await newStaffColleague(env, admin, bob, `Other${nonce()}`);
        await startConversationAs(env, bob, [bobColleague.user.id]);

        const page = await newPage();
        const connectRequests: string[] = [];
        page.on('request', (request: Request) => {
            if (request.url().includes(connectAPI)) {
                connectRequests.push(request.url());
            }
        });
        await page.goto(`${env.url}/login`);
        await waitForHostStatus(page, 'signed-out', browsers.errorsOf(page));
        expect(await page.locator('body').getAttribute('data-host-plugins')).toContain('connect-chat');
        expect(connectRequests).toEqual([]);

        await signInThroughForm(page, alice);
        let sidebar = await openSidebar(page);
        const aliceRow = sidebar.getByRole('button', row(fullName(aliceColleague)));
        await aliceRow.waitFor();
        expect(await sidebar.getByRole('button', {name: /unread/}).filter({hasText: fullName(aliceColleague)}).count()).toBe(0);
        await aliceRow.click();
        await windowOf(page, fullName(aliceColleague)).waitFor();

        await logOut(page);
        expect(await sidebarOf(page).count()).toBe(0);
        expect(await windowOf(page, fullName(aliceColleague)).count()).toBe(0);

        await signInThroughForm(page, bob);
        sidebar = await openSidebar(page);
        await sidebar.getByRole('button', row(fullName(bobColleague))).waitFor();
        expect(await sidebar.getByRole('button', row(fullName(aliceColleague))).count()).toBe(0);
        expect(await windowOf(page, fullName(aliceColleague)).count()).toBe(0);
        await page.screenshot({path: testResultPath('lifecycle-bob-after-alice.png')});

        // Alice's window comes back with her, not with anyone else.
        await logOut(page);
        await signInThroughForm(page, alice);
        await windowOf(page, fullName(aliceColleague)).waitFor();
    });

    it('shows the unread count on the app bar icon, in the channel view and in the in-app workspace, which fills the center', async () => {
        const colleague = await newStaffColleague(env, admin, bob, `Badge${nonce()}`);
        const conversation = await startConversationAs(env, colleague, [bob.user.id]);
        await postAs(env, colleague, conversation.id, 'Unread for bob');

        const page = await newPage(bob);
        await page.goto(`${env.url}/${env.team}/channels/town-square`);
        await waitForHostStatus(page, 'ready', browsers.errorsOf(page));
        await appBarItemOf(page).waitFor();
        const badge = page.getByTestId('app-bar-unread-badge');
        await badge.waitFor();
        expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(1);
        await expectBadgeOnIcon(page);

        await page.evaluate((path) => {
            (window as {WebappUtils?: {browserHistory?: {push: (to: string) => void}}}).WebappUtils?.browserHistory?.push(path);
        }, `/${env.team}/connect-chat/workspace`);
        const workspace = page.locator('.cc-ws-route');
        await workspace.waitFor();
        await expectBadgeOnIcon(page);
        expect(await workspace.evaluate((element) => getComputedStyle(element).gridArea)).toMatch(/^center/);
        const [box, viewport] = [await workspace.boundingBox(), page.viewportSize()];
        expect(box && viewport && box.width / viewport.width).toBeGreaterThan(0.6);
        await page.screenshot({path: testResultPath('lifecycle-workspace-route.png')});
    });

    it('shows a card in the web app\'s channel view with its title as written', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        await postAs(env, alice, direct.id, `INC0010001 again ${nonce()}`);

        const page = await newPage(bob);
        await page.goto(`${env.url}/${env.team}/messages/@${alice.user.username}`);
        await waitForHostStatus(page, 'ready', browsers.errorsOf(page));
        const card = page.getByTestId('message-attachment').filter({hasText: 'INC0010001'}).last();
        await expect.poll(() => card.getByRole('heading').textContent(), {timeout: 10_000}).toBe('INC0010001: Email server is down for the Finance floor');
        expect(await card.textContent()).not.toContain('\\');
        await page.screenshot({path: testResultPath('lifecycle-card-in-channel-view.png')});
    });
});

// The badge sits over the top right corner of Connect's app bar icon.
async function expectBadgeOnIcon(page: Page): Promise<void> {
    const badge = page.getByTestId('app-bar-unread-badge');
    await badge.waitFor();
    const icon = await appBarItemOf(page).locator('img').boundingBox();
    const mark = await badge.boundingBox();
    expect(icon && mark).toBeTruthy();
    expect(Math.abs(mark!.y - icon!.y)).toBeLessThan(icon!.height);
    expect(Math.abs(mark!.x - (icon!.x + icon!.width))).toBeLessThan(icon!.width);
}
