import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {useSelector} from 'react-redux';
import {afterEach, describe, expect, it, vi} from 'vitest';

import {bob, carol, connectStore, directConversation, fakeClient, groupConversation, me, renderWithConnect, staffPerson} from '../../../../tests/unit/connect_fixtures';
import {ClientError} from '../../../client';
import {conversationsLoaded} from '../../../state/actions';
import {createPresenceTracker, statusIntervalMs as presenceRefreshMs, type PresenceTracker} from '../../../state/presence';
import {selectConversation} from '../../../state/selectors';
import type {ConnectRootState} from '../../../state/types';
import type {Conversation, Member} from '../../../types/connect';

import {ConversationTools} from './ConversationTools';

const dave: Member = {id: 'user-dave', username: 'dave', display_name: 'Dave Dunn'};

function StoredConversation({id}: {id: string}) {
    const conversation = useSelector((state: ConnectRootState) => selectConversation(state, id));
    return conversation ? (
        <ConversationTools
            conversation={conversation}
            tab='members'
            onTabChange={vi.fn()}
            onOpenConversation={vi.fn()}
        />
    ) : null;
}

function renderMembers(conversation: Conversation, statuses = [{user_id: me.id, status: 'online'}, {user_id: bob.id, status: 'away'}, {user_id: carol.id, status: 'dnd'}]) {
    const client = fakeClient();
    client.getStatuses.mockResolvedValue(statuses);
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [conversation], total_unread: 0, total_mentions: 0}));
    const presence = createPresenceTracker({client, dispatch: store.dispatch, getState: () => store.getState()}, {enabled: () => true});
    trackers.push(presence);
    return renderWithConnect(<StoredConversation id={conversation.id}/>, {client, store, environment: {presence}});
}

const trackers: PresenceTracker[] = [];

function row(name: string): HTMLElement {
    return screen.getByText(name).closest('li')!;
}

afterEach(() => {
    trackers.splice(0).forEach((tracker) => tracker.stop());
    vi.useRealTimers();
});

describe('the Members tab', () => {
    it('lists everyone, you first, with avatars and presence in words', async () => {
        const {client} = renderMembers(groupConversation({members: [bob, me, carol, dave]}), [
            {user_id: me.id, status: 'online'},
            {user_id: bob.id, status: 'away'},
            {user_id: carol.id, status: 'dnd'},
            {user_id: dave.id, status: 'offline'},
        ]);

        const list = screen.getByRole('list', {name: 'Members'});
        await within(list).findByText('Away');
        expect(client.getStatuses).toHaveBeenCalledWith(expect.arrayContaining([me.id, bob.id, carol.id, dave.id]));
        const rows = within(list).getAllByRole('listitem');
        expect(rows.map((item) => item.querySelector('.cc-tools-member-name')?.textContent)).toEqual(['Alice Archer (you)', 'Bob Baker', 'Carol Chen', 'Dave Dunn']);
        expect(rows[0]).toHaveTextContent('Online');
        expect(rows[1]).toHaveTextContent('Away');
        expect(rows[2]).toHaveTextContent('Do not disturb');
        expect(rows[3]).toHaveTextContent('Offline');
        expect(rows[1].querySelector('img')).toHaveAttribute('src', `https://chat.example.com/api/v4/users/${bob.id}/image`);
        expect(screen.getByText('4 people')).toBeInTheDocument();
    });

    it('reads presence again every minute while shown', async () => {
        vi.useFakeTimers({shouldAdvanceTime: true});
        const {client, unmount} = renderMembers(directConversation());
        await screen.findByText('Away');
        expect(client.getStatuses).toHaveBeenCalledTimes(1);

        client.getStatuses.mockResolvedValue([{user_id: me.id, status: 'online'}, {user_id: bob.id, status: 'offline'}]);
        await act(async () => {
            await vi.advanceTimersByTimeAsync(presenceRefreshMs);
        });
        expect(client.getStatuses).toHaveBeenCalledTimes(2);
        expect(within(row('Bob Baker')).getByText('Offline')).toBeInTheDocument();

        unmount();
        await act(async () => {
            await vi.advanceTimersByTimeAsync(presenceRefreshMs * 2);
        });
        expect(client.getStatuses).toHaveBeenCalledTimes(2);
    });

    it('lists a direct conversation without adding or removing anyone', async () => {
        renderMembers(directConversation());

        await screen.findByText('Away');
        expect(screen.getAllByRole('listitem')).toHaveLength(2);
        expect(screen.queryByRole('button', {name: 'Add people'})).toBeNull();
        expect(screen.queryByRole('button', {name: /Remove|Leave/})).toBeNull();
    });

    it('lists a group Connect does not manage without adding or removing anyone', async () => {
        renderMembers(groupConversation({managed: false}));

        await screen.findByText('Away');
        expect(screen.queryByRole('button', {name: 'Add people'})).toBeNull();
        expect(screen.queryByRole('button', {name: /Remove|Leave/})).toBeNull();
    });

    it('adds staff to a managed group through the people picker', async () => {
        const group = groupConversation();
        const {client} = renderMembers(group);
        client.searchStaff.mockResolvedValue({people: [staffPerson(dave)], has_more: false});
        client.addMembers.mockResolvedValue({...group, members: [...group.members, dave]});

        fireEvent.click(screen.getByRole('button', {name: 'Add people'}));
        fireEvent.change(screen.getByRole('combobox', {name: 'Search staff by name'}), {target: {value: 'dav'}});
        fireEvent.click(await screen.findByRole('option', {name: /Dave Dunn/}));
        fireEvent.click(screen.getByRole('button', {name: 'Add'}));

        await waitFor(() => expect(client.addMembers).toHaveBeenCalledWith('group-1', [dave.id]));
        expect(await screen.findByText('Dave Dunn')).toBeInTheDocument();
        expect(screen.queryByRole('combobox')).toBeNull();
        expect(screen.getByText('4 people')).toBeInTheDocument();
        await waitFor(() => expect(client.getStatuses).toHaveBeenLastCalledWith(expect.arrayContaining([dave.id])));
    });

    it('removes someone from a managed group, and shows a refusal', async () => {
        const group = groupConversation();
        const {client} = renderMembers(group);
        client.removeMember.mockRejectedValueOnce(new ClientError(403, 'Only members of the group may change it.', 'url'));

        fireEvent.click(screen.getByRole('button', {name: 'Remove Carol Chen'}));
        expect(await screen.findByRole('alert')).toHaveTextContent('Only members of the group may change it.');
        expect(screen.getByText('Carol Chen')).toBeInTheDocument();

        client.removeMember.mockResolvedValueOnce({...group, members: [me, bob]});
        fireEvent.click(screen.getByRole('button', {name: 'Remove Carol Chen'}));
        await waitFor(() => expect(screen.queryByText('Carol Chen')).toBeNull());
        expect(client.removeMember).toHaveBeenLastCalledWith('group-1', carol.id);
        expect(screen.queryByRole('alert')).toBeNull();
    });

    it('leaves a managed group', async () => {
        const group = groupConversation();
        const {client, store} = renderMembers(group);
        client.removeMember.mockResolvedValue({...group, members: [bob, carol], open: false});

        fireEvent.click(within(row('Alice Archer')).getByRole('button', {name: 'Leave group'}));

        await waitFor(() => expect(client.removeMember).toHaveBeenCalledWith('group-1', me.id));
        await waitFor(() => expect(store.actions.some((action) => action.type === 'connect/conversation-received')).toBe(true));
    });
});
