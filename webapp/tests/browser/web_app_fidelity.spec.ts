import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {testResultPath} from './support/browser';
import {callAs, fullName} from './support/connect';
import {appBarItemOf, channelHeaderOf, waitForHostStatus} from './support/dev_host';
import {logIn, type Session} from './support/mattermost';
import {installProbePlugin, probePluginId, removeProbePlugin} from './support/probe_plugin';
import {useBrowserSuite} from './support/suite';

// The dev host's own rules, each the Mattermost web app's (webapp/devhost names the file of each),
// checked with the real plugin and a probe plugin loaded on the real server. Page errors are not
// asserted here: a plugin's own failures (say, calling its API while nobody is signed in) are the
// plugin's to fix, and other specs assert them.
describe('the dev host behaves like the Mattermost web app', () => {
    const {env, browsers, admin, alice} = useBrowserSuite({signedIn: ['admin', 'alice'], pageErrors: 'ignored'});

    beforeAll(async () => {
        await installProbePlugin(env, admin);
    });

    afterAll(async () => {
        await removeProbePlugin(env, admin);
    });

    const newPage = (session?: Session) => browsers.newPage(session);

    async function openSignedIn(session: Session, path: string): Promise<Page> {
        const page = await newPage(session);
        await page.goto(env.url + path);
        await waitForHostStatus(page, 'ready', []);
        return page;
    }

    const initializedPlugins = async (page: Page) => (await page.locator('body').getAttribute('data-host-plugins'))?.split(' ') ?? [];
    const setMarker = (page: Page) => page.evaluate(() => {
        (window as {fidelityMarker?: string}).fidelityMarker = 'still the same page';
    });
    const marker = (page: Page) => page.evaluate(() => (window as {fidelityMarker?: string}).fidelityMarker);

    async function signInThroughForm(page: Page, username: string): Promise<void> {
        await page.getByLabel('Email or Username').fill(username);
        await page.getByLabel('Password').fill(env.password);
        await page.getByRole('button', {name: 'Log in'}).click();
    }

    async function logOut(page: Page): Promise<void> {
        await page.getByTestId('host-user').click();
        await page.getByRole('menuitem', {name: 'Log Out'}).click();
    }

    it('loads and initializes the plugins on the login page, before anyone signs in (root.tsx, plugins/index.ts)', async () => {
        const page = await newPage();
        await page.goto(`${env.url}/login`);
        await waitForHostStatus(page, 'signed-out', []);

        expect(await page.getByRole('button', {name: 'Log in'}).isVisible()).toBe(true);
        expect(await initializedPlugins(page)).toEqual(expect.arrayContaining(['connect-chat', probePluginId]));
        expect(await page.evaluate(() => Object.keys((window as {plugins?: object}).plugins ?? {}))).toEqual(expect.arrayContaining(['connect-chat', probePluginId]));
    });

    it('signs in through the form and out again without reloading the page, and does not initialize the plugins again', async () => {
        const page = await newPage();
        await page.goto(`${env.url}/login`);
        await waitForHostStatus(page, 'signed-out', []);
        const initializedOnLogin = await initializedPlugins(page);
        await setMarker(page);

        await signInThroughForm(page, alice.user.username);
        await page.waitForURL(/\/[a-z0-9-]+\/channels\/town-square$/);
        await waitForHostStatus(page, 'ready', []);
        await page.locator('body[data-host-socket="connected"]').waitFor();
        expect(await marker(page)).toBe('still the same page');
        expect(await page.getByTestId('host-user').textContent()).toBe(fullName(alice));
        expect(await initializedPlugins(page)).toEqual(initializedOnLogin);

        await logOut(page);
        await page.waitForURL(`${env.url}/login`);
        await waitForHostStatus(page, 'signed-out', []);
        expect(await marker(page)).toBe('still the same page');
        expect(await page.locator('body').getAttribute('data-host-socket')).toBe('closed');
        expect(await initializedPlugins(page)).toEqual(initializedOnLogin);
    });

    it('renders root components in the channel view only: not on a plugin\'s team route nor on a /plug/ route', async () => {
        const page = await openSignedIn(alice, `/${env.team}/channels/town-square`);
        await page.getByTestId('probe-root').waitFor();

        await page.goto(`${env.url}/${env.team}/connect-chat/workspace`);
        await waitForHostStatus(page, 'ready', []);
        await page.getByTestId('workspace').waitFor();
        expect(await page.getByTestId('probe-root').count()).toBe(0);

        await page.goto(`${env.url}/${env.team}/${probePluginId}/page`);
        await page.getByTestId('probe-route').waitFor();
        expect(await page.getByTestId('probe-root').count()).toBe(0);

        await page.goto(`${env.url}/plug/${probePluginId}/page`);
        await page.getByTestId('probe-route').waitFor();
        expect(await page.getByTestId('probe-root').count()).toBe(0);
    });

    it('puts a route component that names no grid area where the root grid places it, not in the center', async () => {
        const page = await openSignedIn(alice, `/${env.team}/${probePluginId}/page`);
        const route = page.getByTestId('probe-route');
        await route.waitFor();
        await page.screenshot({path: testResultPath('fidelity-route-without-grid-area.png')});

        const placement = await route.evaluate((element) => {
            const wrapper = element.parentElement!.getBoundingClientRect();
            const box = element.getBoundingClientRect();
            return {gridArea: getComputedStyle(element).gridRowStart, left: box.left - wrapper.left, widthShare: box.width / wrapper.width};
        });
        expect(placement.gridArea).toBe('auto');
        expect(placement.left).toBe(0);
        expect(placement.widthShare).toBeLessThan(0.5);
    });

    it('hides the Connect channel header button while the app bar is on, and shows it with the app bar disabled', async () => {
        const page = await openSignedIn(alice, `/${env.team}/channels/town-square`);
        await appBarItemOf(page).waitFor();
        expect(await channelHeaderOf(page).getByRole('button', {name: 'Connect'}).count()).toBe(0);
        await page.screenshot({path: testResultPath('fidelity-app-bar-on.png')});
        await browsers.closeAll();

        await callAs(env, admin, 'PUT', '/api/v4/config/patch', {ExperimentalSettings: {DisableAppBar: true}});
        try {
            const withoutAppBar = await openSignedIn(alice, `/${env.team}/channels/town-square`);
            const headerButton = channelHeaderOf(withoutAppBar).getByRole('button', {name: 'Connect'});
            await headerButton.waitFor();
            expect(await withoutAppBar.locator('.app-bar').count()).toBe(0);
            await withoutAppBar.screenshot({path: testResultPath('fidelity-app-bar-off.png')});
            await headerButton.click();
            await withoutAppBar.getByRole('region', {name: 'Connect', exact: true}).waitFor();
        } finally {
            await callAs(env, admin, 'PUT', '/api/v4/config/patch', {ExperimentalSettings: {DisableAppBar: false}});
        }
    });

    it('shows a message attachment\'s title with a title_link as plain text, and one without as markdown', async () => {
        const townSquare = await callAs<{id: string}>(env, alice, 'GET', `/api/v4/teams/name/${env.team}/channels/name/town-square`);
        await callAs(env, alice, 'POST', '/api/v4/posts', {
            channel_id: townSquare.id,
            message: 'Attachments by the web app\'s rules',
            props: {attachments: [
                {title: 'A: b.', title_link: 'https://example.com/a', text: 'Some **bold** text', color: '#1c58d9'},
                {title: '**Bold** title', fields: [{title: '**Plain**', value: '*markdown*', short: true}], footer: '**plain footer**'},
            ]},
        });

        const page = await openSignedIn(alice, `/${env.team}/channels/town-square`);
        const linked = page.getByTestId('message-attachment').filter({hasText: 'A: b.'}).last();
        await linked.waitFor();
        expect(await linked.getByRole('heading').textContent()).toBe('A: b.');
        expect(await linked.getByRole('link', {name: 'A: b.'}).getAttribute('href')).toBe('https://example.com/a');
        const unlinked = page.getByTestId('message-attachment').filter({hasText: 'Bold title'}).last();
        expect(await unlinked.getByRole('heading').locator('strong').count()).toBe(0);
        expect(await unlinked.getByRole('columnheader').textContent()).toBe('**Plain**');
        expect(await unlinked.locator('td em').textContent()).toBe('markdown');
        expect(await unlinked.getByText('**plain footer**').count()).toBe(1);
        await page.screenshot({path: testResultPath('fidelity-attachments.png')});
    });

    it('opens a DM at /<team>/messages/@<username> from the channel sidebar, and sends from the post box', async () => {
        const bob = await logIn(env, env.staff[1]);
        await callAs(env, alice, 'POST', '/api/v4/channels/direct', [alice.user.id, bob.user.id]);
        const page = await openSignedIn(alice, `/${env.team}/channels/town-square`);
        await page.locator('body[data-host-socket="connected"]').waitFor();

        await page.locator('#SidebarContainer').getByRole('link', {name: bob.user.username, exact: true}).click();
        await page.waitForURL(`${env.url}/${env.team}/messages/@${bob.user.username}`);
        await expect.poll(() => page.locator('.channel-header__title').textContent()).toBe(bob.user.username);

        const message = `From the post box ${Date.now()}`;
        const postBox = page.getByRole('textbox', {name: `Write to ${bob.user.username}`});
        await postBox.fill(message);
        await postBox.press('Enter');
        await page.getByRole('log', {name: 'Posts'}).getByText(message).waitFor();
    });
});
