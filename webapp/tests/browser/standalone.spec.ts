import type {Browser, BrowserContext} from 'playwright-core';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';

import {displayName} from '../../src/display_name';

import {collectPageErrors, launchChromium, signIn} from './support/browser';
import {rigEnvironment, type RigEnvironment} from './support/environment';
import {serveHostPage} from './support/host_page';
import {logIn, type Session} from './support/mattermost';

describe('the standalone Connect Workspace page', () => {
    let env: RigEnvironment;
    let browser: Browser;
    let staff: Session;
    let context: BrowserContext;

    beforeAll(async () => {
        env = rigEnvironment();
        browser = await launchChromium();
        staff = await logIn(env, env.staff[0]);
    });

    afterEach(async () => {
        await context?.close();
    });

    afterAll(async () => {
        await browser?.close();
    });

    const workspaceURL = () => `${env.url}/plugins/connect-chat/workspace`;

    it('shows the signed-in user\'s name', async () => {
        context = await browser.newContext();
        await signIn(context, env, staff);
        const page = await context.newPage();
        const pageErrors = collectPageErrors(page);

        await page.goto(workspaceURL());

        const user = page.getByTestId('workspace-user');
        await user.waitFor();
        expect(await user.textContent()).toBe(displayName(staff.user));
        expect(await page.getByRole('heading', {name: 'Connect Workspace'}).isVisible()).toBe(true);
        expect(pageErrors).toEqual([]);
    });

    it('sends an anonymous visitor to the login page, and back to the workspace afterwards', async () => {
        context = await browser.newContext();
        const page = await context.newPage();

        // This server has no web client, so the login page itself answers 404.
        await page.goto(workspaceURL());
        const loginURL = new URL(page.url());
        expect(`${loginURL.origin}${loginURL.pathname}`).toBe(`${env.url}/login`);
        expect(loginURL.search).toBe('?redirect_to=%2Fplug%2Fconnect-chat%2Fworkspace');

        // The web app's login page goes to redirect_to once signed in; the host page plays the web app.
        await signIn(context, env, staff);
        await serveHostPage(context, env);
        const redirectTo = loginURL.searchParams.get('redirect_to') ?? '';
        await page.goto(env.url + redirectTo);

        const user = page.getByTestId('workspace-user');
        await user.waitFor();
        expect(page.url()).toBe(workspaceURL());
        expect(await user.textContent()).toBe(displayName(staff.user));
    });
});
