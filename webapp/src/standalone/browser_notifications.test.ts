import {afterEach, describe, expect, it, vi} from 'vitest';

import {bob, connectStore, directConversation, me} from '../../tests/unit/connect_fixtures';
import {conversationPosted, conversationReceived, conversationsLoaded} from '../state/actions';
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
