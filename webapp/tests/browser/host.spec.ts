import type {Locator, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {displayName} from '../../src/display_name';

import {testResultPath} from './support/browser';
import {appBarItemOf, waitForHostStatus} from './support/dev_host';
import {currentUser, logIn, type Session} from './support/mattermost';
import {useBrowserSuite} from './support/suite';

describe('the plugin in the dev host, which the server serves as its web client', () => {
    const {env, browsers, alice: staff} = useBrowserSuite({signedIn: ['alice']});
    let page: Page;

    // A new browser signed in with the session, on the site's front page (which goes on to the
    // default team's town square).
    async function openFrontPage(session: Session, expectedFailedPaths: string[] = []): Promise<void> {
        page = await browsers.newPage(session, {expectedFailedPaths});
        await page.goto(env.url + '/');
        await waitForHostStatus(page, 'ready', browsers.errorsOf(page));
    }

    const sidebar = () => page.getByRole('region', {name: 'Connect', exact: true});

    async function expectToggles(button: Locator, screenshotName?: string): Promise<void> {
        await button.click();
        await sidebar().waitFor();
        expect(await sidebar().getByRole('heading', {name: 'Connect'}).isVisible()).toBe(true);
        expect(await sidebar().getByRole('searchbox', {name: 'Filter conversations'}).isVisible()).toBe(true);
        if (screenshotName) {
            await page.screenshot({path: testResultPath(screenshotName)});
        }

        await button.click();
        await sidebar().waitFor({state: 'detached'});
    }

    it('opens and closes the Connect sidebar from its app bar icon', async () => {
        await openFrontPage(staff);
        const appBarIcon = appBarItemOf(page);
        await appBarIcon.waitFor();
        const icon = appBarIcon.locator('img');
        await expect.poll(() => icon.evaluate((image) => image instanceof HTMLImageElement && image.complete ? image.naturalWidth : 0)).toBeGreaterThan(0);

        await expectToggles(appBarIcon, 'host-sidebar.png');
    });

    it('shows who is signed in, and signs them out without reloading the page', async () => {
        // Its own session: signing out revokes it, and the other tests share theirs.
        const session = await logIn(env, env.staff[0]);
        await openFrontPage(session);
        expect(await page.getByTestId('host-user').textContent()).toBe(displayName(session.user));

        await page.getByTestId('host-user').click();
        await page.getByRole('menuitem', {name: 'Log Out'}).click();

        await page.waitForURL(`${env.url}/login`);
        await waitForHostStatus(page, 'signed-out', browsers.errorsOf(page));
        expect(await page.getByRole('button', {name: 'Log in'}).isVisible()).toBe(true);
        await expect(currentUser(env, session.token)).rejects.toThrow('401');
    });
});
