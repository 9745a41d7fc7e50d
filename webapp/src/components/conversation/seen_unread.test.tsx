import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it} from 'vitest';

import {bob, carol, connectStore, directConversation, groupConversation, me, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {conversationsLoaded, dockCapacityChanged, windowOpened} from '../../state/actions';
import type {Conversation, Member} from '../../types/connect';
import {englishIntl} from '../../i18n/intl';
import type {Post} from '../../types/mattermost';
import {MiniWindowDock} from '../mini_windows/MiniWindowDock';
import {ConversationNavigator} from '../sidebar/ConversationNavigator';

import {nextPollMs, observe, readersOf, seenNote} from './seen';
import {countNewSince, firstUnreadId} from './unread';

const dan: Member = {id: 'user-dan', username: 'dan', display_name: 'Dan Diaz'};
const erin: Member = {id: 'user-erin', username: 'erin', display_name: 'Erin Eng'};

function ordered(posts: Post[]) {
    return {order: posts.map((p) => p.id), byId: Object.fromEntries(posts.map((p) => [p.id, p]))};
}

const time = (ms: number) => `t${ms}`;

describe('the Seen note', () => {
    const mine1 = post({id: 'm1', user_id: me.id, create_at: 100});
    const theirs = post({id: 't1', user_id: bob.id, create_at: 200});
    const mine2 = post({id: 'm2', user_id: me.id, create_at: 300});
    const {order, byId} = ordered([mine1, theirs, mine2]);

    it('goes under your newest message the other person has viewed, and never under one they have not', () => {
        const readers = readersOf({enabled: true, readers: [{user_id: bob.id, last_viewed_at: 250}]}, [me, bob], me.id);
        expect(seenNote(order, byId, me.id, readers, true, {}, englishIntl(), time)).toEqual({postId: 'm1', text: 'Seen', names: 'Bob Baker'});

        const none = readersOf({enabled: true, readers: [{user_id: bob.id, last_viewed_at: 99}]}, [me, bob], me.id);
        expect(seenNote(order, byId, me.id, none, true, {}, englishIntl(), time)).toBeNull();

        const exactly = readersOf({enabled: true, readers: [{user_id: bob.id, last_viewed_at: 300}]}, [me, bob], me.id);
        expect(seenNote(order, byId, me.id, exactly, true, {}, englishIntl(), time)?.postId).toBe('m2');
    });

    it('tells the time of a view this page saw happen', () => {
        const before = {enabled: true, readers: [{user_id: bob.id, last_viewed_at: 200}]};
        const after = {enabled: true, readers: [{user_id: bob.id, last_viewed_at: 300}]};
        const observed = observe({}, before, after, 4242);
        expect(observed).toEqual({[bob.id]: {lastViewedAt: 300, at: 4242}});
        expect(seenNote(order, byId, me.id, readersOf(after, [me, bob], me.id), true, observed, englishIntl(), time)?.text).toBe('Seen t4242');
    });

    it('names who in a group, and counts beyond three', () => {
        const group = [me, bob, carol, dan, erin];
        const two = readersOf({enabled: true, readers: [{user_id: bob.id, last_viewed_at: 300}, {user_id: carol.id, last_viewed_at: 300}, {user_id: dan.id, last_viewed_at: 10}]}, group, me.id);
        expect(seenNote(order, byId, me.id, two, false, {}, englishIntl(), time)).toEqual({postId: 'm2', text: 'Seen by Bob and Carol', names: 'Bob Baker, Carol Chen'});

        const four = readersOf({enabled: true, readers: [bob, carol, dan, erin].map((m) => ({user_id: m.id, last_viewed_at: 300}))}, group, me.id);
        expect(seenNote(order, byId, me.id, four, false, {}, englishIntl(), time)?.text).toBe('Seen by 4');
    });

    it('says nothing when receipts are off, and leaves out someone who is no longer a member', () => {
        expect(readersOf({enabled: false, readers: []}, [me, bob], me.id)).toEqual([]);
        expect(readersOf({enabled: true, readers: [{user_id: 'gone', last_viewed_at: 999}]}, [me, bob], me.id)).toEqual([]);
    });

    it('asks less and less often, at most every 15 seconds', () => {
        const delays = [3000];
        while (delays.length < 8) {
            delays.push(nextPollMs(delays[delays.length - 1]));
        }
        expect(delays).toEqual([3000, 4500, 6750, 10125, 15000, 15000, 15000, 15000]);
    });
});

describe('where the unread messages start', () => {
    it('is the first message by someone else after the last view', () => {
        const {order, byId} = ordered([
            post({id: 'a', create_at: 100}),
            post({id: 'b', user_id: me.id, create_at: 200}),
            post({id: 'c', create_at: 300}),
        ]);
        expect(firstUnreadId(order, byId, me.id, 150)).toBe('c');
        expect(firstUnreadId(order, byId, me.id, 50)).toBe('a');
        expect(firstUnreadId(order, byId, me.id, null)).toBeNull();
        expect(countNewSince(order, byId, me.id, 'a')).toBe(1);
    });
});

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

describe('a conversation window', () => {
    it('shows "New messages" above the first message that was unread when it opened, and keeps it after marking read', async () => {
        const posts = [
            post({id: 'old', create_at: 1000, message: 'Read before'}),
            post({id: 'new1', create_at: 3000, message: 'First unread'}),
            post({id: 'new2', create_at: 4000, message: 'Second unread'}),
        ];
        const {client} = renderWindow(directConversation({unread_count: 2, last_viewed_at: 2000, last_activity_at: 4000}), posts);
        const log = await screen.findByRole('log');
        await within(log).findByText('Second unread');
        const line = within(log).getByRole('separator', {name: 'New messages'});
        const messages = within(log).getAllByTestId('message');
        expect(line.compareDocumentPosition(messages[1]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
        expect(line.compareDocumentPosition(messages[0]) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
        await waitFor(() => expect(client.viewChannel).toHaveBeenCalled());
        expect(within(log).getByRole('separator', {name: 'New messages'})).toBeInTheDocument();
    });

    it('shows no line when nothing was unread', async () => {
        renderWindow(directConversation({last_viewed_at: 0}), [post({id: 'x', create_at: 3000, message: 'Hello'})]);
        const log = await screen.findByRole('log');
        await within(log).findByText('Hello');
        expect(within(log).queryByRole('separator', {name: 'New messages'})).toBeNull();
    });

    it('asks who has seen your message until they have, then shows "Seen" with the time', async () => {
        const mine = post({id: 'mine', user_id: me.id, create_at: 5000, message: 'Can you check INC0010001?'});
        const {client} = renderWindow(directConversation(), [mine]);
        client.getSeen.
            mockResolvedValueOnce({enabled: true, readers: [{user_id: bob.id, last_viewed_at: 4000}]}).
            mockResolvedValue({enabled: true, readers: [{user_id: bob.id, last_viewed_at: 5000}]});
        const log = await screen.findByRole('log');
        await within(log).findByText('Can you check INC0010001?');
        await waitFor(() => expect(client.getSeen).toHaveBeenCalledTimes(1));
        expect(within(log).queryByText(/^Seen/)).toBeNull();

        const note = await within(log).findByText(/^Seen \d/, {}, {timeout: 6000});
        expect(note).toHaveAttribute('title', 'Seen by Bob Baker');
        const calls = client.getSeen.mock.calls.length;
        await new Promise((resolve) => setTimeout(resolve, 3500));
        expect(client.getSeen.mock.calls.length).toBe(calls);
    }, 15_000);
});

describe('the Mentions filter', () => {
    it('shows only the conversations with unread mentions, newest first, and says when there are none', () => {
        const store = connectStore();
        store.dispatch(conversationsLoaded({conversations: [
            directConversation({id: 'dm-bob', name: 'Bob Baker', last_activity_at: 3000, mention_count: 1, unread_count: 1}),
            groupConversation({id: 'group-1', name: 'Printer outage', last_activity_at: 2000}),
            groupConversation({id: 'group-2', name: 'Email down', last_activity_at: 4000, mention_count: 2, unread_count: 2}),
        ], total_unread: 3, total_mentions: 3}));
        renderWithConnect(
            <ConversationNavigator
                label='Connect'
                onOpen={() => Promise.resolve()}
            />,
            {store},
        );
        const toggle = screen.getByRole('button', {name: /^Mentions/});
        expect(toggle).toHaveAttribute('aria-pressed', 'false');
        fireEvent.click(toggle);
        expect(toggle).toHaveAttribute('aria-pressed', 'true');
        const list = screen.getByRole('list', {name: 'Conversations that mention you'});
        const names = within(list).getAllByRole('listitem').map((row) => row.textContent ?? '');
        expect(names).toHaveLength(2);
        expect(names[0]).toContain('Email down');
        expect(names[1]).toContain('Bob Baker');

        act(() => {
            store.dispatch({type: 'connect/conversation-read', id: 'dm-bob'});
            store.dispatch({type: 'connect/conversation-read', id: 'group-2'});
        });
        expect(screen.getByText(/No unread mentions/)).toBeInTheDocument();
    });
});
