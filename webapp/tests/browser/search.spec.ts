import {describe, expect, it} from 'vitest';

import {nonce, postAs, startConversationAs} from './support/connect';
import {useBrowserSuite} from './support/suite';
import {isFocused, logOf, openSidebar, windowOf} from './support/ui';

// Search messages (issue 25, item 7): Bob writes, Alice finds his message by a word with
// Mattermost's own search and opens the conversation at it, though newer messages push it out of
// the first page.
describe('searching messages', () => {
    const {env, browsers, alice, bob} = useBrowserSuite({signedIn: ['alice', 'bob']});

    it('finds a word across Connect conversations and opens the conversation at that message', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const word = `relay${nonce()}`;
        const target = await postAs(env, bob, direct.id, `The mail ${word} is down again`);
        for (let i = 0; i < 40; i++) {
            await postAs(env, bob, direct.id, `Status update ${i + 1}`);
        }
        await postAs(env, alice, direct.id, `Thanks, looking at the ${word} now`);

        const page = await browsers.openAs(alice);
        const sidebar = await openSidebar(page);
        await sidebar.getByRole('button', {name: 'Search messages'}).click();
        const field = sidebar.getByRole('searchbox', {name: 'Search messages'});
        expect(await isFocused(field)).toBe(true);
        await field.fill(`${word} from:${bob.user.username}`);
        await field.press('Enter');
        await sidebar.getByRole('status').filter({hasText: '1 message in 1 conversation.'}).waitFor();
        const group = sidebar.getByRole('group', {name: 'Bob Baker'});
        expect(await group.locator('mark').first().textContent()).toBe(word);

        const result = group.getByRole('button').first();
        await result.focus();
        await result.press('Enter');
        const window = windowOf(page, 'Bob Baker');
        const message = logOf(window).locator(`[data-post-id="${target.id}"]`);
        await message.waitFor();
        await expect.poll(() => message.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await message.getAttribute('class')).toContain('cc-message--found');
        expect(await message.isVisible()).toBe(true);
        await sidebar.getByRole('search', {name: 'Search messages'}).waitFor({state: 'detached'});
    });

    it('searches from the standalone workspace\'s list, and opens the conversation in its pane', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const word = `switch${nonce()}`;
        const target = await postAs(env, bob, direct.id, `Core ${word} rebooted at 09:40`);
        await postAs(env, bob, direct.id, 'Anything else?');

        const page = await browsers.openWorkspace(alice);
        const list = page.getByRole('region', {name: 'Conversations'});
        await list.getByRole('button', {name: 'Search messages'}).click();
        const field = list.getByRole('searchbox', {name: 'Search messages'});
        await field.fill(word);
        await field.press('Enter');
        const result = list.getByRole('group', {name: 'Bob Baker'}).getByRole('button').first();
        await result.waitFor();
        await result.press('ArrowDown');
        await result.press('Enter');

        const message = page.getByRole('log').locator(`[data-post-id="${target.id}"]`);
        await message.waitFor();
        await expect.poll(() => message.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await message.getAttribute('class')).toContain('cc-message--found');

        await list.getByRole('button', {name: 'Search messages'}).click();
        await field.press('Escape');
        await field.waitFor({state: 'detached'});
        expect(await isFocused(list.getByRole('button', {name: 'Search messages'}))).toBe(true);
    });
});
