import type {Locator, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {callAs, newStaffColleague, nonce, postAs, startConversationAs} from './support/connect';
import {waitForHostStatus} from './support/dev_host';
import type {Session} from './support/mattermost';
import {useBrowserSuite} from './support/suite';
import {logOf, messageWith, sidebarOf, windowOf} from './support/ui';

// The stand-in's Table API credentials (build/servicenow/server.go), which the rig configures.
const serviceNowAuth = `Basic ${Buffer.from('connect.integration:stand-in-password').toString('base64')}`;

// A new incident in the ServiceNow stand-in, updated now; its number.
async function newIncident(serviceNowURL: string, shortDescription: string): Promise<string> {
    const response = await fetch(`${serviceNowURL}/api/now/table/incident`, {
        method: 'POST',
        headers: {Authorization: serviceNowAuth, 'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({short_description: shortDescription, caller_id: 'beth.anglin'}),
    });
    if (!response.ok) {
        throw new Error(`The ServiceNow stand-in answered ${response.status} to a new incident: ${await response.text()}`);
    }
    const {result} = await response.json() as {result: {number: string | {value: string}}};
    return typeof result.number === 'string' ? result.number : result.number.value;
}

// The user's language and time zone as Mattermost keeps them (PUT /api/v4/users/{id}/patch).
async function setLanguage(env: Parameters<typeof callAs>[0], user: Session, locale: string): Promise<void> {
    await callAs(env, user, 'PUT', `/api/v4/users/${user.user.id}/patch`, {
        locale,
        timezone: {useAutomaticTimezone: 'false', automaticTimezone: '', manualTimezone: 'Asia/Tokyo'},
    });
}

// The dev host as the user, its clock under the test's hand (Playwright's clock runs as the real
// one until the test moves it).
async function openHost(browsers: ReturnType<typeof useBrowserSuite>['browsers'], url: string, user: Session): Promise<Page> {
    const page = await browsers.newPage(user);
    await page.clock.install();
    await page.goto(`${url}/`);
    await waitForHostStatus(page, 'ready', browsers.errorsOf(page));
    await page.locator('body[data-host-socket="connected"]').waitFor();
    return page;
}

async function openSidebar(page: Page): Promise<Locator> {
    await page.locator('#app-bar-icon-connect-chat').getByRole('button').click();
    const sidebar = sidebarOf(page);
    await sidebar.waitFor();
    return sidebar;
}

// The card's "Updated" field: its title and its value.
function updatedOf(card: Locator): {title: Locator; value: Locator} {
    const field = card.locator('.cc-card-field').last();
    return {title: field.locator('dt'), value: field.locator('dd time')};
}

// Issue 26, item 1: Connect follows the user's Mattermost language, and a card's "Updated" reads
// as the web app writes times.
describe('Connect in the user\'s language', () => {
    const {env, browsers, admin, alice} = useBrowserSuite({signedIn: ['admin', 'alice']});

    it('shows the sidebar, a mini window, a card and the workspace in French, then in English again', async () => {
        const amelie = await newStaffColleague(env, admin, alice, 'Amelie');
        const tag = nonce();
        const incident = await newIncident(env.serviceNow, `Imprimante bloquée ${tag}`);
        const direct = await startConversationAs(env, amelie, [alice.user.id]);
        await postAs(env, alice, direct.id, `Peux-tu regarder ${incident} ? ${tag}`);
        await setLanguage(env, amelie, 'fr');

        const page = await openHost(browsers, env.url, amelie);
        const sidebar = await openSidebar(page);
        await sidebar.getByRole('button', {name: 'Nouvelle conversation'}).waitFor();
        expect(await sidebar.getByRole('searchbox').getAttribute('placeholder')).toBe('Filtrer les conversations');
        expect(await sidebar.getByRole('list', {name: 'Conversations ouvertes'}).isVisible()).toBe(true);

        const aliceName = `${alice.user.first_name} ${alice.user.last_name}`;
        await sidebar.getByRole('button', {name: new RegExp(`^${aliceName}`)}).first().click();
        const window = windowOf(page, aliceName);
        await logOf(window).waitFor();
        expect(await logOf(window).getAttribute('aria-label')).toBe(`Messages de ${aliceName}`);
        expect(await window.getByRole('textbox', {name: `Écrire à ${aliceName}`}).isVisible()).toBe(true);
        expect(await window.getByRole('button', {name: 'Autres actions', exact: true}).isVisible()).toBe(true);

        const card = messageWith(window, tag).getByTestId('attachment-card');
        const updated = updatedOf(card);
        await expect.poll(() => updated.title.textContent(), {timeout: 15_000}).toBe('Mis à jour');
        expect(await updated.value.textContent()).toBe('maintenant');
        // The whole moment in the user's zone (Tokyo, UTC+9, no daylight saving) on hover.
        const updatedAt = Date.parse(await updated.value.getAttribute('datetime') ?? '');
        const tokyoHour = new Date(updatedAt + (9 * 3600_000)).getUTCHours();
        expect(await updated.value.getAttribute('title')).toContain(`${String(tokyoHour).padStart(2, '0')}:`);

        // Five minutes later, as the web app says it.
        await page.clock.setSystemTime(Date.now() + (5 * 60_000) + 5_000);
        await expect.poll(() => updated.value.textContent(), {timeout: 20_000}).toBe('il y a 5 minutes');

        const workspace = await browsers.openWorkspace(amelie);
        expect(await workspace.getByRole('heading', {name: 'Espace de travail Connect'}).isVisible()).toBe(true);
        await workspace.getByText('Choisissez une conversation à gauche, ou démarrez-en une.', {exact: false}).waitFor();
        expect(await workspace.getByRole('button', {name: 'Nouvelle conversation'}).isVisible()).toBe(true);

        await setLanguage(env, amelie, 'en');
        await page.reload();
        await waitForHostStatus(page, 'ready', browsers.errorsOf(page));
        const english = await openSidebar(page);
        await english.getByRole('button', {name: 'New conversation'}).waitFor();
        expect(await english.getByRole('searchbox').getAttribute('placeholder')).toBe('Filter conversations');
        await workspace.reload();
        await workspace.getByRole('heading', {name: 'Connect Workspace'}).waitFor();
    });
});
