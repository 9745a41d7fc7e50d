import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {useSelector} from 'react-redux';
import {afterEach, describe, expect, it, vi} from 'vitest';

import {bob, carol, connectStore, directConversation, fakeClient, renderWithConnect} from '../../../../tests/unit/connect_fixtures';
import {ClientError} from '../../../client';
import {conversationReceived, conversationsLoaded} from '../../../state/actions';
import {selectConversation} from '../../../state/selectors';
import type {ConnectRootState} from '../../../state/types';
import type {Conversation} from '../../../types/connect';
import type {ConversationRecord, ConversationRecords} from '../../../types/workspace';

import {ConversationTools} from './ConversationTools';

const minute = 60_000;

const answer: ConversationRecords = {
    records: [
        {
            number: 'INC0010001',
            table: 'incident',
            url: 'https://example.service-now.com/nav_to.do?uri=incident.do?sys_id=1',
            last_mentioned_at: Date.now() - 5 * minute,
            post_id: 'p1',
            mentions: 3,
            card: {status: 'found', short_description: 'Finance mail is down', state: 'In Progress', priority: '1 - Critical', assigned_to: 'Beth Anglin', updated: '2024-05-14 09:00:00'},
            also_in: [{id: 'group-2', name: 'Mail outage war room', kind: 'group'}, {id: 'dm-carol', name: 'Carol Chen', kind: 'direct'}],
        },
        {
            number: 'CHG0030001',
            table: 'change_request',
            url: 'https://example.service-now.com/nav_to.do?uri=change_request.do?sys_id=2',
            last_mentioned_at: Date.now() - minute,
            post_id: 'p2',
            mentions: 1,
            card: {status: 'unavailable'},
            also_in: [],
        },
        // Not what this server sends (it sends every part), but what the tab copes with.
        {number: 'PRB0040002', table: 'problem', url: 'javascript:alert(1)', card: {status: 'missing'}} as ConversationRecord,
    ],
    links: [
        {url: 'https://status.example.com/mail', post_id: 'p3', user_id: bob.id, create_at: Date.now() - 2 * minute},
        {url: 'https://wiki.example.com/runbook', post_id: 'p4', user_id: carol.id, create_at: Date.now() - minute},
    ],
    scanned_posts: 120,
    complete: true,
};

type Answer = ConversationRecords | Promise<ConversationRecords>;

const lastPost = {id: 'last-1', user_id: bob.id, message: 'Hi', create_at: 1};

function renderInfo(first: Answer, conversation: Conversation = directConversation({last_post: lastPost}), onOpenConversation = vi.fn()) {
    const client = fakeClient();
    client.getConversationRecords.mockImplementationOnce(() => Promise.resolve(first));
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [directConversation({id: 'dm-carol', name: 'Carol Chen', members: [bob, carol]}), conversation], total_unread: 0, total_mentions: 0}));
    const rendered = renderWithConnect(
        <StoredConversation
            id={conversation.id}
            onOpenConversation={onOpenConversation}
        />,
        {store, client},
    );
    return {...rendered, onOpenConversation};
}

// The workspace's part: it passes the conversation as the store has it.
function StoredConversation({id, onOpenConversation}: {id: string; onOpenConversation: (id: string) => void}) {
    const conversation = useSelector((state: ConnectRootState) => selectConversation(state, id));
    return conversation ? (
        <ConversationTools
            conversation={conversation}
            tab='info'
            onTabChange={vi.fn()}
            onOpenConversation={onOpenConversation}
        />
    ) : null;
}

afterEach(() => {
    vi.useRealTimers();
});

describe('the Info tab', () => {
    it('lists the records newest first: links to ServiceNow, details of found ones, the status of the others', async () => {
        const {client} = renderInfo(answer);

        const records = await screen.findByRole('list', {name: 'Records mentioned here'});
        expect(client.getConversationRecords).toHaveBeenCalledWith('dm-bob');
        const items = within(records).getAllByRole('listitem');
        expect(items.map((item) => item.querySelector('.cc-tools-record-number')?.textContent)).toEqual(['CHG0030001', 'INC0010001', 'PRB0040002']);

        const change = items[0];
        expect(within(change).getByText('ServiceNow is not answering right now')).toBeInTheDocument();

        const incident = items[1];
        const link = within(incident).getByRole('link', {name: 'INC0010001'});
        expect(link).toHaveAttribute('href', 'https://example.service-now.com/nav_to.do?uri=incident.do?sys_id=1');
        expect(link).toHaveAttribute('target', '_blank');
        expect(link).toHaveAttribute('rel', 'noopener noreferrer');
        expect(within(incident).getByText('Finance mail is down')).toBeInTheDocument();
        expect(within(incident).getByText('In Progress · Priority 1 - Critical')).toBeInTheDocument();
        expect(within(incident).getByText('Assigned to Beth Anglin')).toBeInTheDocument();
        expect(within(incident).getByText(/3 mentions/)).toBeInTheDocument();

        // Never a link to anything but the web; the missing record says so.
        const problem = items[2];
        expect(within(problem).queryByRole('link')).toBeNull();
        expect(within(problem).getByText('Not found in ServiceNow')).toBeInTheDocument();
    });

    it('offers the other conversations discussing a record, each opening it', async () => {
        const {onOpenConversation} = renderInfo(answer);

        const warRoom = await screen.findByRole('button', {name: 'Mail outage war room'});
        expect(warRoom.closest('p')).toHaveTextContent('Also discussed in: Mail outage war room, Carol Chen');
        fireEvent.click(warRoom);
        expect(onOpenConversation).toHaveBeenCalledWith('group-2');
        fireEvent.click(screen.getByRole('button', {name: 'Carol Chen'}));
        expect(onOpenConversation).toHaveBeenLastCalledWith('dm-carol');
    });

    it('lists the links shared, newest first, with who shared them and when', async () => {
        renderInfo(answer);

        const links = await screen.findByRole('list', {name: 'Links shared here'});
        const items = within(links).getAllByRole('listitem');
        expect(within(items[0]).getByRole('link', {name: 'https://wiki.example.com/runbook'})).toHaveAttribute('rel', 'noopener noreferrer');
        expect(items[0]).toHaveTextContent('Carol Chen · 1m');
        expect(items[1]).toHaveTextContent('Bob Baker · 2m');
        expect(within(items[1]).getByRole('link')).toHaveAttribute('href', 'https://status.example.com/mail');
    });

    it('says in words when nothing was mentioned or shared yet', async () => {
        renderInfo({records: [], links: [], scanned_posts: 0, complete: true});

        expect(await screen.findByText('No records mentioned yet. Ticket numbers like INC0010001 in messages show up here.')).toBeInTheDocument();
        expect(screen.getByText('No links shared yet. Web links in messages show up here.')).toBeInTheDocument();
    });

    it('takes an answer without the optional parts', async () => {
        renderInfo({records: [{number: 'INC0010002', table: 'incident', url: 'https://example.service-now.com/x'}]} as ConversationRecords);

        expect(await screen.findByRole('link', {name: 'INC0010002'})).toBeInTheDocument();
        expect(screen.getByText('No details from ServiceNow yet')).toBeInTheDocument();
        expect(screen.getByText('No links shared yet. Web links in messages show up here.')).toBeInTheDocument();
    });

    it('says when only the latest messages were looked through', async () => {
        renderInfo({...answer, complete: false, scanned_posts: 1000});

        expect(await screen.findByText('Only the latest 1,000 messages were looked through.')).toBeInTheDocument();
    });

    it('shows loading, then a failure with a way to try again', async () => {
        let fail: (error: Error) => void = () => undefined;
        const {client} = renderInfo(new Promise((_resolve, reject) => {
            fail = reject;
        }));

        expect(screen.getByText('Loading records and links…')).toBeInTheDocument();
        act(() => fail(new ClientError(502, 'ServiceNow could not be reached', 'url')));
        expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the records and links: ServiceNow could not be reached');

        client.getConversationRecords.mockResolvedValue(answer);
        fireEvent.click(screen.getByRole('button', {name: 'Try again'}));
        expect(await screen.findByRole('link', {name: 'INC0010001'})).toBeInTheDocument();
        expect(screen.queryByRole('alert')).toBeNull();
    });

    it('reads the records again when a new message arrives, at most once a second', async () => {
        vi.useFakeTimers({shouldAdvanceTime: true});
        const first = directConversation({last_post: lastPost});
        const {client, store} = renderInfo({records: [], links: [], scanned_posts: 0, complete: true}, first);
        const newPost = (id: string) => act(() => {
            store.dispatch(conversationReceived({...first, last_post: {...lastPost, id}}));
        });
        await screen.findByText(/No records mentioned yet/);
        expect(client.getConversationRecords).toHaveBeenCalledTimes(1);

        client.getConversationRecords.mockResolvedValue(answer);
        newPost('last-2');
        newPost('last-3');
        expect(client.getConversationRecords).toHaveBeenCalledTimes(1);

        await act(async () => {
            await vi.advanceTimersByTimeAsync(1000);
        });
        expect(client.getConversationRecords).toHaveBeenCalledTimes(2);
        expect(await screen.findByRole('link', {name: 'INC0010001'})).toBeInTheDocument();

        // A failed refresh keeps what was shown.
        client.getConversationRecords.mockRejectedValue(new ClientError(0, 'Could not reach the server: offline', 'url'));
        newPost('last-4');
        await act(async () => {
            await vi.advanceTimersByTimeAsync(1000);
        });
        await waitFor(() => expect(screen.getByText('Could not refresh the records: Could not reach the server: offline')).toBeInTheDocument());
        expect(screen.getByRole('link', {name: 'INC0010001'})).toBeInTheDocument();
        expect(client.getConversationRecords).toHaveBeenCalledTimes(3);
    });

    it('offers to follow the found records; a record conversation shows its record', async () => {
        const recordConversation = directConversation({
            id: 'rec-1',
            kind: 'group',
            name: 'INC0010001 · Finance mail is down',
            last_post: lastPost,
            record: {table: 'incident', sys_id: 'sys-1', number: 'INC0010001', short_description: 'Finance mail is down', url: 'https://example.service-now.com/incident.do?sys_id=sys-1'},
        });
        const {client} = renderInfo(answer, recordConversation);
        client.follow.mockResolvedValue({table: 'incident', sys_id: 'sys-1', number: 'INC0010001', short_description: 'Finance mail is down', conversation_id: 'rec-1'});

        const section = await screen.findByRole('region', {name: 'Record conversation'});
        expect(within(section).getByRole('link', {name: 'INC0010001'})).toHaveAttribute('href', 'https://example.service-now.com/incident.do?sys_id=sys-1');
        const records = screen.getByRole('list', {name: 'Records mentioned here'});
        expect(within(records).getAllByRole('button', {name: /^Follow /}).map((button) => button.getAttribute('aria-label'))).toEqual(['Follow INC0010001']);

        fireEvent.click(within(section).getByRole('button', {name: 'Follow INC0010001'}));
        await waitFor(() => expect(within(records).getByRole('button', {name: 'Follow INC0010001'})).toHaveAttribute('aria-pressed', 'true'));
        expect(client.follow).toHaveBeenCalledWith({table: 'incident', sys_id: 'sys-1'});
    });

    it('offers to bring in the team of the record conversation\'s record and of found records it knows the sys_id of', async () => {
        const recordConversation = directConversation({
            id: 'rec-1',
            kind: 'group',
            name: 'INC0010001 · Finance mail is down',
            last_post: lastPost,
            record: {table: 'incident', sys_id: 'sys-1', number: 'INC0010001', short_description: 'Finance mail is down', url: 'https://example.service-now.com/incident.do?sys_id=sys-1'},
        });
        const found = {...answer.records[0], sys_id: 'sys-1'};
        renderInfo({...answer, records: [found, answer.records[1]]}, recordConversation);
        const section = await screen.findByRole('region', {name: 'Record conversation'});
        expect(within(section).getByRole('button', {name: 'Bring in the team of INC0010001'})).toBeInTheDocument();
        const records = screen.getByRole('list', {name: 'Records mentioned here'});
        expect(within(records).getAllByRole('button', {name: /^Bring in the team/}).map((button) => button.getAttribute('aria-label'))).toEqual(['Bring in the team of INC0010001']);
    });
});
