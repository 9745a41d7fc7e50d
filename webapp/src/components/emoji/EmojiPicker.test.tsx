import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React, {createRef, useState} from 'react';
import {describe, expect, it, vi} from 'vitest';

import {fakeClient, me, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {Composer} from '../conversation/Composer';

import catalogFile from './emoji_catalog.generated.json';
import {ReactionPickerButton} from './ReactionPickerButton';

type Preferences = Record<string, Array<{name: string; value: string}>>;

function emojiClient({preferences = {}, customEnabled = true}: {preferences?: Preferences; customEnabled?: boolean} = {}) {
    const client = fakeClient();
    client.getEmojiCatalog.mockResolvedValue(catalogFile);
    client.getClientConfig.mockResolvedValue({EnableCustomEmoji: customEnabled ? 'true' : 'false'});
    client.getCustomEmojis.mockResolvedValue([{id: 'emoji-parrot', name: 'partyparrot'}]);
    client.getPreferences.mockImplementation(() => Promise.resolve(Object.entries(preferences).flatMap(([category, values]) => values.map((preference) => ({user_id: me.id, category, ...preference})))));
    client.savePreferences.mockResolvedValue(undefined);
    return client;
}

async function openPicker(client = emojiClient()) {
    const onPick = vi.fn();
    renderWithConnect(<ReactionPickerButton onPick={onPick}/>, {client});
    const button = screen.getByRole('button', {name: 'Add a reaction'});
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', {name: 'Add a reaction'});
    await within(dialog).findByRole('gridcell', {name: 'grinning'});
    return {onPick, button, dialog, search: within(dialog).getByRole('combobox', {name: 'Search emoji'}), client};
}

// The picker draws every emoji (about 1,900 cells), which takes jsdom a second or more; on a busy
// machine more than the default 5 s.
const drawsEveryEmoji = {timeout: 30_000};

describe('the emoji picker', drawsEveryEmoji, () => {
    it('finds an emoji by name; the arrows move, Enter picks it, and it counts as recently used', async () => {
        const {onPick, button, search, client, dialog} = await openPicker();
        expect(search).toHaveFocus();

        fireEvent.change(search, {target: {value: 'thumbs'}});
        const results = within(dialog).getByRole('grid', {name: 'Search results'});
        const cells = within(results).getAllByRole('gridcell');
        expect(cells.map((cell) => cell.getAttribute('aria-label')).slice(0, 2)).toEqual(['+1', '-1']);
        expect(cells[0]).toHaveAttribute('aria-selected', 'true');
        expect(search).toHaveAttribute('aria-activedescendant', cells[0].id);

        fireEvent.keyDown(search, {key: 'ArrowRight'});
        expect(cells[1]).toHaveAttribute('aria-selected', 'true');
        fireEvent.keyDown(search, {key: 'Enter'});

        const picked = cells[1].getAttribute('aria-label');
        expect(onPick).toHaveBeenCalledWith(picked);
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(button).toHaveFocus();
        await waitFor(() => expect(client.savePreferences).toHaveBeenCalledWith(me.id, [
            {user_id: me.id, category: 'recent_emojis', name: me.id, value: JSON.stringify([{name: picked, usageCount: 1}])},
        ]));
    });

    it('moves a row down with ArrowDown, staying in the column', async () => {
        const {dialog, search} = await openPicker();
        fireEvent.keyDown(search, {key: 'ArrowRight'});
        fireEvent.keyDown(search, {key: 'ArrowDown'});
        const active = within(dialog).getAllByRole('gridcell').find((cell) => cell.getAttribute('aria-selected') === 'true');
        const row = active?.closest('[role="row"]');
        expect(row?.previousElementSibling?.querySelectorAll('[role="gridcell"]')).toHaveLength(9);
        expect(Array.from(row?.children ?? []).indexOf(active as Element)).toBe(1);
    });

    it('closes with Escape, giving focus back to its button', async () => {
        const {search, button, onPick} = await openPicker();
        fireEvent.keyDown(search, {key: 'Escape'});
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(button).toHaveFocus();
        expect(onPick).not.toHaveBeenCalled();
    });

    it('shows the recently used first, the most used first, from Mattermost\'s preference', async () => {
        const client = emojiClient({preferences: {recent_emojis: [{name: me.id, value: JSON.stringify([{name: 'eyes', usageCount: 1}, {name: 'tada', usageCount: 4}])}]}});
        const {dialog} = await openPicker(client);
        const recent = within(dialog).getByRole('rowgroup', {name: 'Recently used'});
        expect(within(recent).getAllByRole('gridcell').map((cell) => cell.getAttribute('aria-label'))).toEqual(['tada', 'eyes']);
    });

    it('shows the skin tone the user chose in Mattermost, and saves a new choice where Mattermost keeps it', async () => {
        const client = emojiClient({preferences: {emoji: [{name: 'emoji_skintone', value: '1F3FB'}]}});
        const {dialog, search} = await openPicker(client);
        fireEvent.change(search, {target: {value: 'thumbsup'}});
        expect(within(dialog).getAllByRole('gridcell')[0]).toHaveAttribute('aria-label', '+1 light skin tone');
        expect(within(dialog).getAllByRole('gridcell')[0]).toHaveTextContent('👍🏻');

        fireEvent.click(within(dialog).getByRole('button', {name: 'Skin tone: Light skin tone'}));
        fireEvent.click(within(dialog).getByRole('button', {name: 'Dark skin tone'}));
        expect(within(dialog).getAllByRole('gridcell')[0]).toHaveTextContent('👍🏿');
        await waitFor(() => expect(client.savePreferences).toHaveBeenCalledWith(me.id, [
            {user_id: me.id, category: 'emoji', name: 'emoji_skintone', value: '1F3FF'},
        ]));
    });

    it('offers the server\'s custom emoji when they are enabled, and not otherwise', async () => {
        const {dialog} = await openPicker();
        const custom = within(dialog).getByRole('rowgroup', {name: 'Custom'});
        const parrot = within(custom).getByRole('gridcell', {name: 'partyparrot'});
        expect(parrot.querySelector('img')).toHaveAttribute('src', 'https://chat.example.com/api/v4/emoji/emoji-parrot/image');
    });

    it('reads no custom emoji when the server has them off', async () => {
        const client = emojiClient({customEnabled: false});
        const {dialog} = await openPicker(client);
        expect(within(dialog).queryByRole('rowgroup', {name: 'Custom'})).toBeNull();
        expect(client.getCustomEmojis).not.toHaveBeenCalled();
    });
});

function ComposerHarness({onSend}: {onSend: (text: string) => void}) {
    const [draft, setDraft] = useState('');
    const inputRef = createRef<HTMLTextAreaElement>();
    return (
        <Composer
            inputRef={inputRef}
            conversationName='Bob Baker'
            draft={draft}
            onDraftChange={setDraft}
            onSend={() => onSend(draft)}
            onAttach={vi.fn()}
        />
    );
}

function type(field: HTMLTextAreaElement, value: string) {
    fireEvent.change(field, {target: {value, selectionStart: value.length, selectionEnd: value.length}});
    field.setSelectionRange(value.length, value.length);
    fireEvent.keyUp(field, {key: value.at(-1)});
}

describe(':name in the message field', drawsEveryEmoji, () => {
    it('suggests emoji after a colon and two characters; Enter puts the emoji in, not sending', async () => {
        const onSend = vi.fn();
        const client = emojiClient();
        renderWithConnect(<ComposerHarness onSend={onSend}/>, {client});
        const field = screen.getByRole<HTMLTextAreaElement>('textbox', {name: 'Write to Bob Baker'});

        type(field, 'ok :t');
        expect(screen.queryByRole('listbox')).toBeNull();
        type(field, 'ok :thu');
        const list = await screen.findByRole('listbox', {name: 'Emoji suggestions'});
        const options = within(list).getAllByRole('option');
        expect(options[0]).toHaveAttribute('aria-selected', 'true');
        expect(field).toHaveAttribute('aria-activedescendant', options[0].id);
        expect(options[0]).toHaveTextContent(':+1:');
        expect(options[1]).toHaveTextContent(':-1:');
        fireEvent.keyDown(field, {key: 'ArrowDown'});
        expect(options[1]).toHaveAttribute('aria-selected', 'true');
        fireEvent.keyDown(field, {key: 'ArrowUp'});
        fireEvent.keyDown(field, {key: 'Enter'});

        expect(field.value).toBe('ok 👍 ');
        expect(onSend).not.toHaveBeenCalled();
        expect(screen.queryByRole('listbox')).toBeNull();
        await waitFor(() => expect(client.savePreferences).toHaveBeenCalled());
    });

    it('picks with Tab, and Escape closes the suggestions keeping the text', async () => {
        renderWithConnect(<ComposerHarness onSend={vi.fn()}/>, {client: emojiClient()});
        const field = screen.getByRole<HTMLTextAreaElement>('textbox', {name: 'Write to Bob Baker'});
        type(field, ':tada');
        await screen.findByRole('listbox');
        fireEvent.keyDown(field, {key: 'Escape'});
        expect(screen.queryByRole('listbox')).toBeNull();
        expect(field.value).toBe(':tada');

        type(field, ':tada :smil');
        await screen.findByRole('listbox');
        fireEvent.keyDown(field, {key: 'Tab'});
        expect(field.value).toBe(':tada 😄 ');
    });

    it('puts an emoji from the picker at the caret', async () => {
        renderWithConnect(<ComposerHarness onSend={vi.fn()}/>, {client: emojiClient()});
        const field = screen.getByRole<HTMLTextAreaElement>('textbox', {name: 'Write to Bob Baker'});
        type(field, 'Done ');
        fireEvent.click(screen.getByRole('button', {name: 'Insert an emoji'}));
        const dialog = await screen.findByRole('dialog', {name: 'Insert an emoji'});
        const search = within(dialog).getByRole('combobox', {name: 'Search emoji'});
        await within(dialog).findByRole('gridcell', {name: 'grinning'});
        fireEvent.change(search, {target: {value: 'white_check_mark'}});
        act(() => {
            fireEvent.keyDown(search, {key: 'Enter'});
        });
        expect(field.value).toBe('Done ✅ ');
        expect(field).toHaveFocus();
        expect(field.selectionStart).toBe('Done ✅ '.length);
    });
});
