import type {Locator, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {callAs, nonce, postAs, startConversationAs} from './support/connect';
import {useBrowserSuite} from './support/suite';
import {composerOf, isFocused, messageWith, openWindow} from './support/ui';

interface Reaction {
    user_id: string;
    emoji_name: string;
}

interface Preference {
    name: string;
    value: string;
}

// Every emoji (issue 25, item 6): the picker and `:name` in the message field, with two people in
// their own browsers, and what Mattermost itself keeps (reactions, the recently used emoji).
describe('emoji', () => {
    const {env, browsers, alice, bob} = useBrowserSuite({signedIn: ['alice', 'bob']});

    async function aliceAndBob(): Promise<{alicePage: Page; aliceWindow: Locator; bobWindow: Locator; channelId: string}> {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const [alicePage, bobPage] = await Promise.all([browsers.openAs(alice), browsers.openAs(bob)]);
        const [aliceWindow, bobWindow] = await Promise.all([openWindow(alicePage, 'Bob Baker'), openWindow(bobPage, 'Alice Archer')]);
        return {alicePage, aliceWindow, bobWindow, channelId: direct.id};
    }

    it('reacts with an emoji found by name in the picker: Mattermost has the reaction, Bob sees it, it becomes recently used', async () => {
        const {alicePage, aliceWindow, bobWindow, channelId} = await aliceAndBob();
        const tag = nonce();
        const post = await postAs(env, bob, channelId, `Change window approved ${tag}`);
        const message = messageWith(aliceWindow, tag);
        await message.waitFor();

        await message.hover();
        const button = message.getByRole('button', {name: 'Add a reaction'});
        await button.click();
        const picker = alicePage.getByRole('dialog', {name: 'Add a reaction'});
        const search = picker.getByRole('combobox', {name: 'Search emoji'});
        expect(await isFocused(search)).toBe(true);
        await search.fill('tad');
        await picker.getByRole('grid', {name: 'Search results'}).getByRole('gridcell', {name: 'tada'}).waitFor();
        await search.press('Enter');
        await picker.waitFor({state: 'detached'});
        expect(await isFocused(button)).toBe(true);

        await messageWith(bobWindow, tag).getByRole('button', {name: 'tada reaction by Alice Archer'}).waitFor();
        expect(await messageWith(bobWindow, tag).getByRole('button', {name: 'tada reaction by Alice Archer'}).textContent()).toBe('🎉1');
        const reactions = await callAs<Reaction[]>(env, bob, 'GET', `/api/v4/posts/${post.id}/reactions`);
        expect(reactions.map(({user_id: userId, emoji_name: name}) => ({userId, name}))).toEqual([{userId: alice.user.id, name: 'tada'}]);

        await expect.poll(async () => {
            const stored = await callAs<Preference[]>(env, alice, 'GET', '/api/v4/users/me/preferences/recent_emojis');
            return JSON.parse(stored.find((preference) => preference.name === alice.user.id)?.value ?? '[]') as unknown[];
        }, {timeout: 10_000}).toContainEqual(expect.objectContaining({name: 'tada'}));

        // Opened again, the picker lists it first, and Escape closes it with focus back on its button.
        await message.hover();
        await button.click();
        const recent = picker.getByRole('rowgroup', {name: 'Recently used'});
        expect(await recent.getByRole('gridcell').first().getAttribute('aria-label')).toBe('tada');
        await search.press('Escape');
        await picker.waitFor({state: 'detached'});
        expect(await isFocused(button)).toBe(true);
    });

    it('reacts in the chosen skin tone, named as Mattermost names it', async () => {
        const {alicePage, aliceWindow, channelId} = await aliceAndBob();
        const tag = nonce();
        const post = await postAs(env, bob, channelId, `Patched the gateway ${tag}`);
        const message = messageWith(aliceWindow, tag);
        await message.waitFor();
        await message.hover();
        await message.getByRole('button', {name: 'Add a reaction'}).click();
        const picker = alicePage.getByRole('dialog', {name: 'Add a reaction'});
        await picker.getByRole('button', {name: /^Skin tone/}).click();
        await picker.getByRole('button', {name: 'Medium skin tone'}).click();
        await picker.getByRole('combobox', {name: 'Search emoji'}).fill('thumbsup');
        await picker.getByRole('gridcell', {name: '+1 medium skin tone'}).click();

        await message.getByRole('button', {name: '+1 medium skin tone reaction by you'}).waitFor();
        expect(await message.getByRole('button', {name: '+1 medium skin tone reaction by you'}).textContent()).toBe('👍🏽1');
        const reactions = await callAs<Reaction[]>(env, bob, 'GET', `/api/v4/posts/${post.id}/reactions`);
        expect(reactions.map((reaction) => reaction.emoji_name)).toEqual(['+1_medium_skin_tone']);
        const tone = await callAs<Preference[]>(env, alice, 'GET', '/api/v4/users/me/preferences/emoji');
        expect(tone.find((preference) => preference.name === 'emoji_skintone')?.value).toBe('1F3FD');
        await callAs(env, alice, 'PUT', `/api/v4/users/${alice.user.id}/preferences`, [{user_id: alice.user.id, category: 'emoji', name: 'emoji_skintone', value: 'default'}]);
    });

    it('completes :thu to 👍 in the message field, which Bob receives', async () => {
        const {aliceWindow, bobWindow, channelId} = await aliceAndBob();
        const tag = nonce();
        const composer = composerOf(aliceWindow);
        await composer.fill(`Thanks ${tag} `);
        await composer.pressSequentially(':t');
        expect(await aliceWindow.getByRole('listbox').count()).toBe(0);
        await composer.pressSequentially('hu');
        const suggestions = aliceWindow.getByRole('listbox', {name: 'Emoji suggestions'});
        await suggestions.waitFor();
        expect(await suggestions.getByRole('option').first().textContent()).toContain(':+1:');
        await composer.press('Enter');
        await suggestions.waitFor({state: 'detached'});
        expect(await composer.inputValue()).toBe(`Thanks ${tag} 👍 `);

        await composer.press('Enter');
        await messageWith(bobWindow, tag).waitFor();
        expect(await messageWith(bobWindow, tag).textContent()).toContain(`Thanks ${tag} 👍`);
        const posts = await callAs<{order: string[]; posts: Record<string, {message: string}>}>(env, bob, 'GET', `/api/v4/channels/${channelId}/posts?per_page=5`);
        expect(posts.posts[posts.order[0]].message).toBe(`Thanks ${tag} 👍`);
    });
});
