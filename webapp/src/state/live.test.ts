import {afterEach, describe, expect, it, vi} from 'vitest';

import {bob, carol, connectStore, directConversation, fakeClient, groupConversation, me, post, stateOf} from '../../tests/unit/connect_fixtures';
import {englishIntl} from '../i18n/intl';
import type {WebSocketMessage} from '../types/mattermost';

import {conversationsLoaded, statusesReceived, typingStarted, typingStopped} from './actions';
import {initialLiveState, liveReducer, typingKey} from './live';
import {createPresenceTracker, maxIdsPerStatusRequest, statusIntervalMs} from './presence';
import {createTypingEmitter, typingExpiryMs, typingSentence, type LiveConfig} from './typing';
import {webSocketHandlers} from './websocket';

// Mattermost's defaults (model/config.go), as the client configuration carries them.
const defaults: LiveConfig = {
    EnableUserTypingMessages: 'true',
    TimeBetweenUserTypingUpdatesMilliseconds: '5000',
    MaxNotificationsPerChannel: '1000',
    EnableUserStatuses: 'true',
};

afterEach(() => {
    vi.useRealTimers();
});

describe('the typing entries', () => {
    it('keep when each person last typed, per conversation, and end only the entry a stop was set for', () => {
        let state = liveReducer(initialLiveState, typingStarted('c1', 'u1', 100));
        state = liveReducer(state, typingStarted('c1', 'u2', 150));
        state = liveReducer(state, typingStarted('c1', 'u1', 200));
        expect(state.typing).toEqual({c1: {u1: 200, u2: 150}});

        // The stop set for the first event does not end the renewed entry.
        expect(liveReducer(state, typingStopped('c1', 'u1', 100))).toBe(state);

        state = liveReducer(state, typingStopped('c1', 'u1', 200));
        expect(state.typing).toEqual({c1: {u2: 150}});
        state = liveReducer(state, typingStopped('c1', 'u2', 999));
        expect(state.typing).toEqual({});
        expect(liveReducer(state, typingStopped('c1', 'u2', 999))).toBe(state);
    });

    it('keys a thread apart from its conversation, as the web app does', () => {
        expect(typingKey('c1')).toBe('c1');
        expect(typingKey('c1', 'root')).toBe('c1root');
    });

    it('keep the statuses last heard, unchanged when nothing changed', () => {
        const state = liveReducer(initialLiveState, statusesReceived({u1: 'online', u2: 'dnd'}));
        expect(state.presence).toEqual({u1: 'online', u2: 'dnd'});
        expect(liveReducer(state, statusesReceived({u1: 'online'}))).toBe(state);
        expect(liveReducer(state, statusesReceived({u1: 'away'})).presence).toEqual({u1: 'away', u2: 'dnd'});
    });
});

describe('the typing sentence', () => {
    it('names one or two people and counts more', () => {
        expect(typingSentence(englishIntl(), [])).toBe('');
        expect(typingSentence(englishIntl(), ['Bob Baker'])).toBe('Bob Baker is typing…');
        expect(typingSentence(englishIntl(), ['Bob Baker', 'Carol Chen'])).toBe('Bob Baker and Carol Chen are typing…');
        expect(typingSentence(englishIntl(), ['Bob Baker', 'Carol Chen', 'Dave Dunn'])).toBe('Several people are typing…');
    });
});

describe('sending the typing event', () => {
    it('sends at most once per TimeBetweenUserTypingUpdatesMilliseconds for the whole page', () => {
        let now = 10_000;
        const emit = createTypingEmitter(() => now);
        const socket = {userTyping: vi.fn()};

        // A minute of someone typing a key every 100 ms, in two conversations.
        let sent = 0;
        for (let t = 0; t < 60_000; t += 100) {
            now = 10_000 + t;
            sent += emit(socket, defaults, t % 2 === 0 ? 'c1' : 'c2', '', 2) ? 1 : 0;
        }
        expect(sent).toBe(12);
        expect(socket.userTyping).toHaveBeenCalledTimes(12);
        expect(socket.userTyping).toHaveBeenNthCalledWith(1, 'c1', '');
    });

    it('sends nothing while typing messages are off, or for a conversation of MaxNotificationsPerChannel members or more', () => {
        const emit = createTypingEmitter(() => 100_000);
        const socket = {userTyping: vi.fn()};

        expect(emit(socket, {...defaults, EnableUserTypingMessages: 'false'}, 'c1', '', 2)).toBe(false);
        expect(emit(socket, {}, 'c1', '', 2)).toBe(false);
        expect(emit(socket, {...defaults, MaxNotificationsPerChannel: '3'}, 'c1', '', 3)).toBe(false);
        expect(socket.userTyping).not.toHaveBeenCalled();
        expect(emit(socket, defaults, 'c1', '', 2)).toBe(true);
    });

    it('lives as long as the server says between typing updates', () => {
        expect(typingExpiryMs(defaults)).toBe(5000);
        expect(typingExpiryMs({TimeBetweenUserTypingUpdatesMilliseconds: '2000'})).toBe(2000);
        expect(typingExpiryMs({})).toBe(5000);
    });
});

function liveSetup(config: LiveConfig = defaults) {
    const store = connectStore();
    const client = fakeClient();
    const deps = {client, dispatch: store.dispatch, getState: () => store.getState()};
    const refresh = vi.fn();
    const handlers = webSocketHandlers(deps, me.id, {config: () => config, presence: {watch: () => () => undefined, refresh, stop: () => undefined}});
    store.dispatch(conversationsLoaded({conversations: [directConversation(), groupConversation()], total_unread: 0, total_mentions: 0}));
    const deliver = (message: WebSocketMessage) => handlers[message.event](message);
    const typing = (userId: string, channelId: string, parentId = '') => deliver({event: 'typing', data: {user_id: userId, parent_id: parentId}, broadcast: {channel_id: channelId}});
    return {store, deliver, typing, refresh};
}

describe('Mattermost\'s typing events', () => {
    it('show a member typing until TimeBetweenUserTypingUpdatesMilliseconds pass without another', () => {
        vi.useFakeTimers();
        const {store, typing} = liveSetup();

        typing(bob.id, 'dm-bob');
        expect(Object.keys(stateOf(store).live.typing['dm-bob'] ?? {})).toEqual([bob.id]);

        vi.advanceTimersByTime(3000);
        typing(bob.id, 'dm-bob');
        vi.advanceTimersByTime(3000);
        expect(Object.keys(stateOf(store).live.typing['dm-bob'] ?? {})).toEqual([bob.id]);

        vi.advanceTimersByTime(2001);
        expect(stateOf(store).live.typing).toEqual({});
    });

    it('end when their message arrives', () => {
        vi.useFakeTimers();
        const {store, typing, deliver} = liveSetup();
        typing(bob.id, 'group-1');
        typing(carol.id, 'group-1');

        deliver({event: 'posted', data: {post: JSON.stringify(post({channel_id: 'group-1', user_id: bob.id})), channel_type: 'G'}, broadcast: {}});

        expect(Object.keys(stateOf(store).live.typing['group-1'] ?? {})).toEqual([carol.id]);
    });

    it('never show yourself, someone who is not a member, a channel that is not a conversation, or anything while typing messages are off', () => {
        const {store, typing} = liveSetup();
        typing(me.id, 'dm-bob');
        typing(carol.id, 'dm-bob');
        typing(bob.id, 'town-square');
        expect(stateOf(store).live.typing).toEqual({});

        const off = liveSetup({...defaults, EnableUserTypingMessages: 'false'});
        off.typing(bob.id, 'dm-bob');
        expect(stateOf(off.store).live.typing).toEqual({});
    });

    it('ask for the status of someone typing who is not known to be online', () => {
        const {store, typing, refresh} = liveSetup();
        typing(bob.id, 'dm-bob');
        expect(refresh).toHaveBeenCalledWith([bob.id]);

        refresh.mockClear();
        store.dispatch(statusesReceived({[bob.id]: 'online'}));
        typing(bob.id, 'dm-bob');
        expect(refresh).not.toHaveBeenCalled();
    });

    it('take presence from status_change and from a post that sets its author online', () => {
        const {store, deliver} = liveSetup();
        deliver({event: 'status_change', data: {user_id: me.id, status: 'dnd'}, broadcast: {}});
        deliver({event: 'posted', data: {post: JSON.stringify(post({user_id: bob.id})), channel_type: 'D', set_online: true}, broadcast: {}});
        expect(stateOf(store).live.presence).toEqual({[me.id]: 'dnd', [bob.id]: 'online'});
    });
});

describe('the presence tracker', () => {
    function trackerSetup() {
        vi.useFakeTimers();
        const store = connectStore();
        const client = fakeClient();
        client.getStatuses.mockImplementation((ids) => Promise.resolve(ids.map((id) => ({user_id: id, status: 'away'}))));
        const tracker = createPresenceTracker({client, dispatch: store.dispatch, getState: () => store.getState()}, {enabled: () => true});
        return {store, client, tracker};
    }

    it('asks once for everyone shown together, then once a minute for everyone still shown', async () => {
        const {store, client, tracker} = trackerSetup();
        const stopRow = tracker.watch([bob.id]);
        const stopWindow = tracker.watch([bob.id, carol.id]);
        await vi.advanceTimersByTimeAsync(100);
        expect(client.getStatuses).toHaveBeenCalledTimes(1);
        expect(client.getStatuses).toHaveBeenCalledWith([bob.id, carol.id]);
        expect(stateOf(store).live.presence).toEqual({[bob.id]: 'away', [carol.id]: 'away'});

        // Shown again: already known, not asked for until the minute is up.
        tracker.watch([bob.id])();
        await vi.advanceTimersByTimeAsync(statusIntervalMs - 200);
        expect(client.getStatuses).toHaveBeenCalledTimes(1);
        await vi.advanceTimersByTimeAsync(200);
        expect(client.getStatuses).toHaveBeenCalledTimes(2);

        stopWindow();
        await vi.advanceTimersByTimeAsync(statusIntervalMs);
        expect(client.getStatuses).toHaveBeenLastCalledWith([bob.id]);

        stopRow();
        await vi.advanceTimersByTimeAsync(statusIntervalMs * 5);
        expect(client.getStatuses).toHaveBeenCalledTimes(3);
        tracker.stop();
    });

    it('asks for someone typing at once, and for nothing while presence is off', async () => {
        const {client, tracker} = trackerSetup();
        tracker.refresh([bob.id]);
        await vi.advanceTimersByTimeAsync(100);
        expect(client.getStatuses).toHaveBeenCalledWith([bob.id]);
        tracker.stop();

        const store = connectStore();
        const off = createPresenceTracker({client, dispatch: store.dispatch, getState: () => store.getState()}, {enabled: () => false});
        off.watch([carol.id]);
        await vi.advanceTimersByTimeAsync(statusIntervalMs * 2);
        expect(client.getStatuses).toHaveBeenCalledTimes(1);
        off.stop();
    });

    it('asks in batches of the web app\'s size, and not at all once stopped', async () => {
        const {client, tracker} = trackerSetup();
        const many = Array.from({length: maxIdsPerStatusRequest + 1}, (_, index) => `user-${index}`);
        tracker.watch(many);
        await vi.advanceTimersByTimeAsync(100);
        expect(client.getStatuses.mock.calls.map(([ids]) => ids.length)).toEqual([maxIdsPerStatusRequest, 1]);

        tracker.stop();
        await vi.advanceTimersByTimeAsync(statusIntervalMs * 2);
        expect(client.getStatuses).toHaveBeenCalledTimes(2);
    });
});
