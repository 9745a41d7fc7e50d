import type {Page} from 'playwright-core';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';

import {callAs} from './support/connect';
import {useBrowserSuite} from './support/suite';
import {screenshotPath} from './support/ui';

// What Mattermost sends a browser in place of a secret setting (model.FakeSetting).
const fakeSetting = '********************************';
// The rig's secrets (build/rig/settings.go: the stand-in's default password, the webhook secret).
const rigServiceNowPassword = 'stand-in-password';
const rigWebhookSecret = 'rig-webhook-secret-for-tests-only';
const consolePath = '/admin_console/plugins/plugin_connect-chat';

const sectionTitles = ['ServiceNow', 'Who is staff', 'Record cards', 'Conversations and read receipts', 'Notifications and digest', 'Following records', 'Acting on records'];

const sectionTitlesOf = (page: Page) => page.locator('.config-section .section-title').allTextContents();

// Issue 26, item 3: Connect's System Console page, in the dev host's System Console, which builds a
// plugin's page as the web app does (manifest sections, registered custom settings, the plugin's
// admin definition function) against the real server and the ServiceNow stand-in.
describe('the System Console page', () => {
    const {env, browsers, admin, alice} = useBrowserSuite({signedIn: ['admin', 'alice']});

    // The rig writes the plugin's settings under plugin.json's keys (StaffTeams); the System Console
    // reads and writes them lowercased (custom_plugin_settings/index.tsx), and Mattermost keeps keys
    // as written. So first store them as an admin saving the page would have, the secrets (which
    // the config API masks) put back from the rig's values.
    beforeAll(async () => {
        const config = await callAs<{PluginSettings: {Plugins: Record<string, Record<string, unknown>>}}>(env, admin, 'GET', '/api/v4/config');
        const settings = Object.fromEntries(Object.entries(config.PluginSettings.Plugins['connect-chat']).
            filter(([, value]) => value !== fakeSetting).
            map(([key, value]) => [key.toLowerCase(), value]));
        config.PluginSettings.Plugins['connect-chat'] = {...settings, servicenowpassword: rigServiceNowPassword, webhooksecret: rigWebhookSecret};
        await callAs(env, admin, 'PUT', '/api/v4/config', config);
    });

    afterEach(async () => {
        await callAs(env, admin, 'PUT', `/api/v4/users/${admin.user.id}/patch`, {locale: 'en'});
    });

    it('shows the settings in headed sections, checks the connection in place, counts the staff, keeps secrets masked (screenshots)', async () => {
        const page = await browsers.openHostPage(admin, consolePath, {viewport: {width: 1280, height: 1180}});
        await page.getByRole('heading', {name: 'Connect Chat'}).waitFor();
        expect(await sectionTitlesOf(page)).toEqual(sectionTitles);

        // The password is in the ServiceNow section, masked as Mattermost sends it; the page never has it.
        const servicenow = page.locator('[data-section="connect-servicenow"]');
        expect(await servicenow.getByLabel('ServiceNow password').inputValue()).toBe(fakeSetting);
        expect(await page.content()).not.toContain(rigServiceNowPassword);

        await servicenow.getByRole('button', {name: 'Check connection'}).click();
        const result = servicenow.getByRole('status');
        await expect.poll(() => result.textContent(), {timeout: 20_000}).toMatch(/Connected in \d+ ms\./);
        const steps = await result.getByRole('listitem').allTextContents();
        expect(steps).toEqual([
            `✓ ServiceNow answered at ${env.serviceNow}`,
            '✓ Signed in with basic authentication',
            expect.stringMatching(/^✓ Can read \d+ task records, for example [A-Z]+\d{7}$/),
            expect.stringMatching(/^✓ Can read the staff roles: \d+ grants? to active users$/),
        ]);
        expect(await result.textContent()).not.toContain(rigServiceNowPassword);

        const staff = page.locator('[data-section="connect-staff"]');
        const summary = staff.getByRole('table', {name: 'ITIL staff by source'});
        await summary.waitFor();
        expect(await staff.textContent()).toMatch(/\d+ people are ITIL staff\./);
        expect(await summary.getByRole('row').nth(1).textContent()).toMatch(/^Team itil\d+ people$/);
        expect(await summary.textContent()).toContain('ServiceNow roles itil');

        await page.screenshot({path: await screenshotPath('system-console.png')});
        await staff.screenshot({path: await screenshotPath('system-console-staff.png')});
    });

    it('saves a change through the config API, the other settings and the secrets kept', async () => {
        const page = await browsers.openHostPage(admin, consolePath);
        const cards = page.locator('[data-section="connect-cards"]');
        const cache = cards.getByLabel('Record cache (seconds)');
        await cache.fill('301');
        await page.getByRole('button', {name: 'Save'}).click();
        await expect.poll(() => page.getByRole('button', {name: 'Save'}).isDisabled()).toBe(true);

        const config = await callAs<{PluginSettings: {Plugins: Record<string, Record<string, unknown>>}}>(env, admin, 'GET', '/api/v4/config');
        const saved = config.PluginSettings.Plugins['connect-chat'];
        expect(saved.recordcacheseconds).toBe(301);
        expect(saved.servicenowpassword).toBe(fakeSetting); // masked to the browser, kept on the server

        // Connect still signs in to ServiceNow: the password was not overwritten by the mask.
        const check = await callAs<{authenticated: boolean}>(env, admin, 'POST', '/plugins/connect-chat/api/v1/admin/connection/check');
        expect(check.authenticated).toBe(true);

        await cache.fill('300');
        await page.getByRole('button', {name: 'Save'}).click();
        await expect.poll(() => page.getByRole('button', {name: 'Save'}).isDisabled()).toBe(true);
    });

    it('speaks the admin\'s language', async () => {
        await callAs(env, admin, 'PUT', `/api/v4/users/${admin.user.id}/patch`, {locale: 'fr'});
        const page = await browsers.openHostPage(admin, consolePath);
        await page.getByText('Connexion à ServiceNow').waitFor();
        expect(await sectionTitlesOf(page)).toContain('Qui fait partie du personnel');
        expect(await page.getByText('URL de l\'instance ServiceNow').count()).toBe(1);
        await page.getByRole('button', {name: 'Vérifier la connexion'}).click();
        await expect.poll(() => page.getByRole('status').first().textContent(), {timeout: 20_000}).toMatch(/Connecté en \d+ ms\./);
    });

    it('is for system admins only: the routes refuse staff', async () => {
        await expect(callAs(env, alice, 'POST', '/plugins/connect-chat/api/v1/admin/connection/check')).rejects.toThrow(/answered 403/);
        await expect(callAs(env, alice, 'GET', '/plugins/connect-chat/api/v1/admin/staff/summary')).rejects.toThrow(/answered 403/);
    });
});
