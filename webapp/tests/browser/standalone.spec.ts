import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {displayName} from '../../src/display_name';

import {waitForHostStatus} from './support/dev_host';
import {loginFailureMessage} from './support/mattermost';
import {useBrowserSuite} from './support/suite';

describe('the standalone Connect Workspace page', () => {
    const {env, browsers, alice: staff} = useBrowserSuite({signedIn: ['alice']});

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
        const page = await browsers.newPage(staff);
        const pageErrors = browsers.errorsOf(page);

        await page.goto(workspaceURL());

        const user = page.getByTestId('workspace-user');
        await user.waitFor();
        expect(await user.textContent()).toBe(displayName(staff.user));
        expect(await page.getByRole('heading', {name: 'Connect Workspace'}).isVisible()).toBe(true);
        expect(pageErrors).toEqual([]);
    });

    it('sends an anonymous visitor through the sign-in page and back to the workspace', async () => {
        const page = await browsers.newPage(undefined, {expectedFailedPaths: [currentUserPath]});
        const pageErrors = browsers.errorsOf(page);

        await visitAnonymously(page, pageErrors);
        await fillInSignInForm(page, env.password);

        await page.waitForURL(workspaceURL());
        const user = page.getByTestId('workspace-user');
        await user.waitFor();
        expect(await user.textContent()).toBe(displayName(staff.user));
        expect(pageErrors).toEqual([]);
    });

    it('keeps a visitor with a wrong password on the sign-in page, saying why', async () => {
        const page = await browsers.newPage(undefined, {expectedFailedPaths: [currentUserPath, '/api/v4/users/login']});
        const pageErrors = browsers.errorsOf(page);
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
