import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';

import {displayName} from '../../src/display_name';

import {collectPageErrors, launchChromium, signIn} from './support/browser';
import {waitForHostStatus} from './support/dev_host';
import {rigEnvironment, type RigEnvironment} from './support/environment';
import {logIn, loginFailureMessage, type Session} from './support/mattermost';

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
    // An anonymous visitor's page asks it and gets 401.
    const currentUserPath = '/api/v4/users/me';
    const loginURL = () => `${env.url}/login?redirect_to=%2Fplug%2Fconnect-chat%2Fworkspace`;

    // An anonymous visitor of the workspace, left on the sign-in form the server sent them to.
    async function visitAnonymously(page: Page, pageErrors: string[]): Promise<void> {
        await page.goto(workspaceURL());
        expect(page.url()).toBe(loginURL());
        await waitForHostStatus(page, 'signed-out', pageErrors);
    }

    async function fillInSignInForm(page: Page, password: string): Promise<void> {
        await page.getByLabel('Email or Username').fill(staff.user.username);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', {name: 'Log in'}).click();
    }

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

    it('sends an anonymous visitor through the sign-in page and back to the workspace', async () => {
        context = await browser.newContext();
        const page = await context.newPage();
        const pageErrors = collectPageErrors(page, [currentUserPath]);

        await visitAnonymously(page, pageErrors);
        await fillInSignInForm(page, env.password);

        await page.waitForURL(workspaceURL());
        const user = page.getByTestId('workspace-user');
        await user.waitFor();
        expect(await user.textContent()).toBe(displayName(staff.user));
        expect(pageErrors).toEqual([]);
    });

    it('keeps a visitor with a wrong password on the sign-in page, saying why', async () => {
        context = await browser.newContext();
        const page = await context.newPage();
        const pageErrors = collectPageErrors(page, [currentUserPath, '/api/v4/users/login']);
        const wrongPassword = `${env.password}-wrong`;

        await visitAnonymously(page, pageErrors);
        await fillInSignInForm(page, wrongPassword);

        const alert = page.getByRole('alert');
        await alert.waitFor();
        // The web app's own text for the server's invalid_credentials error (components/login/login.tsx).
        expect(await loginFailureMessage(env, staff.user.username, wrongPassword)).not.toBe('');
        expect(await alert.textContent()).toBe('The email/username or password is invalid.');
        expect(page.url()).toBe(loginURL());
        expect(await page.getByLabel('Email or Username').inputValue()).toBe(staff.user.username);
        expect(pageErrors).toEqual([]);
    });
});
