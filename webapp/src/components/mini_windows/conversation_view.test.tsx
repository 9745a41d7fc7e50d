import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it} from 'vitest';

import {bob, carol, connectStore, directConversation, groupConversation, me, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import {conversationsLoaded, dockCapacityChanged, reactionChanged, windowOpened} from '../../state/actions';
import type {Conversation} from '../../types/connect';
import type {Post} from '../../types/mattermost';

import {MiniWindowDock} from './MiniWindowDock';

function renderWindow(conversation: Conversation, posts: Post[]) {
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [conversation], total_unread: 0, total_mentions: 0}));
    store.dispatch(dockCapacityChanged(3));
    const rendered = renderWithConnect(<MiniWindowDock/>, {store});
    rendered.client.getPosts.mockResolvedValue({posts, reachedStart: true});
    rendered.client.viewChannel.mockResolvedValue(undefined);
    act(() => {
        store.dispatch(windowOpened(conversation.id));
    });
    return rendered;
}

const day = (y: number, m: number, d: number, h = 10, min = 0) => new Date(y, m, d, h, min).getTime();

describe('the conversation view', () => {
    it('separates days and groups one author\'s messages within five minutes under one name', async () => {
        renderWindow(directConversation(), [
            post({id: 'a', create_at: day(2024, 4, 13, 9, 0), message: 'Monday first'}),
            post({id: 'b', create_at: day(2024, 4, 13, 9, 2), message: 'Monday second'}),
            post({id: 'c', create_at: day(2024, 4, 14, 9, 0), message: 'Tuesday'}),
            post({id: 'd', create_at: day(2024, 4, 14, 9, 1), user_id: me.id, message: 'Mine'}),
        ]);

        const log = await screen.findByRole('log');
        await within(log).findByText('Tuesday');
        expect(within(log).getAllByRole('separator')).toHaveLength(2);
        const messages = within(log).getAllByTestId('message');
        const authors = messages.map((message) => message.querySelector('.cc-message-author')?.textContent ?? null);
        expect(authors).toEqual(['Bob Baker', null, 'Bob Baker', 'Alice Archer']);
    });

    it('marks edited messages, says which message a reply answers, and shows system messages in Connect\'s words', async () => {
        renderWindow(groupConversation(), [
            post({id: 'root', channel_id: 'group-1', message: 'Is **INC0010001** still down?'}),
            post({id: 'reply', channel_id: 'group-1', user_id: carol.id, root_id: 'root', message: 'Yes', edit_at: 5}),
            post({id: 'added', channel_id: 'group-1', user_id: me.id, type: 'system_add_to_channel', message: 'carol added to the channel by alice.', props: {userId: me.id, addedUserId: carol.id}}),
        ]);

        await screen.findByText('Yes');
        expect(screen.getByText('(edited)')).toBeInTheDocument();
        expect(screen.getByRole('button', {name: 'Replying to Bob Baker: Is INC0010001 still down?'})).toBeEnabled();
        expect(screen.getByText('You added Carol Chen.')).toBeInTheDocument();
        expect(screen.queryByText('carol added to the channel by alice.')).toBeNull();
    });

    it('shows reactions with counts, yours pressed, and toggles yours', async () => {
        const reacted = post({id: 'r', message: 'Fixed it', metadata: {reactions: [
            {user_id: bob.id, post_id: 'r', emoji_name: '+1', create_at: 1},
            {user_id: me.id, post_id: 'r', emoji_name: '+1', create_at: 2},
            {user_id: bob.id, post_id: 'r', emoji_name: 'tada', create_at: 3},
        ]}});
        const {client, store} = renderWindow(directConversation(), [reacted]);
        client.removeReaction.mockResolvedValue(undefined);
        client.addReaction.mockResolvedValue(undefined);

        const thumbs = await screen.findByRole('button', {name: '+1 reaction by Bob Baker and you'});
        expect(thumbs).toHaveAttribute('aria-pressed', 'true');
        expect(thumbs).toHaveTextContent('👍2');
        expect(screen.getByRole('button', {name: 'tada reaction by Bob Baker'})).toHaveAttribute('aria-pressed', 'false');

        fireEvent.click(thumbs);
        await waitFor(() => expect(client.removeReaction).toHaveBeenCalledWith(me.id, 'r', '+1'));
        expect(await screen.findByRole('button', {name: '+1 reaction by Bob Baker'})).toHaveTextContent('👍1');

        fireEvent.click(screen.getByRole('button', {name: 'React with done'}));
        await waitFor(() => expect(client.addReaction).toHaveBeenCalledWith(me.id, 'r', 'white_check_mark'));

        act(() => {
            store.dispatch(reactionChanged('dm-bob', {user_id: bob.id, post_id: 'r', emoji_name: 'eyes'}, true));
        });
        expect(screen.getByRole('button', {name: 'eyes reaction by Bob Baker'})).toBeInTheDocument();
    });

    it('edits your last message with Up in the empty composer: Enter saves, and a refusal keeps the text', async () => {
        const mine = post({id: 'mine', user_id: me.id, message: 'The printr is back'});
        const {client} = renderWindow(directConversation(), [post({message: 'Bob asks'}), mine]);
        const composer = await screen.findByRole('textbox', {name: 'Write to Bob Baker'});
        await screen.findByText('The printr is back');

        fireEvent.keyDown(composer, {key: 'ArrowUp'});
        const editor = await screen.findByRole('textbox', {name: 'Edit message'});
        expect(editor).toHaveFocus();
        expect(editor).toHaveValue('The printr is back');

        client.editPost.mockRejectedValueOnce(new ClientError(403, 'You do not have the appropriate permissions.', 'url'));
        fireEvent.change(editor, {target: {value: 'The printer is back'}});
        fireEvent.keyDown(editor, {key: 'Enter'});
        expect(await screen.findByText('You do not have the appropriate permissions.')).toBeInTheDocument();
        expect(editor).toHaveValue('The printer is back');

        client.editPost.mockResolvedValueOnce({...mine, message: 'The printer is back', edit_at: 10, update_at: 10});
        fireEvent.keyDown(editor, {key: 'Enter'});
        await waitFor(() => expect(screen.queryByRole('textbox', {name: 'Edit message'})).toBeNull());
        expect(client.editPost).toHaveBeenLastCalledWith('mine', 'The printer is back');
        expect(screen.getByText('The printer is back')).toBeInTheDocument();
        expect(screen.getByText('(edited)')).toBeInTheDocument();
        expect(composer).toHaveFocus();
    });

    it('deletes your own message after asking; others\' messages offer no edit or delete', async () => {
        const mine = post({id: 'mine', user_id: me.id, message: 'Wrong window'});
        const {client} = renderWindow(directConversation(), [post({id: 'theirs', message: 'Hi'}), mine]);
        client.deletePost.mockResolvedValue(undefined);
        await screen.findByText('Wrong window');

        const messageSaying = (text: string) => screen.getByText(text).closest<HTMLElement>('[data-testid="message"]')!;
        const theirs = messageSaying('Hi');
        fireEvent.click(within(theirs).getByRole('button', {name: 'More message actions'}));
        expect(within(theirs).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Add to record…']);
        fireEvent.keyDown(within(theirs).getByRole('menuitem', {name: 'Add to record…'}), {key: 'Escape'});

        const own = messageSaying('Wrong window');
        fireEvent.click(within(own).getByRole('button', {name: 'More message actions'}));
        fireEvent.click(within(own).getByRole('menuitem', {name: 'Delete'}));
        fireEvent.click(within(screen.getByRole('alertdialog', {name: 'Delete message'})).getByRole('button', {name: 'Delete'}));

        await waitFor(() => expect(screen.queryByText('Wrong window')).toBeNull());
        expect(client.deletePost).toHaveBeenCalledWith('mine');
    });

    it('picks messages, a range with Shift, and saves them to a record, showing its card and link', async () => {
        const posts = ['one', 'two', 'three', 'four'].map((id, i) => post({id, message: `Message ${id}`, create_at: day(2024, 4, 13, 9, i)}));
        const {client} = renderWindow(directConversation(), posts);
        client.getConversationRecords.mockResolvedValue({records: [], links: [], scanned_posts: 4, complete: true});
        client.saveToRecord.mockRejectedValueOnce(new ClientError(400, '"hello" is not a record number or record link Connect knows.', ''));
        client.saveToRecord.mockResolvedValueOnce({
            number: 'INC0010001', link: 'https://sn.example.com/incident.do?sys_id=abc', saved: 3, already: 0, queued: false,
            card: {status: 'found', short_description: 'Email server down', state: 'In Progress'},
        });
        await screen.findByText('Message four');
        const messageSaying = (text: string) => screen.getByText(text).closest<HTMLElement>('[data-testid="message"]')!;

        fireEvent.click(within(messageSaying('Message one')).getByRole('button', {name: 'More message actions'}));
        fireEvent.click(within(messageSaying('Message one')).getByRole('menuitem', {name: 'Add to record…'}));
        expect(screen.queryByRole('textbox', {name: /Write to/})).toBeNull();
        expect(screen.getByRole('status')).toHaveTextContent('1 message picked');
        const box = (text: string) => within(messageSaying(text)).getByRole('checkbox');
        expect(box('Message one')).toBeChecked();
        fireEvent.click(box('Message three'), {shiftKey: true});
        expect([box('Message one'), box('Message two'), box('Message three')].every((b) => (b as HTMLInputElement).checked)).toBe(true);
        expect(box('Message four')).not.toBeChecked();

        fireEvent.click(screen.getByRole('button', {name: 'Add to record…'}));
        const dialog = screen.getByRole('dialog', {name: 'Add to record'});
        const record = within(dialog).getByRole('combobox', {name: 'Record number or link'});
        expect(record).toHaveFocus();
        fireEvent.change(record, {target: {value: 'hello'}});
        fireEvent.click(within(dialog).getByRole('button', {name: 'Save'}));
        expect(await within(dialog).findByRole('alert')).toHaveTextContent('"hello" is not a record number');

        fireEvent.change(record, {target: {value: 'INC0010001'}});
        fireEvent.click(within(dialog).getByRole('radio', {name: /Comment/}));
        fireEvent.click(within(dialog).getByRole('button', {name: 'Save'}));
        expect(await within(dialog).findByText('Saved 3 messages to INC0010001.')).toBeInTheDocument();
        expect(client.saveToRecord).toHaveBeenLastCalledWith('dm-bob', {record: 'INC0010001', kind: 'comments', post_ids: ['one', 'two', 'three']});
        expect(within(dialog).getByRole('link', {name: 'INC0010001'})).toHaveAttribute('href', 'https://sn.example.com/incident.do?sys_id=abc');
        expect(within(dialog).getByText('Email server down')).toBeInTheDocument();

        fireEvent.click(within(dialog).getByRole('button', {name: 'Done'}));
        expect(screen.queryByRole('checkbox')).toBeNull();
        expect(screen.getByRole('textbox', {name: /Write to/})).toBeInTheDocument();
    });

    it('saves from a message to the end', async () => {
        const posts = ['one', 'two', 'three'].map((id, i) => post({id, message: `Message ${id}`, create_at: day(2024, 4, 13, 9, i)}));
        const {client} = renderWindow(directConversation(), posts);
        client.getConversationRecords.mockResolvedValue({records: [], links: [], scanned_posts: 3, complete: true});
        client.saveToRecord.mockResolvedValue({number: 'INC0010001', link: 'https://sn/x', saved: 2, already: 0, queued: true, card: {status: 'found'}});
        await screen.findByText('Message three');
        const two = screen.getByText('Message two').closest<HTMLElement>('[data-testid="message"]')!;
        fireEvent.click(within(two).getByRole('button', {name: 'More message actions'}));
        fireEvent.click(within(two).getByRole('menuitem', {name: 'Add to record…'}));
        fireEvent.click(screen.getByRole('button', {name: 'From here to the end'}));
        expect(screen.getAllByRole('checkbox').map((b) => (b as HTMLInputElement).checked)).toEqual([false, true, true]);
        fireEvent.click(screen.getByRole('button', {name: 'Add to record…'}));
        fireEvent.change(screen.getByRole('combobox', {name: 'Record number or link'}), {target: {value: 'INC0010001'}});
        fireEvent.click(screen.getByRole('button', {name: 'Save'}));
        expect(await screen.findByText(/ServiceNow has not taken it yet/)).toBeInTheDocument();
        expect(client.saveToRecord).toHaveBeenLastCalledWith('dm-bob', {record: 'INC0010001', kind: 'work_notes', from_post_id: 'two'});
    });

    it('in a record conversation, sends each message as the chosen work note or comment and labels it', async () => {
        const record = {table: 'incident', sys_id: 'abc', number: 'INC0010001', short_description: 'Email down', url: 'https://sn/x'};
        const written = post({id: 'w', channel_id: 'group-1', message: 'Restarted the MTA', props: {connect_journal: 'comments'}});
        const {client} = renderWindow(groupConversation({record}), [written]);
        client.getJournalKind.mockResolvedValue({kind: 'work_notes'});
        client.createPost.mockImplementation((sent) => Promise.resolve(post({...sent, id: 'sent', user_id: me.id})));
        const message = (await screen.findByText('Restarted the MTA')).closest<HTMLElement>('[data-testid="message"]')!;
        expect(within(message).getByText('Comment')).toHaveAttribute('title', expect.stringContaining('comment'));

        const switcher = screen.getByRole('radiogroup', {name: 'Send to the record as'});
        await waitFor(() => expect(within(switcher).getByRole('radio', {name: 'Work note'})).toBeChecked());
        fireEvent.click(within(switcher).getByRole('radio', {name: 'Comment'}));
        await waitFor(() => expect(client.setJournalKind).toHaveBeenCalledWith('group-1', {kind: 'comments'}));
        const composer = screen.getByRole('textbox', {name: /Write to/});
        fireEvent.change(composer, {target: {value: 'Queue drained'}});
        fireEvent.keyDown(composer, {key: 'Enter'});
        await waitFor(() => expect(client.createPost).toHaveBeenCalledWith({channel_id: 'group-1', message: 'Queue drained', props: {connect_journal: 'comments'}}));
    });
});
