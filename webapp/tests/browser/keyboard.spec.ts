import type {Locator, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import type {Conversation} from '../../src/types/connect';
import type {NotificationPreferences} from '../../src/types/notifications';

import {callAs, fullName, newStaffColleague, nonce, renameAs, startConversationAs} from './support/connect';
import {channelHeaderOf} from './support/dev_host';
import {useBrowserSuite} from './support/suite';
import {composerOf, isFocused, logOf, messageWith, sidebarOf, windowOf} from './support/ui';

// What the focused element is, for the test's own checks: it never moves focus.
interface Target {
    // A CSS selector the focused element matches.
    selector: string;
    // Text its accessible name or content holds.
    text?: string;
}

async function focusIs(page: Page, {selector, text}: Target): Promise<boolean> {
    return page.evaluate(({selector: wanted, text: words}) => {
        const element = document.activeElement;
        if (!element || !element.matches(wanted)) {
            return false;
        }
        const name = `${element.getAttribute('aria-label') ?? ''} ${element.textContent ?? ''}`;
        return !words || name.includes(words);
    }, {selector, text});
}

// Presses Tab (or Shift+Tab) until focus reaches the target, as someone without a mouse does.
async function tabTo(page: Page, target: Target, {backwards = false, limit = 80} = {}): Promise<void> {
    for (let presses = 0; presses < limit; presses += 1) {
        if (await focusIs(page, target)) {
            return;
        }
        await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
    throw new Error(`${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target.selector} ${target.text ?? ''}; focus is on ${focused}`);
}

async function expectFocused(locator: Locator, what: string): Promise<void> {
    await expect.poll(() => isFocused(locator), {message: `${what} has focus`}).toBe(true);
}

// Issue 26, item 2: from opening the Connect sidebar to sending a message, adding a person to a
// conversation and changing the bell, with the keyboard only (page.keyboard; no click, no fill).
describe('Connect with the keyboard only', () => {
    const {env, browsers, admin, alice, bob, carol} = useBrowserSuite({signedIn: ['admin', 'alice', 'bob', 'carol']});

    it('opens the sidebar, sends a message, adds a person and changes the bell', async () => {
        // A new group (a group of the same people is the same group, with its earlier messages).
        const member = await newStaffColleague(env, admin, alice, 'Milo');
        const colleague = await newStaffColleague(env, admin, alice, 'Kira');
        const group = await startConversationAs(env, alice, [bob.user.id, carol.user.id, member.user.id]);
        const name = `Keyboard ${nonce()}`;
        await renameAs(env, alice, group.id, name);
        const bell = () => callAs<NotificationPreferences>(env, alice, 'GET', `/plugins/connect-chat/api/v1/conversations/${group.id}/notifications`);
        const members = async () => (await callAs<Conversation>(env, alice, 'GET', `/plugins/connect-chat/api/v1/conversations/${group.id}`)).members.map((member) => member.id);

        // The web app's app bar item is a <div role="button"> that only a click opens
        // (components/app_bar/app_bar_plugin_component.tsx; utils/a11y_controller.ts turns Enter
        // into a click on <button>s only), so a keyboard user of the web app opens Connect from the
        // channel header's button, which the web app shows while the app bar is disabled.
        await callAs(env, admin, 'PUT', '/api/v4/config/patch', {ExperimentalSettings: {DisableAppBar: true}});
        try {
            const page = await browsers.openHostPage(alice, `/${env.team}/channels/town-square`);
            await channelHeaderOf(page).getByRole('button', {name: 'Connect'}).waitFor();

            // Opening the sidebar puts the cursor in its filter.
            await tabTo(page, {selector: '#channel-header button', text: 'Connect'});
            await page.keyboard.press('Enter');
            const sidebar = sidebarOf(page);
            await expectFocused(sidebar.getByRole('searchbox', {name: 'Filter conversations'}), 'the sidebar\'s filter');

            // Finding the conversation and opening it puts the cursor in its message field.
            await page.keyboard.type(name);
            await tabTo(page, {selector: '.cc-sidebar .cc-row-main', text: name});
            await page.keyboard.press('Enter');
            const window = windowOf(page, name);
            await logOf(window).waitFor();
            await expectFocused(composerOf(window), 'the window\'s message field');

            const message = `Typed and sent without a mouse ${nonce()}`;
            await page.keyboard.type(message);
            await page.keyboard.press('Enter');
            await messageWith(window, message).waitFor();

            // Adding a person: the window's menu, its first item, the picker.
            await tabTo(page, {selector: '.cc-window button', text: 'More actions'}, {backwards: true});
            await page.keyboard.press('Enter');
            await expectFocused(window.getByRole('menuitem', {name: 'Add people'}), 'the menu\'s first item');
            await page.keyboard.press('Enter');
            const picker = window.getByRole('region', {name: 'Add people'});
            await expectFocused(picker.getByRole('combobox', {name: 'Search staff by name'}), 'the picker\'s field');
            // The surname is the tester's own (other runs left other Kiras on the server).
            await page.keyboard.type(colleague.user.last_name);
            await picker.getByRole('option', {name: new RegExp(fullName(colleague))}).waitFor();
            await page.keyboard.press('Enter');
            await picker.getByRole('button', {name: new RegExp(`^Remove ${fullName(colleague)}`)}).waitFor();
            await page.keyboard.press('Enter');
            await picker.waitFor({state: 'detached'});
            await expect.poll(members).toContain(colleague.user.id);
            await expectFocused(composerOf(window), 'the message field, after adding');

            // Changing the bell: the menu's third item, then the Desktop choices with the arrows.
            await tabTo(page, {selector: '.cc-window button', text: 'More actions'}, {backwards: true});
            await page.keyboard.press('Enter');
            await page.keyboard.press('ArrowDown');
            await page.keyboard.press('ArrowDown');
            await expectFocused(window.getByRole('menuitem', {name: 'Notification preferences'}), 'the bell\'s menu item');
            await page.keyboard.press('Enter');
            const panel = window.getByRole('region', {name: 'Notification preferences'});
            const desktop = panel.getByRole('group', {name: 'Desktop'});
            await desktop.getByRole('radio').first().waitFor();
            const before = (await bell()).desktop;
            await tabTo(page, {selector: '.cc-bell-channel:first-of-type input[type="radio"]'});
            await page.keyboard.press('ArrowDown');
            const chosen = await desktop.locator('input[type="radio"]:checked').getAttribute('value');
            expect(chosen).not.toBe(before);
            await expect.poll(async () => (await bell()).desktop).toBe(chosen);

            // Escape closes the bell and gives the cursor back to the message field; Escape there
            // closes the window and gives focus back to the row that opened it.
            await page.keyboard.press('Escape');
            await panel.waitFor({state: 'detached'});
            await expectFocused(composerOf(window), 'the message field, after the bell');
            await page.keyboard.press('Escape');
            await window.waitFor({state: 'detached'});
            await expect.poll(() => focusIs(page, {selector: '.cc-sidebar .cc-row-main', text: name})).toBe(true);
        } finally {
            await callAs(env, admin, 'PUT', '/api/v4/config/patch', {ExperimentalSettings: {DisableAppBar: false}});
        }
    });
});
