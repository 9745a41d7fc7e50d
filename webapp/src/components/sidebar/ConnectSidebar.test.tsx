import {fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {bob, connectStore, directConversation, groupConversation, me, post, renderWithConnect, staffPerson, stateOf} from '../../../tests/unit/connect_fixtures';
import {accessDenied, conversationsFailed, conversationsLoaded} from '../../state/actions';
import type {Conversation} from '../../types/connect';

import {ConnectSidebar} from './ConnectSidebar';

const now = Date.now();
const dm = directConversation({last_activity_at: now - 5 * 60_000, unread_count: 2, last_post: {id: 'p1', user_id: bob.id, message: 'Can you look at INC0010001?', create_at: now - 5 * 60_000}});
const group = groupConversation({last_activity_at: now - 30_000, last_post: {id: 'p2', user_id: me.id, message: 'On it', create_at: now - 30_000}});

function renderSidebar(conversations: Conversation[], environment = {}) {
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations, total_unread: conversations.reduce((sum, c) => sum + c.unread_count, 0), total_mentions: 0}));
    return renderWithConnect(<ConnectSidebar/>, {store, environment});
}

describe('ConnectSidebar', () => {
    it('shows someone who is not staff one panel: what Connect is and whom to ask, no picker, no retry', () => {
        const store = connectStore();
        store.dispatch(accessDenied('Access comes with the ServiceNow role “itil”. If your work needs it, ask your Mattermost system admin.'));
        renderWithConnect(<ConnectSidebar/>, {store});

        const panel = screen.getByTestId('not-staff-panel');
        expect(within(panel).getByRole('heading', {name: 'Connect Chat is for IT staff'})).toHaveFocus();
        expect(panel).toHaveTextContent('ask your Mattermost system admin');
        expect(screen.queryByRole('button')).toBeNull();
        expect(screen.queryByRole('searchbox')).toBeNull();
    });

    it('lists the open conversations most recent first, with preview, time and unread count', () => {
        renderSidebar([dm, group]);

        const rows = within(screen.getByRole('list', {name: 'Open conversations'})).getAllByRole('listitem');
        expect(rows.map((row) => within(row).getAllByRole('button')[0].getAttribute('aria-label'))).toEqual(['Bob Baker, Carol Chen', 'Bob Baker, 2 unread messages']);
        expect(rows[0]).toHaveTextContent('You: On it');
        expect(rows[0]).toHaveTextContent('now');
        expect(rows[1]).toHaveTextContent('Can you look at INC0010001?');
        expect(rows[1]).toHaveTextContent('5m');
        expect(within(rows[0]).getByTestId('group-avatar')).toBeInTheDocument();
        expect(within(rows[1]).getByRole('presentation')).toHaveAttribute('src', `https://chat.example.com/api/v4/users/${bob.id}/image`);
    });

    it('shows the total unread count under one "Connect" title (the frame\'s), and puts the cursor in the filter', () => {
        renderSidebar([dm, group]);

        expect(screen.getByRole('heading', {name: 'Connect conversations'})).toBeInTheDocument();
        expect(screen.queryByText('Connect')).toBeNull();
        expect(screen.getByText('unread').parentElement).toHaveTextContent('2 unread');
        expect(screen.getByRole('searchbox', {name: 'Filter conversations'})).toHaveFocus();
    });

    it('shares a record dropped on a row in that conversation and opens it; other text is left alone', async () => {
        const {client, store} = renderSidebar([dm, group]);
        client.createPost.mockImplementation((newPost) => Promise.resolve(post({id: 'dropped', channel_id: newPost.channel_id, message: newPost.message})));
        const row = screen.getAllByTestId('conversation-row')[1];
        const drop = (data: Record<string, string>) => fireEvent.drop(row, {dataTransfer: {types: Object.keys(data), files: [], getData: (type: string) => data[type] ?? ''}});

        drop({'text/plain': 'the printer again'});
        drop({'text/plain': 'INC0010001'});

        await waitFor(() => expect(stateOf(store).miniWindows.windows).toEqual([{id: dm.id, collapsed: false}]));
        expect(client.createPost).toHaveBeenCalledTimes(1);
        expect(client.createPost).toHaveBeenCalledWith({channel_id: dm.id, message: 'INC0010001'});
    });

    it('opens a conversation\'s mini window from its row', () => {
        const {store} = renderSidebar([dm]);

        fireEvent.click(screen.getByRole('button', {name: /^Bob Baker/}));

        expect(stateOf(store).miniWindows.windows).toEqual([{id: 'dm-bob', collapsed: false}]);
    });

    it('moves between rows with Up and Down', () => {
        renderSidebar([dm, group]);
        const rows = within(screen.getByRole('list', {name: 'Open conversations'})).getAllByRole('button').filter((button) => button.classList.contains('cc-row-main'));
        rows[0].focus();

        fireEvent.keyDown(rows[0], {key: 'ArrowDown'});
        expect(rows[1]).toHaveFocus();
        fireEvent.keyDown(rows[1], {key: 'ArrowDown'});
        expect(rows[1]).toHaveFocus();
        fireEvent.keyDown(rows[1], {key: 'ArrowUp'});
        expect(rows[0]).toHaveFocus();
    });

    it('closes a conversation from its "x", keeping focus in the list', async () => {
        const {client, store} = renderSidebar([dm, group]);
        client.closeConversation.mockResolvedValue(undefined);

        fireEvent.click(screen.getByRole('button', {name: 'Close Bob Baker, Carol Chen'}));

        await waitFor(() => expect(stateOf(store).conversations.openIds).toEqual(['dm-bob']));
        expect(client.closeConversation).toHaveBeenCalledWith('group-1');
        await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Bob Baker, 2 unread messages'));
    });

    it('says so when closing fails', async () => {
        const {client} = renderSidebar([dm]);
        client.closeConversation.mockRejectedValue(new Error('No such conversation.'));

        fireEvent.click(screen.getByRole('button', {name: 'Close Bob Baker'}));

        expect(await screen.findByRole('alert')).toHaveTextContent('No such conversation.');
    });

    it('has an empty state that starts a conversation', () => {
        renderSidebar([]);

        expect(screen.getByText(/No conversations yet/)).toBeInTheDocument();
        fireEvent.click(screen.getByRole('button', {name: 'Start a conversation'}));

        expect(screen.getByRole('region', {name: 'New conversation'})).toBeInTheDocument();
        expect(screen.getByRole('combobox', {name: 'Search staff by name'})).toHaveFocus();
    });

    it('starts a conversation with the people picked from the "+" button', async () => {
        const {client, store} = renderSidebar([]);
        client.searchStaff.mockResolvedValue({people: [staffPerson(bob)], has_more: false});
        client.createConversation.mockResolvedValue(dm);

        fireEvent.click(screen.getByRole('button', {name: 'New conversation'}));
        fireEvent.change(screen.getByRole('combobox'), {target: {value: 'bo'}});
        fireEvent.click(await screen.findByRole('option', {name: /Bob Baker/}));
        fireEvent.click(screen.getByRole('button', {name: 'Start'}));

        await waitFor(() => expect(stateOf(store).miniWindows.windows).toEqual([{id: 'dm-bob', collapsed: false}]));
        expect(client.createConversation).toHaveBeenCalledWith([bob.id]);
        expect(screen.queryByRole('region', {name: 'New conversation'})).not.toBeInTheDocument();
    });

    it('filters all conversations, and reopens a closed one chosen from the results', async () => {
        const closed = {...dm, open: false};
        const {client, store} = renderSidebar([group]);
        client.searchConversations.mockResolvedValue([closed]);
        client.openConversation.mockResolvedValue({...dm, open: true});

        fireEvent.change(screen.getByRole('searchbox', {name: 'Filter conversations'}), {target: {value: 'bob'}});
        const results = await screen.findByRole('list', {name: 'Matching conversations'});
        await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(1));
        fireEvent.click(within(results).getByRole('button', {name: /Bob Baker/}));

        await waitFor(() => expect(stateOf(store).miniWindows.windows).toEqual([{id: 'dm-bob', collapsed: false}]));
        expect(client.searchConversations).toHaveBeenCalledWith('bob');
        expect(client.openConversation).toHaveBeenCalledWith('dm-bob');
        expect(stateOf(store).conversations.openIds).toEqual(['group-1', 'dm-bob']);
        expect(screen.getByRole('searchbox')).toHaveValue('');
    });

    it('says when nothing matches the filter', async () => {
        const {client} = renderSidebar([group]);
        client.searchConversations.mockResolvedValue([]);

        fireEvent.change(screen.getByRole('searchbox', {name: 'Filter conversations'}), {target: {value: 'zed'}});

        expect(await screen.findByText('No conversations match “zed”.')).toBeInTheDocument();
    });

    it('opens the standalone workspace in a new tab and collapses itself', () => {
        const openWindow = vi.spyOn(window, 'open').mockReturnValue(null);
        const hideSidebar = vi.fn();
        renderSidebar([], {hideSidebar});

        fireEvent.click(screen.getByRole('button', {name: 'Open standalone'}));
        fireEvent.click(screen.getByRole('button', {name: 'Collapse sidebar'}));

        expect(openWindow).toHaveBeenCalledWith('https://chat.example.com/plugins/connect-chat/workspace', '_blank', 'noopener');
        expect(hideSidebar).toHaveBeenCalledOnce();
    });

    it('explains why the conversations could not load, with a way to try again', async () => {
        const store = connectStore();
        store.dispatch(conversationsFailed('Connect Chat is for ITIL staff only.'));
        const {client} = renderWithConnect(<ConnectSidebar/>, {store});
        client.getConversations.mockResolvedValue({conversations: [dm], total_unread: 2, total_mentions: 0});

        expect(screen.getByRole('alert')).toHaveTextContent('Connect Chat is for ITIL staff only.');
        fireEvent.click(screen.getByRole('button', {name: 'Try again'}));

        expect(await screen.findByRole('button', {name: /^Bob Baker/})).toBeInTheDocument();
    });

    it('tells the dock where it begins while shown', () => {
        const {store, unmount} = renderSidebar([]);

        expect(stateOf(store).miniWindows.sidebarInset).not.toBeNull();
        unmount();
        expect(stateOf(store).miniWindows.sidebarInset).toBeNull();
    });
});
