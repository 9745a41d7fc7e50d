// The parts of the UI the browser tests find by role and name as a screen reader would.
import {mkdir} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

import type {Locator, Page} from 'playwright-core';
import {expect} from 'vitest';

import {appBarItemOf} from './dev_host';

export const sidebarOf = (page: Page) => page.getByRole('region', {name: 'Connect', exact: true});
export const windowOf = (page: Page, name: string) => page.getByRole('region', {name, exact: true});
export const composerOf = (window: Locator) => window.getByRole('textbox', {name: /^Write to /});
export const logOf = (window: Locator) => window.getByRole('log');

// A sidebar row is named after its conversation, with the unread count when there is one.
export const row = (name: string) => ({name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, \\d+ unread messages?)?$`)});

export async function openSidebar(page: Page): Promise<Locator> {
    await appBarItemOf(page).click();
    const sidebar = sidebarOf(page);
    await sidebar.waitFor();
    await sidebar.getByText('Loading conversations…').waitFor({state: 'detached'});
    return sidebar;
}

// Opens a conversation's mini window from the sidebar row and waits for its messages.
export async function openWindow(page: Page, name: string): Promise<Locator> {
    await (await openSidebar(page)).getByRole('button', row(name)).click();
    const window = windowOf(page, name);
    await logOf(window).waitFor();
    return window;
}

// A window's less used buttons are in its "More actions" menu.
export async function chooseWindowAction(window: Locator, action: string): Promise<void> {
    await window.getByRole('button', {name: 'More actions'}).click();
    await window.getByRole('menuitem', {name: action}).click();
}

// Types each person's first name and picks them from the suggestions.
export async function pickPeople(picker: Locator, names: string[]): Promise<void> {
    const field = picker.getByRole('combobox', {name: 'Search staff by name'});
    for (const name of names) {
        await field.fill(name.split(' ')[0]);
        await picker.getByRole('option', {name: new RegExp(name)}).click();
    }
}

export async function startConversation(page: Page, names: string[]): Promise<void> {
    const sidebar = await openSidebar(page);
    await sidebar.getByRole('button', {name: 'New conversation'}).click();
    const picker = sidebar.getByRole('region', {name: 'New conversation'});
    await pickPeople(picker, names);
    await picker.getByRole('button', {name: 'Start'}).click();
}

// The message in a window's log whose text contains text.
export const messageWith = (window: Locator, text: string) => logOf(window).getByTestId('message').filter({hasText: text}).last();

// Sends a message and waits for it in the log; shown is the text it shows (markdown rendered).
export async function send(window: Locator, message: string, shown = message): Promise<void> {
    await composerOf(window).fill(message);
    await composerOf(window).press('Enter');
    await messageWith(window, shown).waitFor();
}

// Waits until the server agrees (a staff change, say): the answer can take a moment to arrive.
export async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
    await expect.poll(check, {timeout: 10_000, message: what}).toBe(true);
}

export async function isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === document.activeElement);
}

// `make screenshots` refreshes the README's pictures; ordinary runs keep theirs out of the tree.
export async function screenshotPath(fileName: string): Promise<string> {
    const dir = process.env.CONNECT_SCREENSHOTS === 'docs' ?
        fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url)) :
        fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
    await mkdir(dir, {recursive: true});
    return dir + fileName;
}
