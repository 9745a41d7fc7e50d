import {describe, expect, it, vi} from 'vitest';

import {bob, connectStore, directConversation, fakeClient, me, post, stateOf} from '../../tests/unit/connect_fixtures';
import {ClientError} from '../client';
import type {WebSocketMessage} from '../types/mattermost';

import {conversationsLoaded, postsLoaded} from './actions';
import {mentionsUser, pluginEvent, postOf, webSocketHandlers} from './websocket';

function setup() {
    const store = connectStore();
    const client = fakeClient();
    const handlers = webSocketHandlers({client, dispatch: store.dispatch, getState: () => store.getState()}, me.id);
    const deliver = (event: string, data: Record<string, unknown>) => {
        const message: WebSocketMessage = {event, data, broadcast: {}};
        handlers[event](message);
    };
    return {store, client, deliver};
}

// Mattermost's posted event, as a member's client receives it.
function posted(p: ReturnType<typeof post>, extra: Record<string, unknown> = {}) {
    return {post: JSON.stringify(p), channel_type: 'D', ...extra};
}

describe('websocket events', () => {
    it('names the plugin\'s events as Mattermost delivers them', () => {
        expect(pluginEvent('conversation_updated')).toBe('custom_connect-chat_conversation_updated');
    });

    it('update, close and count conversations', () => {
        const {store, deliver} = setup();

        deliver(pluginEvent('conversation_updated'), {conversation: directConversation({unread_count: 2})});
        expect(stateOf(store).conversations.openIds).toEqual(['dm-bob']);

        deliver(pluginEvent('unread_totals'), {total_unread: 5, total_mentions: 1});
        expect(stateOf(store).totals).toEqual({unread: 5, mentions: 1});

        deliver(pluginEvent('conversation_closed'), {id: 'dm-bob'});
        expect(stateOf(store).conversations.openIds).toEqual([]);
    });

    it('ignore malformed payloads', () => {
        const {store, deliver} = setup();

        deliver(pluginEvent('conversation_updated'), {conversation: 'nonsense'});
        deliver('posted', {post: '{not json'});
        deliver(pluginEvent('unread_totals'), {total_unread: 'many'});

        expect(stateOf(store).conversations.byId).toEqual({});
        expect(stateOf(store).totals).toEqual({unread: 0, mentions: 0});
    });

    it('add posted and edited posts to loaded conversations, and drop deleted ones', () => {
        const {store, deliver} = setup();
        store.dispatch(postsLoaded('dm-bob', [], true));
        const live = post({id: 'live', message: 'INC0010001'});

        deliver('posted', {post: JSON.stringify(live)});
        deliver('post_edited', {post: JSON.stringify({...live, props: {attachments: [{title: 'INC0010001: Email down'}]}})});
        expect(stateOf(store).posts['dm-bob']?.byId.live.props).toEqual({attachments: [{title: 'INC0010001: Email down'}]});

        deliver('post_deleted', {post: JSON.stringify(live)});
        expect(stateOf(store).posts['dm-bob']?.order).toEqual([]);
    });

    it('mark a conversation read when it was viewed elsewhere', () => {
        const {store, deliver} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation({unread_count: 2}), directConversation({id: 'dm-carol', unread_count: 1})], total_unread: 3, total_mentions: 0}));

        deliver('channel_viewed', {channel_id: 'dm-bob'});
        expect(stateOf(store).totals.unread).toBe(1);

        deliver('multiple_channels_viewed', {channel_times: {'dm-carol': 123, 'town-square': 456}});
        expect(stateOf(store).totals.unread).toBe(0);
    });

    it('reads a post only from a JSON string with an id and channel', () => {
        expect(postOf(JSON.stringify({id: 'p', channel_id: 'c'}))).toEqual({id: 'p', channel_id: 'c'});
        expect(postOf(JSON.stringify({id: 'p'}))).toBeUndefined();
        expect(postOf({id: 'p', channel_id: 'c'})).toBeUndefined();
    });
});

describe('a posted event', () => {
    it('moves the conversation up and counts someone else\'s post as unread at once', () => {
        const {store, deliver} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation({last_activity_at: 10}), directConversation({id: 'dm-carol', last_activity_at: 20})], total_unread: 0, total_mentions: 0}));
        const fromBob = post({id: 'live', user_id: bob.id, message: 'Are you   around?', create_at: 30});

        deliver('posted', {post: JSON.stringify(fromBob)});
        deliver('posted', {post: JSON.stringify(post({id: 'mine', user_id: me.id, message: 'Yes', create_at: 40}))});

        const state = stateOf(store);
        expect(state.conversations.openIds).toEqual(['dm-bob', 'dm-carol']);
        expect(state.conversations.byId['dm-bob']).toMatchObject({unread_count: 1, last_activity_at: 40, last_post: {id: 'mine', message: 'Yes'}});
        expect(state.totals.unread).toBe(1);
    });

    it('counts nothing twice once the server\'s figures include the post', () => {
        const {store, deliver} = setup();
        const counted = post({id: 'counted', create_at: 30});
        store.dispatch(conversationsLoaded({
            conversations: [directConversation({unread_count: 1, last_activity_at: 30, last_post: {id: 'counted', user_id: bob.id, message: 'x', create_at: 30}})],
            total_unread: 1,
            total_mentions: 0,
        }));

        deliver('posted', {post: JSON.stringify(counted)});

        expect(stateOf(store).totals.unread).toBe(1);
    });

    it('previews files alone as "Sent a file", and leaves replies and join or leave messages out of the count', () => {
        const {store, deliver} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation({last_activity_at: 0})], total_unread: 0, total_mentions: 0}));

        deliver('posted', {post: JSON.stringify(post({message: '', file_ids: ['f1'], create_at: 10}))});
        expect(stateOf(store).conversations.byId['dm-bob'].last_post?.message).toBe('Sent a file');
        deliver('posted', {post: JSON.stringify(post({root_id: 'root', create_at: 20}))});
        deliver('posted', {post: JSON.stringify(post({type: 'system_join_channel', create_at: 30}))});

        // As in Mattermost, a join message moves the conversation up without counting as unread.
        expect(stateOf(store).conversations.byId['dm-bob']).toMatchObject({unread_count: 1, last_activity_at: 30});
    });

    it('keep the list current from Mattermost\'s own post events, counting as Mattermost does', () => {
        const {store, deliver} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation()], total_unread: 0, total_mentions: 0}));

        deliver('posted', posted(post({id: 'p1', message: 'Printer down'}), {mentions: JSON.stringify([me.id])}));
        deliver('posted', posted(post({id: 'p2', message: 'a reply', root_id: 'p1'}), {mentions: JSON.stringify([me.id])}));
        deliver('posted', posted(post({id: 'p3', message: 'me added to the channel by bob.', type: 'system_add_to_channel'}), {mentions: JSON.stringify([me.id])}));
        deliver('posted', posted(post({id: 'p4', message: 'mine', user_id: me.id})));

        const conversation = stateOf(store).conversations.byId['dm-bob'];
        expect(conversation.last_post?.message).toBe('mine');
        expect(conversation.unread_count).toBe(1);
        expect(conversation.mention_count).toBe(2);
        expect(stateOf(store).totals).toEqual({unread: 1, mentions: 2});

        deliver('post_edited', {post: JSON.stringify(post({id: 'p4', message: 'mine, edited', user_id: me.id}))});
        expect(stateOf(store).conversations.byId['dm-bob'].last_post?.message).toBe('mine, edited');
    });

    it('reopen a closed conversation on a new post', () => {
        const {store, deliver} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation({open: false})], total_unread: 0, total_mentions: 0}));
        deliver('posted', posted(post({message: 'are you there?'})));
        expect(stateOf(store).conversations.openIds).toEqual(['dm-bob']);
    });

    it('ask the server about a channel the list does not hold, once, and count what arrived meanwhile', async () => {
        const {store, client, deliver} = setup();
        let answer: (value: ReturnType<typeof directConversation>) => void = () => undefined;
        client.getConversation.mockImplementation(() => new Promise((resolve) => {
            answer = resolve;
        }));

        deliver('posted', posted(post({id: 'first', create_at: 1_800_000_000_000})));
        deliver('posted', posted(post({id: 'second', create_at: 1_800_000_001_000})));
        expect(client.getConversation).toHaveBeenCalledTimes(1);
        answer(directConversation({last_post: {id: 'first', user_id: bob.id, message: 'first', create_at: 1_800_000_000_000}, last_activity_at: 1_800_000_000_000, unread_count: 1}));
        await vi.waitFor(() => expect(stateOf(store).conversations.byId['dm-bob']?.unread_count).toBe(2));
        expect(stateOf(store).conversations.byId['dm-bob'].last_post?.id).toBe('second');
    });

    it('remember channels that are not conversations', async () => {
        const {client, deliver} = setup();
        client.getConversation.mockRejectedValue(new ClientError(404, 'No such conversation.', '/x'));
        deliver('posted', posted(post({channel_id: 'team-private'}), {channel_type: 'P'}));
        await vi.waitFor(() => expect(client.getConversation).toHaveBeenCalledTimes(1));
        deliver('posted', posted(post({channel_id: 'team-private'}), {channel_type: 'P'}));
        deliver('posted', posted(post({channel_id: 'town-square'}), {channel_type: 'O'}));
        await Promise.resolve();
        expect(client.getConversation).toHaveBeenCalledTimes(1);
    });

    it('read a conversation again when its last post is deleted', async () => {
        const {store, client, deliver} = setup();
        const last = post({id: 'last', message: 'oops'});
        store.dispatch(conversationsLoaded({conversations: [directConversation({last_post: {id: 'last', user_id: bob.id, message: 'oops', create_at: last.create_at}})], total_unread: 0, total_mentions: 0}));
        client.getConversation.mockResolvedValue(directConversation({last_post: {id: 'before', user_id: bob.id, message: 'the one before', create_at: 1}}));
        deliver('post_deleted', {post: JSON.stringify(last)});
        await vi.waitFor(() => expect(stateOf(store).conversations.byId['dm-bob'].last_post?.message).toBe('the one before'));
    });

    it('read mentions from the posted event', () => {
        expect(mentionsUser(JSON.stringify([me.id]), me.id)).toBe(true);
        expect(mentionsUser(JSON.stringify(['someone']), me.id)).toBe(false);
        expect(mentionsUser('{broken', me.id)).toBe(false);
        expect(mentionsUser(undefined, me.id)).toBe(false);
    });
});
