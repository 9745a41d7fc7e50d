import type {Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {Preferences} from 'mattermost-redux/constants';

import {expectNoSeriousViolations, type AxeException} from './support/axe';
import {appBarItemOf} from './support/dev_host';
import {callAs, fullName, newStaffColleague, nonce, postAs, renameAs, startConversationAs} from './support/connect';
import type {RigEnvironment} from './support/environment';
import type {Session} from './support/mattermost';
import {twoColourPng} from './support/png';
import {useBrowserSuite} from './support/suite';
import {chooseWindowAction, messageWith, openSidebar, openWindow} from './support/ui';

// Issue 26, item 2: axe-core over every part of Connect a user meets, at 1280 and 800 px wide, in a
// light and a dark theme: no serious or critical violation, and every exception written down with
// its reason (none so far). axe runs over Connect's own elements only (support/axe.ts): the dev
// host's chrome around them stands in for the web app's and is not the product. The digest's stop
// page is Connect's alone, so it is checked whole.
const widths = [1280, 800];

// Mattermost's own themes, as its theme chooser offers them (mattermost-redux's
// Preferences.THEMES, the values of the web app's utils/constants.tsx): Denim is the default
// (light), Onyx the dark one.
const themes = [
    {name: 'light (Denim)', theme: Preferences.THEMES.denim},
    {name: 'dark (Onyx)', theme: Preferences.THEMES.onyx},
];

// Exceptions: [] means every serious or critical finding fails the test.
const exceptions: AxeException[] = [];

type Theme = typeof Preferences.THEMES.denim;

// The user's theme, saved as the web app's theme chooser saves it: preference category "theme",
// name "" (all teams), the theme as JSON.
function setTheme(env: RigEnvironment, session: Session, theme: Theme): Promise<unknown> {
    const preference = {user_id: session.user.id, category: 'theme', name: '', value: JSON.stringify(theme)};
    return callAs(env, session, 'PUT', `/api/v4/users/${session.user.id}/preferences`, [preference]);
}

function clearTheme(env: RigEnvironment, session: Session): Promise<unknown> {
    const preference = {user_id: session.user.id, category: 'theme', name: '', value: ''};
    return callAs(env, session, 'POST', `/api/v4/users/${session.user.id}/preferences/delete`, [preference]);
}

// The page shows the theme the web app would: its colours on :root.
async function expectThemeShown(page: Page, theme: Theme): Promise<void> {
    const shown = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--center-channel-bg').trim());
    expect(shown).toBe(theme.centerChannelBg);
}

// A picture shared in a conversation, through Mattermost's REST file upload.
async function sharePicture(env: RigEnvironment, session: Session, channelId: string, name: string, message: string): Promise<void> {
    const form = new FormData();
    form.append('channel_id', channelId);
    form.append('files', new Blob([new Uint8Array(twoColourPng(240, 150))], {type: 'image/png'}), name);
    const response = await fetch(`${env.url}/api/v4/files`, {
        method: 'POST',
        headers: {Authorization: `Bearer ${session.token}`, 'X-Requested-With': 'XMLHttpRequest'},
        body: form,
    });
    if (!response.ok) {
        throw new Error(`Uploading ${name} answered ${response.status}: ${await response.text()}`);
    }
    const {file_infos: files} = await response.json() as {file_infos: Array<{id: string}>};
    await callAs(env, session, 'POST', '/api/v4/posts', {channel_id: channelId, message, file_ids: files.map((file) => file.id)});
}

// Runs check at each width, resizing the page in place.
async function atEachWidth(page: Page, check: (width: number) => Promise<void>): Promise<void> {
    for (const width of widths) {
        await page.setViewportSize({width, height: 800});
        await check(width);
    }
}

describe('accessibility (axe-core)', () => {
    const {env, browsers, admin, alice, bob, carol, dave} = useBrowserSuite({signedIn: ['admin', 'alice', 'bob', 'carol', 'dave']});
    const tag = nonce();
    let groupName = '';
    let groupId = '';
    let colleagueName = '';
    let colleagueSurname = '';

    // One group with what a conversation can hold: markdown, a record card, a link, a picture,
    // messages from others and from alice.
    beforeAll(async () => {
        const colleague = await newStaffColleague(env, admin, alice, 'Ada');
        colleagueName = fullName(colleague);
        colleagueSurname = colleague.user.last_name;
        // A group of its own (a group of the same people is the same group, which other specs use).
        const member = await newStaffColleague(env, admin, alice, 'Theo');
        const group = await startConversationAs(env, alice, [bob.user.id, carol.user.id, member.user.id]);
        groupName = `Mail outage ${tag}`;
        groupId = group.id;
        await renameAs(env, alice, group.id, groupName);
        await postAs(env, bob, group.id, 'Finance reports INC0010001 again: mail to external addresses **bounces**. Runbook: https://wiki.example.com/runbooks/exchange-queues');
        await postAs(env, carol, group.id, 'Checked `EXCH-02`:\n- queue at 2,314\n- growing');
        await sharePicture(env, carol, group.id, 'queue.png', 'The queue view');
        await postAs(env, alice, group.id, 'Thanks, on it @bob');
        await postAs(env, bob, group.id, 'Ping me when the queue drains');
    });

    // Other specs share these people: they go back to the default theme.
    afterAll(async () => {
        await Promise.all([alice, dave].filter((person) => person.user).map((person) => clearTheme(env, person)));
    });

    describe.each(themes)('in the $name theme', ({theme}) => {
        beforeAll(async () => {
            await Promise.all([setTheme(env, alice, theme), setTheme(env, dave, theme)]);
        });

        it('the sidebar and its people picker', async () => {
            const page = await browsers.openAs(alice);
            await expectThemeShown(page, theme);
            const sidebar = await openSidebar(page);
            await sidebar.getByRole('button', {name: new RegExp(`^${groupName}`)}).waitFor();
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `the sidebar at ${width} px`, {exceptions});
            });

            await sidebar.getByRole('button', {name: 'New conversation'}).click();
            const picker = sidebar.getByRole('region', {name: 'New conversation'});
            await picker.getByRole('combobox', {name: 'Search staff by name'}).fill(colleagueSurname);
            await picker.getByRole('option', {name: new RegExp(colleagueName)}).waitFor();
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `the people picker at ${width} px`, {exceptions});
            });
        });

        it('a mini window with a record card, a picture and the bell', async () => {
            const page = await browsers.openAs(alice);
            const window = await openWindow(page, groupName);
            await messageWith(window, 'Finance reports').getByText('Email server is down for the Finance floor').waitFor();
            await messageWith(window, 'The queue view').locator('img').first().waitFor();
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `a mini window at ${width} px`, {exceptions});
            });

            await chooseWindowAction(window, 'Notification preferences');
            const bell = window.getByRole('region', {name: 'Notification preferences'});
            await bell.getByRole('group', {name: 'Desktop'}).getByRole('radio', {name: 'All activity'}).waitFor();
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `the bell at ${width} px`, {exceptions});
            });

            await chooseWindowAction(window, 'Add people');
            const adding = window.getByRole('region', {name: 'Add people'});
            await adding.getByRole('combobox', {name: 'Search staff by name'}).fill(colleagueSurname);
            await adding.getByRole('option', {name: new RegExp(colleagueName)}).waitFor();
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `a mini window's people picker at ${width} px`, {exceptions});
            });
        });

        it('the workspace with each tools tab', async () => {
            const page = await browsers.openHostPage(alice, `/${env.team}/connect-chat/workspace?conversation=${groupId}`);
            await expectThemeShown(page, theme);
            const workspace = page.getByTestId('workspace');
            const pane = workspace.getByTestId('workspace-conversation');
            await messageWith(pane, 'Finance reports').getByText('Email server is down for the Finance floor').waitFor();
            const tools = workspace.getByRole('complementary', {name: 'Conversation tools'});
            const tabNames = await tools.getByRole('tab').allTextContents();
            expect(tabNames).toEqual(['Info', 'Members', 'Attachments', 'Notifications']);

            const ready: Record<string, (panel: Locator) => Promise<void>> = {
                Info: (panel) => panel.getByText('Email server is down for the Finance floor').waitFor(),
                Members: (panel) => panel.getByRole('list', {name: 'Members'}).getByText('Carol Chen').waitFor(),
                Attachments: (panel) => panel.getByRole('link', {name: 'Download queue.png'}).first().waitFor(),
                Notifications: (panel) => panel.getByRole('radio').first().waitFor(),
            };
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `the workspace at ${width} px`, {exceptions});
                for (const name of tabNames) {
                    const tab = tools.getByRole('tab', {name});
                    if (await tab.getAttribute('aria-selected') !== 'true') {
                        await tab.click();
                    }
                    await ready[name](tools.getByRole('tabpanel', {name}));
                    await expectNoSeriousViolations(page, `the workspace's ${name} tab at ${width} px`, {exceptions});
                }
            });

            const members = tools.getByRole('tab', {name: 'Members'});
            if (await members.getAttribute('aria-selected') !== 'true') {
                await members.click();
            }
            await tools.getByRole('tabpanel', {name: 'Members'}).getByRole('button', {name: 'Add people'}).click();
            const adding = page.getByRole('region', {name: 'Add people'});
            await adding.getByRole('combobox', {name: 'Search staff by name'}).fill(colleagueSurname);
            await adding.getByRole('option', {name: new RegExp(colleagueName)}).waitFor();
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `the workspace's people picker at ${width} px`, {exceptions});
            });
        });

        it('the panel someone who is not staff sees', async () => {
            const page = await browsers.openAs(dave, {expectedFailedPaths: ['/plugins/connect-chat/api/v1/conversations']});
            await expectThemeShown(page, theme);
            await appBarItemOf(page).click();
            await page.getByTestId('not-staff-panel').getByRole('heading', {name: 'Connect Chat is for IT staff'}).waitFor();
            await atEachWidth(page, async (width) => {
                await expectNoSeriousViolations(page, `the non-staff panel at ${width} px`, {exceptions});
            });
        });
    });

    // The standalone workspace page (outside Mattermost it has no theme: Mattermost's default
    // colours), with its conversation list, a conversation and the Info tab.
    it('the standalone workspace', async () => {
        const page = await browsers.openWorkspace(alice, {conversationId: groupId});
        const pane = page.getByTestId('workspace-conversation');
        await messageWith(pane, 'Finance reports').getByText('Email server is down for the Finance floor').waitFor();
        await atEachWidth(page, async (width) => {
            await expectNoSeriousViolations(page, `the standalone workspace at ${width} px`, {exceptions});
        });
    });

    // The page a digest's stop link opens, served by Connect without a session (it has no theme:
    // the link works signed out). A forged link shows the page's refusal; a valid token exists
    // only in an emailed digest, so the question and the confirmation are not reached here.
    it('the digest\'s stop page', async () => {
        const stopPath = '/plugins/connect-chat/digest/stop';
        const page = await browsers.newPage(undefined, {expectedFailedPaths: [stopPath]});
        await page.goto(`${env.url}${stopPath}?token=forged`);
        await page.getByRole('alert').waitFor();
        await atEachWidth(page, async (width) => {
            await expectNoSeriousViolations(page, `the digest stop page at ${width} px`, {roots: null, exceptions});
        });
    });
});
