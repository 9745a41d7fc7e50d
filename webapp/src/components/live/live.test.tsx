import {act, fireEvent, render, screen} from '@testing-library/react';
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';

import {bob, carol, connectStore, directConversation, groupConversation, me, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {conversationsLoaded, statusesReceived, typingStarted, typingStopped} from '../../state/actions';
import type {LiveConfig} from '../../state/typing';
import type {Member} from '../../types/connect';
import {ConversationAvatar} from '../common/Avatar';

import {HostWebSocketContext} from './host_socket';
import {TypingIndicator} from './TypingIndicator';
import {useSendTyping} from './use_typing';

const config: LiveConfig = {EnableUserTypingMessages: 'true', TimeBetweenUserTypingUpdatesMilliseconds: '5000', MaxNotificationsPerChannel: '1000'};
const dave: Member = {id: 'user-dave', username: 'dave', display_name: 'Dave Dunn'};

afterEach(() => {
    vi.useRealTimers();
});

describe('the typing line', () => {
    it('names who is typing in a polite live region, and empties when they stop', () => {
        const group = groupConversation({members: [me, bob, carol, dave]});
        const store = connectStore();
        store.dispatch(conversationsLoaded({conversations: [group], total_unread: 0, total_mentions: 0}));
        renderWithConnect(<TypingIndicator conversation={group}/>, {store, environment: {liveConfig: () => config}});
        const line = screen.getByTestId('typing-indicator');
        expect(line).toHaveAttribute('aria-live', 'polite');
        expect(line).toHaveTextContent(/^$/);

        act(() => {
            store.dispatch(typingStarted('group-1', bob.id, 1));
        });
        expect(line).toHaveTextContent('Bob Baker is typing…');
        act(() => {
            store.dispatch(typingStarted('group-1', carol.id, 2));
        });
        expect(line).toHaveTextContent('Bob Baker and Carol Chen are typing…');
        act(() => {
            store.dispatch(typingStarted('group-1', dave.id, 3));
        });
        expect(line).toHaveTextContent('Several people are typing…');

        act(() => {
            store.dispatch(typingStopped('group-1', bob.id, 1));
            store.dispatch(typingStopped('group-1', dave.id, 3));
        });
        expect(line).toHaveTextContent('Carol Chen is typing…');

        // Someone typing in a reply thread is not typing in the conversation.
        act(() => {
            store.dispatch(typingStopped('group-1', carol.id, 2));
            store.dispatch(typingStarted('group-1root', bob.id, 4));
        });
        expect(line).toHaveTextContent(/^$/);
    });

    it('shows nothing while the server has typing messages off', () => {
        const store = connectStore();
        store.dispatch(typingStarted('dm-bob', bob.id, 1));
        renderWithConnect(<TypingIndicator conversation={directConversation()}/>, {store, environment: {liveConfig: () => ({...config, EnableUserTypingMessages: 'false'})}});
        expect(screen.getByTestId('typing-indicator')).toHaveTextContent(/^$/);
    });
});

function TypingField() {
    const sendTyping = useSendTyping(directConversation());
    return (
        <textarea
            aria-label='Message'
            onChange={sendTyping}
        />
    );
}

describe('typing in a composer', () => {
    it('sends Mattermost\'s typing event on the page\'s socket, throttled', () => {
        vi.useFakeTimers({now: 1_000_000});
        const typingSocket = {userTyping: vi.fn()};
        renderWithConnect(<TypingField/>, {environment: {liveConfig: () => config, typingSocket}});
        const field = screen.getByRole('textbox', {name: 'Message'});

        fireEvent.change(field, {target: {value: 'H'}});
        fireEvent.change(field, {target: {value: 'He'}});
        expect(typingSocket.userTyping).toHaveBeenCalledTimes(1);
        expect(typingSocket.userTyping).toHaveBeenCalledWith('dm-bob', '');

        vi.advanceTimersByTime(5001);
        fireEvent.change(field, {target: {value: 'Hey'}});
        expect(typingSocket.userTyping).toHaveBeenCalledTimes(2);
    });

    it('sends on the web app\'s websocket client inside the web app', () => {
        vi.useFakeTimers({now: 2_000_000});
        const hostClient = {userTyping: vi.fn()};
        const store = connectStore();
        renderWithConnect(
            <HostWebSocketContext.Provider value={hostClient}>
                <TypingField/>
            </HostWebSocketContext.Provider>,
            {store, environment: {liveConfig: () => config}},
        );
        fireEvent.change(screen.getByRole('textbox', {name: 'Message'}), {target: {value: 'H'}});
        expect(hostClient.userTyping).toHaveBeenCalledWith('dm-bob', '');
    });
});

describe('the presence dot', () => {
    it('says the other person\'s status in words on a direct conversation\'s picture', () => {
        const store = connectStore();
        const watch = vi.fn(() => () => undefined);
        const presence = {watch, refresh: vi.fn(), stop: vi.fn()};
        renderWithConnect(
            <ConversationAvatar
                conversation={directConversation()}
                siteURL=''
            />,
            {store, environment: {presence}},
        );
        expect(watch).toHaveBeenCalledWith([bob.id]);
        expect(screen.queryByRole('img', {name: /online|away|offline|disturb/i})).toBeNull();

        for (const [status, label] of [['online', 'Online'], ['away', 'Away'], ['dnd', 'Do not disturb'], ['offline', 'Offline']]) {
            act(() => {
                store.dispatch(statusesReceived({[bob.id]: status}));
            });
            expect(screen.getByRole('img', {name: label})).toHaveAttribute('title', label);
        }
    });

    it('shows the web app\'s status until its own reading arrives', () => {
        const store = connectStore();
        const hostStore = {...store, getState: () => ({...store.getState(), entities: {users: {statuses: {[bob.id]: 'dnd'}}}})};
        renderWithConnect(
            <ConversationAvatar
                conversation={directConversation()}
                siteURL=''
            />,
            {store: hostStore},
        );
        expect(screen.getByRole('img', {name: 'Do not disturb'})).toBeInTheDocument();
        act(() => {
            store.dispatch(statusesReceived({[bob.id]: 'away'}));
        });
        expect(screen.getByRole('img', {name: 'Away'})).toBeInTheDocument();
    });

    it('is absent on a group\'s picture, outside Connect, and where the server has presence off', () => {
        const store = connectStore();
        store.dispatch(statusesReceived({[bob.id]: 'online', [carol.id]: 'online'}));
        renderWithConnect(
            <ConversationAvatar
                conversation={groupConversation()}
                siteURL=''
            />,
            {store},
        );
        expect(screen.queryByRole('img', {name: 'Online'})).toBeNull();

        render(
            <ConversationAvatar
                conversation={directConversation()}
                siteURL=''
            />,
        );
        expect(screen.queryByRole('img', {name: 'Online'})).toBeNull();
    });
});
