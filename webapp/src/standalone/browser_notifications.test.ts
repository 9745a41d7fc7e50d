import {afterEach, describe, expect, it, vi} from 'vitest';

import {bob, connectStore, directConversation, fakeClient, groupConversation, me} from '../../tests/unit/connect_fixtures';
import {bellDesktopGate, desktopAllows} from '../components/bell/desktop_rule';
import {conversationPosted, conversationReceived, conversationsLoaded, knownChanged} from '../state/actions';
import type {Post} from '../types/mattermost';

import {notifyInBackground} from './browser_notifications';

const shown: Array<{title: string; body?: string}> = [];

class FakeNotification {
    static permission: NotificationPermission = 'granted';
    onclick: (() => void) | null = null;

    constructor(readonly title: string, options?: NotificationOptions) {
        shown.push({title, body: options?.body});
    }

    close() {
        // Nothing to close in a test.
    }
}

function setVisibility(state: DocumentVisibilityState) {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

function message(id: string, userId: string, text: string): Post {
    return {id, channel_id: 'dm-bob', user_id: userId, create_at: Date.now(), message: text, type: ''};
}

function started() {
    vi.stubGlobal('Notification', FakeNotification);
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [directConversation({last_activity_at: 1})], total_unread: 0, total_mentions: 0}));
    const stop = notifyInBackground(store, me.id);
    return {store, stop};
}

describe('browser notifications on the standalone page', () => {
    afterEach(() => {
        shown.length = 0;
        FakeNotification.permission = 'granted';
    });

    it('shows a new message from someone else while the page is in the background', () => {
        setVisibility('hidden');
        const {store, stop} = started();

        store.dispatch(conversationPosted(message('p1', bob.id, '**Queue** is back'), true, true));

        expect(shown).toEqual([{title: 'Bob Baker', body: 'Queue is back'}]);
        stop();
    });

    it('shows the first message of a conversation the page did not know yet, but not the list it loaded', () => {
        setVisibility('hidden');
        vi.stubGlobal('Notification', FakeNotification);
        const store = connectStore();
        const stop = notifyInBackground(store, me.id);
        store.dispatch(conversationsLoaded({conversations: [directConversation({last_post: {id: 'old', user_id: bob.id, message: 'Yesterday', create_at: 1}})], total_unread: 0, total_mentions: 0}));
        expect(shown).toEqual([]);

        store.dispatch(conversationReceived(directConversation({id: 'dm-new', last_post: {id: 'new', user_id: bob.id, message: 'Hi, new here', create_at: Date.now()}})));

        expect(shown).toEqual([{title: 'Bob Baker', body: 'Hi, new here'}]);
        stop();
    });

    it('stays quiet for your own messages, while the page is in front, and when notifications are not allowed', () => {
        setVisibility('hidden');
        const {store, stop} = started();
        store.dispatch(conversationPosted(message('p1', me.id, 'Mine'), false, false));

        setVisibility('visible');
        store.dispatch(conversationPosted(message('p2', bob.id, 'Seen in front'), true, true));

        setVisibility('hidden');
        FakeNotification.permission = 'denied';
        store.dispatch(conversationPosted(message('p3', bob.id, 'Not allowed'), true, true));

        expect(shown).toEqual([]);
        stop();
    });
});

describe('browser notifications follow the bell', () => {
    afterEach(() => {
        shown.length = 0;
    });

    const quiet = {desktop: 'all', push: 'all', email: 'none', muted: false} as const;

    function startedWithBell(conversation = directConversation({last_activity_at: 1})) {
        setVisibility('hidden');
        vi.stubGlobal('Notification', FakeNotification);
        const client = fakeClient();
        const store = connectStore();
        store.dispatch(conversationsLoaded({conversations: [conversation], total_unread: 0, total_mentions: 0}));
        const stop = notifyInBackground(store, me.id, bellDesktopGate({client, dispatch: store.dispatch, getState: () => store.getState()}));
        return {store, client, stop};
    }

    it('reads the bell once, then shows as it allows: never and muted stay quiet', async () => {
        const {store, client, stop} = startedWithBell();
        client.getNotificationPreferences.mockResolvedValue(quiet);
        store.dispatch(conversationPosted(message('p1', bob.id, 'Allowed'), true, true));
        await vi.waitFor(() => expect(shown).toEqual([{title: 'Bob Baker', body: 'Allowed'}]));
        expect(client.getNotificationPreferences).toHaveBeenCalledTimes(1);

        store.dispatch(knownChanged('notificationPreferences', 'dm-bob', {...quiet, desktop: 'none'}));
        store.dispatch(conversationPosted(message('p2', bob.id, 'Never'), true, true));
        store.dispatch(knownChanged('notificationPreferences', 'dm-bob', {...quiet, muted: true}));
        store.dispatch(conversationPosted(message('p3', bob.id, 'Muted'), true, true));
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(shown).toEqual([{title: 'Bob Baker', body: 'Allowed'}]);
        expect(client.getNotificationPreferences).toHaveBeenCalledTimes(1);
        stop();
    });

    it('shows only @mentions in a group set to them', async () => {
        const {store, stop} = startedWithBell(groupConversation({last_activity_at: 1}));
        store.dispatch(knownChanged('notificationPreferences', 'group-1', {...quiet, desktop: 'mention'}));
        store.dispatch(conversationPosted({...message('g1', bob.id, 'For everyone'), channel_id: 'group-1'}, true, false));
        store.dispatch(conversationPosted({...message('g2', bob.id, '@me look'), channel_id: 'group-1'}, true, true));
        await vi.waitFor(() => expect(shown.map((notification) => notification.body)).toEqual(['@me look']));
        stop();
    });

    it('notifies as before when the bell cannot be read', async () => {
        const {store, client, stop} = startedWithBell();
        client.getNotificationPreferences.mockRejectedValue(new Error('down'));
        store.dispatch(conversationPosted(message('p1', bob.id, 'Still shown'), true, true));
        await vi.waitFor(() => expect(shown).toHaveLength(1));
        stop();
    });

    it('follows the rule', () => {
        expect(desktopAllows(quiet, false)).toBe(true);
        expect(desktopAllows({...quiet, desktop: 'mention'}, false)).toBe(false);
        expect(desktopAllows({...quiet, desktop: 'mention'}, true)).toBe(true);
        expect(desktopAllows({...quiet, desktop: 'none'}, true)).toBe(false);
        expect(desktopAllows({...quiet, muted: true}, true)).toBe(false);
    });
});
