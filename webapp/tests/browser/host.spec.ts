import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';

import {displayName} from '../../src/display_name';

import {collectPageErrors, launchChromium, signIn, testResultPath} from './support/browser';
import {appBarItemOf, waitForHostStatus} from './support/dev_host';
import {rigEnvironment, type RigEnvironment} from './support/environment';
import {currentUser, logIn, type Session} from './support/mattermost';

describe('the plugin in the dev host, which the server serves as its web client', () => {
    let env: RigEnvironment;
    let browser: Browser;
    let staff: Session;
    let context: BrowserContext;
    let page: Page;
    let pageErrors: string[];

    beforeAll(async () => {
        env = rigEnvironment();
        browser = await launchChromium();
        staff = await logIn(env, env.staff[0]);
    });

    // A new browser signed in with the session, on the site's front page (which goes on to the
    // default team's town square).
    async function openFrontPage(session: Session, expectedFailedPaths: string[] = []): Promise<void> {
        context = await browser.newContext();
        await signIn(context, env, session);
        page = await context.newPage();
        pageErrors = collectPageErrors(page, expectedFailedPaths);
        await page.goto(env.url + '/');
        await waitForHostStatus(page, 'ready', pageErrors);
    }

    afterEach(async () => {
        const errorsDuringTest = [...pageErrors];
        await context?.close();
        expect(errorsDuringTest).toEqual([]);
    });

    afterAll(async () => {
        await browser?.close();
    });

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
        await waitForHostStatus(page, 'signed-out', pageErrors);
        expect(await page.getByRole('button', {name: 'Log in'}).isVisible()).toBe(true);
        await expect(currentUser(env, session.token)).rejects.toThrow('401');
    });
});
