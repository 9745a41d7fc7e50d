import {fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {bob, directConversation, fakeClient, groupConversation, me, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import type {MessageSearchResults} from '../../types/wire.generated';

import {highlighted} from './highlight';
import {MessageSearch} from './MessageSearch';

const direct = directConversation();
const group = groupConversation();
const results: MessageSearchResults = {
    terms: 'printer from:bob',
    groups: [
        {conversation: group, messages: [{post_id: 'p-group', user_id: bob.id, message: 'The **printer** upstairs', create_at: 1_700_000_300_000, highlights: ['printer']}]},
        {conversation: direct, messages: [
            {post_id: 'p-new', user_id: me.id, message: 'Printer fixed', create_at: 1_700_000_200_000, highlights: ['printer']},
            {post_id: 'p-old', user_id: bob.id, message: 'The printer is jammed', create_at: 1_700_000_100_000, highlights: ['printer']},
        ]},
    ],
};

function renderSearch() {
    const client = fakeClient();
    client.searchMessages.mockResolvedValue(results);
    const onOpen = vi.fn(() => Promise.resolve());
    const rendered = renderWithConnect(
        <>
            <MessageSearch onOpen={onOpen}/>
            <div role='log'>
                <div data-post-id='p-old'>{'The printer is jammed'}</div>
            </div>
        </>,
        {client},
    );
    fireEvent.click(screen.getByRole('button', {name: 'Search messages'}));
    return {...rendered, onOpen, field: screen.getByRole('searchbox', {name: 'Search messages'})};
}

function resultButtons() {
    return screen.getAllByRole('button').filter((button) => button.classList.contains('cc-search-result'));
}

describe('searching messages', () => {
    it('searches on Enter and shows the matches grouped by conversation, the words marked', async () => {
        const {client, field} = renderSearch();
        expect(field).toHaveFocus();
        fireEvent.change(field, {target: {value: 'printer from:bob'}});
        fireEvent.submit(field);

        expect(await screen.findByText('3 messages in 2 conversations.')).toBeInTheDocument();
        expect(client.searchMessages).toHaveBeenCalledWith('printer from:bob');
        const groupResults = screen.getByRole('group', {name: group.name});
        expect(within(groupResults).getByRole('button')).toHaveTextContent('Bob Baker');
        expect(within(groupResults).getByText('printer', {selector: 'mark'})).toBeInTheDocument();
        const directResults = within(screen.getByRole('group', {name: 'Bob Baker'})).getAllByRole('button');
        expect(directResults).toHaveLength(2);
        expect(directResults[0]).toHaveTextContent(/^You.*Printer fixed$/);
        expect(directResults[1]).toHaveTextContent(/^Bob Baker.*The printer is jammed$/);
    });

    it('moves through the results with the arrows; Escape leaves the search', async () => {
        const {field} = renderSearch();
        fireEvent.change(field, {target: {value: 'printer'}});
        fireEvent.submit(field);
        await screen.findByText('3 messages in 2 conversations.');
        const all = resultButtons();
        all[0].focus();
        fireEvent.keyDown(all[0], {key: 'ArrowDown'});
        expect(all[1]).toHaveFocus();
        fireEvent.keyDown(all[1], {key: 'Escape'});
        expect(screen.queryByRole('search')).toBeNull();
        expect(screen.getByRole('button', {name: 'Search messages'})).toHaveFocus();
    });

    it('opens the conversation at the message, loading older messages until it is there', async () => {
        const {client, onOpen, field} = renderSearch();
        client.getPosts.
            mockResolvedValueOnce({posts: [post({id: 'p-new'})], reachedStart: false}).
            mockResolvedValueOnce({posts: [post({id: 'p-old'})], reachedStart: false});
        client.getUsersByIds.mockResolvedValue([]);
        fireEvent.change(field, {target: {value: 'printer'}});
        fireEvent.submit(field);
        await screen.findByText('3 messages in 2 conversations.');
        fireEvent.click(within(screen.getByRole('group', {name: 'Bob Baker'})).getAllByRole('button')[1]);

        await waitFor(() => expect(screen.queryByRole('search')).toBeNull());
        expect(onOpen).toHaveBeenCalledWith(direct);
        expect(client.getPosts).toHaveBeenCalledTimes(2);
        expect(client.getPosts).toHaveBeenLastCalledWith('dm-bob', expect.objectContaining({before: 'p-new'}));
        const message = document.querySelector('[data-post-id="p-old"]');
        expect(message).toHaveClass('cc-message--found');
        expect(message).toHaveFocus();
    });

    it('says when nothing matches, and why a search failed', async () => {
        const {client, field} = renderSearch();
        client.searchMessages.mockResolvedValueOnce({terms: 'zebra', groups: []});
        fireEvent.change(field, {target: {value: 'zebra'}});
        fireEvent.submit(field);
        expect(await screen.findByText('No messages match "zebra".')).toBeInTheDocument();

        client.searchMessages.mockRejectedValueOnce(new Error('Message search is turned off on this Mattermost server.'));
        fireEvent.submit(field);
        expect(await screen.findByText('Message search is turned off on this Mattermost server.')).toBeInTheDocument();
    });
});

describe('marking the words', () => {
    it('marks each word wherever it appears, ignoring case', () => {
        const parts = highlighted('Printer reprinted: the printer', ['printer']);
        expect(parts.filter((part) => typeof part !== 'string')).toHaveLength(2);
        expect(highlighted('nothing here', [])).toEqual(['nothing here']);
        expect(highlighted('a+b (c)', ['+b (']).filter((part) => typeof part !== 'string')).toHaveLength(1);
    });
});
