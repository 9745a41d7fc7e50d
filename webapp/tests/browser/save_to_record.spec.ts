import type {Locator} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import type {Post} from '../../src/types/mattermost';

import {fullName, nonce, postAs, startConversationAs} from './support/connect';
import type {Session} from './support/mattermost';
import {journalOf} from './support/servicenow';
import {useBrowserSuite} from './support/suite';
import {messageWith, openWindow} from './support/ui';

// A seeded stand-in incident (build/servicenow/seed.go).
const record = {number: 'INC0010001', shortDescription: 'Email server is down for the Finance floor'};

// How the server writes one message of an excerpt (server/journal: Line).
function line(session: Session, post: Post): string {
    const at = new Date(post.create_at).toISOString().slice(0, 16).replace('T', ' ');
    return `[${at} UTC] ${fullName(session)}: ${post.message}`;
}

// "Add to record…" in a message's actions menu: picking starts with that message ticked.
async function addToRecordFrom(window: Locator, text: string) {
    const message = messageWith(window, text);
    await message.hover();
    await message.getByRole('button', {name: 'More message actions'}).click();
    await message.getByRole('menuitem', {name: 'Add to record…'}).click();
}

// Issue 24, item 3: picking messages in a mini window and saving them to a record as one work
// note, written once, with the record's card and link shown when done.
describe('saving picked messages to a record', () => {
    const {env, browsers, alice, bob} = useBrowserSuite({signedIn: ['alice', 'bob']});

    it('writes exactly the picked messages once and shows the record\'s card and link', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const tag = nonce();
        const first = await postAs(env, bob, direct.id, `Mail queue is stuck ${tag}`);
        const second = await postAs(env, alice, direct.id, `Restarting the MTA now ${tag}`);
        await postAs(env, bob, direct.id, `Lunch at noon? ${tag}`);

        const page = await browsers.openAs(alice);
        const window = await openWindow(page, fullName(bob));
        await messageWith(window, `Lunch at noon? ${tag}`).waitFor();
        await addToRecordFrom(window, `Mail queue is stuck ${tag}`);
        const pick = (text: string) => messageWith(window, text).getByRole('checkbox');
        expect(await pick(`Mail queue is stuck ${tag}`).isChecked()).toBe(true);
        await pick(`Restarting the MTA now ${tag}`).click();
        expect(await pick(`Lunch at noon? ${tag}`).isChecked()).toBe(false);
        await window.getByRole('status').filter({hasText: '2 messages picked'}).waitFor();

        await window.getByRole('button', {name: 'Add to record…'}).click();
        const dialog = window.getByRole('dialog', {name: 'Add to record'});
        await dialog.getByRole('combobox', {name: 'Record number or link'}).fill(record.number);
        await dialog.getByRole('button', {name: 'Save'}).click();
        await dialog.getByText(`Saved 2 messages to ${record.number}.`).waitFor({timeout: 15_000});
        const card = dialog.getByTestId('saved-record-card');
        expect(await card.textContent()).toContain(record.shortDescription);
        expect(await card.getByRole('link', {name: record.number}).getAttribute('href')).toContain(env.serviceNow);

        const excerpt = `${fullName(alice)} via Connect: conversation excerpt\n${line(bob, first)}\n${line(alice, second)}`;
        const withTag = async () => (await journalOf(env, record.number)).filter((entry) => entry.value.includes(tag));
        await expect.poll(withTag, {timeout: 10_000}).toEqual([{element: 'work_notes', value: excerpt}]);

        await dialog.getByRole('button', {name: 'Done'}).click();
        await addToRecordFrom(window, `Restarting the MTA now ${tag}`);
        await window.getByRole('button', {name: 'Add to record…'}).click();
        await dialog.getByRole('combobox', {name: 'Record number or link'}).fill(record.number);
        await dialog.getByRole('button', {name: 'Save'}).click();
        await dialog.getByText(`Already saved to ${record.number}: nothing new to write.`).waitFor({timeout: 15_000});
        expect(await withTag()).toHaveLength(1);
    });
});
