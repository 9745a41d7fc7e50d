import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {bob, carol, connectStore, directConversation, groupConversation, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import {accessDenied, conversationsLoaded} from '../../state/actions';
import type {Conversation} from '../../types/connect';

import {openConversationEvent} from './open_conversation_event';
import {Workspace} from './Workspace';

const dm = directConversation({last_activity_at: 2});
const group = groupConversation({last_activity_at: 1});

function renderWorkspace(conversations: Conversation[], props: Partial<React.ComponentProps<typeof Workspace>> = {}) {
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations, total_unread: 0, total_mentions: 0}));
    const rendered = renderWithConnect(<Workspace {...props}/>, {store});
    rendered.client.getPosts.mockResolvedValue({posts: [post({message: 'Hello from Bob'})], reachedStart: true});
    rendered.client.viewChannel.mockResolvedValue(undefined);
    rendered.client.getConversationRecords.mockResolvedValue({records: [], links: [], scanned_posts: 1, complete: true});
    return rendered;
}

const pane = () => screen.getByTestId('workspace-conversation');

describe('the workspace', () => {
    it('opens the conversation a deep link names, and tells where the user goes next', async () => {
        const onSelect = vi.fn();
        renderWorkspace([dm, group], {initialConversationId: 'group-1', onSelect});

        expect(within(pane()).getByRole('heading', {name: 'Bob Baker, Carol Chen'})).toBeInTheDocument();
        expect(within(pane()).getByText(`3 members: you, ${bob.display_name}, ${carol.display_name}`)).toBeInTheDocument();

        fireEvent.click(within(screen.getByRole('list', {name: 'Open conversations'})).getByRole('button', {name: 'Bob Baker'}));
        await waitFor(() => expect(within(pane()).getByRole('heading', {name: 'Bob Baker'})).toBeInTheDocument());
        expect(onSelect).toHaveBeenCalledWith('dm-bob');
        expect(screen.getByRole('button', {name: 'Bob Baker'})).toHaveAttribute('aria-current', 'true');
    });

    it('fetches the latest messages of the most recent conversations ahead, so switching shows them at once', async () => {
        const {client} = renderWorkspace([dm, group]);

        await waitFor(() => expect(client.getPosts.mock.calls.map(([id]) => id).sort()).toEqual(['dm-bob', 'group-1']));
    });

    it('says so when a deep link names a conversation that is not the user\'s', async () => {
        const {client} = renderWorkspace([dm], {initialConversationId: 'someone-elses'});
        client.getConversation.mockRejectedValue(new ClientError(404, 'No such conversation.', 'url'));

        expect(await screen.findByText('That conversation is not one of yours, or it no longer exists.')).toBeInTheDocument();
        expect(client.getConversation).toHaveBeenCalledWith('someone-elses');
    });

    it('jumps to a conversation with Ctrl+K', async () => {
        renderWorkspace([dm, group]);

        fireEvent.keyDown(window, {key: 'k', ctrlKey: true});
        const dialog = screen.getByRole('dialog', {name: 'Jump to a conversation'});
        fireEvent.change(within(dialog).getByRole('combobox'), {target: {value: 'carol'}});
        fireEvent.keyDown(dialog, {key: 'Enter'});

        await waitFor(() => expect(within(pane()).getByRole('heading', {name: 'Bob Baker, Carol Chen'})).toBeInTheDocument());
        expect(screen.queryByRole('dialog')).toBeNull();
    });

    it('opens the conversation a clicked browser notification names', async () => {
        renderWorkspace([dm, group]);

        act(() => {
            window.dispatchEvent(new CustomEvent(openConversationEvent, {detail: 'group-1'}));
        });

        await waitFor(() => expect(within(pane()).getByRole('heading', {name: 'Bob Baker, Carol Chen'})).toBeInTheDocument());
    });

    it('hides the tools when the open tab is clicked again', async () => {
        renderWorkspace([dm], {initialConversationId: 'dm-bob'});
        const tools = screen.getByRole('complementary', {name: 'Conversation tools'});
        await within(tools).findByRole('tabpanel');

        fireEvent.click(within(tools).getByRole('tab', {name: 'Info'}));

        expect(within(tools).queryByRole('tabpanel')).toBeNull();
        expect(screen.getByTestId('workspace')).not.toHaveClass('cc-ws--tools');
    });

    it('shows someone who is not staff the one panel, and nothing else', () => {
        const store = connectStore();
        store.dispatch(accessDenied('Ask your Mattermost system admin.'));
        renderWithConnect(<Workspace/>, {store});

        expect(screen.getByTestId('not-staff-panel')).toBeInTheDocument();
        expect(screen.queryByRole('region', {name: 'Conversations'})).toBeNull();
    });
});
