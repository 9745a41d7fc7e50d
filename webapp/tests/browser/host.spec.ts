import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';

import {displayName} from '../../src/display_name';

import {collectPageErrors, launchChromium, signIn, testResultPath} from './support/browser';
import {rigEnvironment, type RigEnvironment} from './support/environment';
import {hostPagePath, serveHostPage, waitForHostReady} from './support/host_page';
import {logIn, type Session} from './support/mattermost';

describe('the plugin in a host page that loads it like the Mattermost web app', () => {
    let env: RigEnvironment;
    let browser: Browser;
    let staff: Session;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
        env = rigEnvironment();
        browser = await launchChromium();
        staff = await logIn(env, env.staff[0]);
    });

    beforeEach(async () => {
        context = await browser.newContext();
        await signIn(context, env, staff);
        await serveHostPage(context, env);
        page = await context.newPage();
        const pageErrors = collectPageErrors(page);
        await page.goto(env.url + hostPagePath);
        await waitForHostReady(page, pageErrors);
    });

    afterEach(async () => {
        await context?.close();
    });

    afterAll(async () => {
        await browser?.close();
    });

    const sidebar = () => page.getByRole('region', {name: 'Connect'});

    async function expectToggles(button: Locator, screenshotName?: string): Promise<void> {
        await button.click();
        await sidebar().waitFor();
        expect(await sidebar().getByRole('heading', {name: 'Connect'}).isVisible()).toBe(true);
        expect(await sidebar().textContent()).toContain(displayName(staff.user));
        if (screenshotName) {
            await page.screenshot({path: testResultPath(screenshotName)});
        }

        await button.click();
        await sidebar().waitFor({state: 'detached'});
    }

    it('opens and closes the Connect sidebar from its app bar icon', async () => {
        const appBarIcon = page.getByRole('navigation', {name: 'App bar'}).getByRole('button', {name: 'Connect'});
        await appBarIcon.waitFor();
        const icon = appBarIcon.locator('img');
        await expect.poll(() => icon.evaluate((image) => image instanceof HTMLImageElement && image.complete ? image.naturalWidth : 0)).toBeGreaterThan(0);

        await expectToggles(appBarIcon, 'host-sidebar.png');
    });

    it('opens and closes the Connect sidebar from its channel header button', async () => {
        await expectToggles(page.getByRole('toolbar', {name: 'Channel header'}).getByRole('button', {name: 'Connect'}));
    });
});
