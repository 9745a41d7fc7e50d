import {describe, expect, it} from 'vitest';

import {bob, carol, connectStore, directConversation, fakeClient, groupConversation, post, stateOf} from '../../tests/unit/connect_fixtures';
import {ClientError} from '../client';

import {conversationsLoaded, windowOpened, windowsRestored} from './actions';
import {
    addPeople,
    closeConversation,
    ensureConversation,
    loadConversations,
    loadLatestPosts,
    loadOlderPosts,
    markRead,
    postsPageSize,
    refreshAfterReconnect,
    removeFromGroup,
    renameGroup,
    searchConversations,
    sendMessage,
    sendPost,
    showConversation,
    startConversation,
} from './operations';

function setup() {
    const client = fakeClient();
    const store = connectStore();
    return {client, store, deps: {client, dispatch: store.dispatch, getState: () => store.getState()}};
}

describe('operations', () => {
    it('rename a group from the answered conversation', async () => {
        const {client, store, deps} = setup();
        store.dispatch(conversationsLoaded({conversations: [groupConversation()], total_unread: 0, total_mentions: 0}));
        client.renameConversation.mockResolvedValue(groupConversation({name: 'Mail outage', custom_name: true}));

        await renameGroup(deps, 'group-1', 'Mail outage');

        expect(client.renameConversation).toHaveBeenCalledWith('group-1', 'Mail outage');
        expect(stateOf(store).conversations.byId['group-1']).toMatchObject({name: 'Mail outage', custom_name: true});
    });

    it('remove someone from a group, and leaving closes its window and its sidebar row', async () => {
        const {client, store, deps} = setup();
        store.dispatch(conversationsLoaded({conversations: [groupConversation()], total_unread: 0, total_mentions: 0}));
        store.dispatch(windowOpened('group-1'));
        client.removeMember.mockResolvedValueOnce(groupConversation({members: [groupConversation().members[0], bob], name: 'Bob Baker'}));

        await removeFromGroup(deps, 'group-1', carol.id);

        expect(client.removeMember).toHaveBeenCalledWith('group-1', carol.id);
        expect(stateOf(store).conversations.byId['group-1'].members.map((member) => member.id)).toEqual(['user-alice', bob.id]);
        expect(stateOf(store).miniWindows.windows).toEqual([{id: 'group-1', collapsed: false}]);

        client.removeMember.mockResolvedValueOnce(groupConversation({members: [bob], open: false}));
        await removeFromGroup(deps, 'group-1', 'user-alice');

        expect(stateOf(store).conversations.openIds).toEqual([]);
        expect(stateOf(store).miniWindows.windows).toEqual([]);
    });

    it('load the open conversations, or say why they could not', async () => {
        const {client, store, deps} = setup();
        client.getConversations.mockResolvedValueOnce({conversations: [directConversation()], total_unread: 0, total_mentions: 0});
        await loadConversations(deps);
        expect(stateOf(store).conversations.openIds).toEqual(['dm-bob']);

        client.getConversations.mockRejectedValueOnce(new ClientError(503, 'The server is restarting.', 'url'));
        await loadConversations(deps);
        expect(stateOf(store).conversations.loadError).toBe('The server is restarting.');
    });

    it('load nothing for someone who is not staff: the state says how access is granted', async () => {
        const {client, store, deps} = setup();
        const help = 'Access comes with the ServiceNow role “itil”.';
        client.getConversations.mockRejectedValueOnce(new ClientError(403, 'Connect Chat is for ITIL staff only.', 'url', {id: 'connect.not_staff', help}));

        await loadConversations(deps);

        expect(stateOf(store).conversations).toMatchObject({loaded: true, loadError: null, accessHelp: help, openIds: []});
    });

    it('search all conversations', async () => {
        const {client, store, deps} = setup();
        client.searchConversations.mockResolvedValue([directConversation({open: false})]);

        await searchConversations(deps, 'bob');

        expect(client.searchConversations).toHaveBeenCalledWith('bob');
        expect(stateOf(store).search).toMatchObject({status: 'done', resultIds: ['dm-bob']});
    });

    it('reopen a closed conversation before showing its window', async () => {
        const {client, store, deps} = setup();
        const closed = directConversation({open: false});
        client.openConversation.mockResolvedValue({...closed, open: true});

        await showConversation(deps, closed);

        expect(client.openConversation).toHaveBeenCalledWith('dm-bob');
        expect(stateOf(store).conversations.openIds).toEqual(['dm-bob']);
        expect(stateOf(store).miniWindows.windows).toEqual([{id: 'dm-bob', collapsed: false}]);
    });

    it('show an open conversation without asking the server', async () => {
        const {client, store, deps} = setup();

        await showConversation(deps, directConversation());

        expect(client.openConversation).not.toHaveBeenCalled();
        expect(stateOf(store).miniWindows.focusedId).toBe('dm-bob');
    });

    it('close a conversation on the server, then in the sidebar', async () => {
        const {client, store, deps} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation()], total_unread: 0, total_mentions: 0}));
        client.closeConversation.mockResolvedValue(undefined);

        await closeConversation(deps, 'dm-bob');

        expect(stateOf(store).conversations.openIds).toEqual([]);
    });

    it('start a conversation, which joins the open ones', async () => {
        const {client, store, deps} = setup();
        client.createConversation.mockResolvedValue(groupConversation());

        await startConversation(deps, [bob.id, carol.id]);

        expect(client.createConversation).toHaveBeenCalledWith([bob.id, carol.id]);
        expect(stateOf(store).conversations.openIds).toEqual(['group-1']);
    });

    it('open the new group that adding people to an unmanaged group makes', async () => {
        const {client, store, deps} = setup();
        client.addMembers.mockResolvedValue(groupConversation({id: 'group-2'}));

        await addPeople(deps, 'group-1', [carol.id]);

        expect(stateOf(store).miniWindows.windows.map((window) => window.id)).toEqual(['group-2']);
    });

    it('forget a restored window\'s conversation the user is no longer in', async () => {
        const {client, store, deps} = setup();
        store.dispatch(windowsRestored([{id: 'gone', collapsed: false}, {id: 'dm-bob', collapsed: true}]));
        client.getConversation.mockImplementation((id) => (id === 'gone' ?
            Promise.reject(new ClientError(404, 'No such conversation.', 'url')) :
            Promise.resolve(directConversation({open: false}))));

        await ensureConversation(deps, 'gone');
        await ensureConversation(deps, 'dm-bob');

        expect(stateOf(store).miniWindows.windows).toEqual([{id: 'dm-bob', collapsed: true}]);
        expect(stateOf(store).conversations.byId['dm-bob']).toBeDefined();
    });

    it('load the latest messages, then older pages, naming authors they do not know', async () => {
        const {client, store, deps} = setup();
        const stranger = {id: 'user-erin', username: 'erin', first_name: 'Erin', last_name: 'Evans'};
        const latest = [post({id: 'p2', user_id: stranger.id, create_at: 200}), post({id: 'p3', create_at: 300})];
        client.getPosts.mockResolvedValueOnce({posts: latest, reachedStart: false});
        client.getPosts.mockResolvedValueOnce({posts: [post({id: 'p1', create_at: 100})], reachedStart: true});
        client.getUsersByIds.mockResolvedValue([stranger]);
        store.dispatch(conversationsLoaded({conversations: [directConversation()], total_unread: 0, total_mentions: 0}));

        await loadLatestPosts(deps, 'dm-bob');
        await loadOlderPosts(deps, 'dm-bob');
        await loadOlderPosts(deps, 'dm-bob');

        expect(client.getPosts.mock.calls).toEqual([['dm-bob', {perPage: postsPageSize}], ['dm-bob', {perPage: postsPageSize, before: 'p2'}]]);
        expect(client.getUsersByIds).toHaveBeenCalledExactlyOnceWith([stranger.id]);
        expect(stateOf(store).users[stranger.id]?.display_name).toBe('Erin Evans');
        expect(stateOf(store).posts['dm-bob']).toMatchObject({order: ['p1', 'p2', 'p3'], reachedStart: true});
    });

    it('send a message, and pass on the server\'s refusal', async () => {
        const {client, deps} = setup();
        client.createPost.mockResolvedValueOnce(post({id: 'sent', message: 'Hi'}));
        await sendMessage(deps, 'dm-bob', 'Hi');
        expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: 'Hi'});

        client.createPost.mockRejectedValueOnce(new ClientError(400, '@dave is not ITIL staff: Connect conversations are for staff only.', 'url'));
        await expect(sendMessage(deps, 'dm-dave', 'Hi')).rejects.toThrow('@dave is not ITIL staff');
    });

    it('upload files, then post them with the message as one post', async () => {
        const {client, deps} = setup();
        const file = new File(['hello'], 'notes.txt', {type: 'text/plain'});
        client.uploadFiles.mockResolvedValue([{id: 'file-1', name: 'notes.txt'}]);
        client.createPost.mockResolvedValue(post({file_ids: ['file-1']}));

        await sendPost(deps, 'dm-bob', 'The notes', [file]);

        expect(client.uploadFiles).toHaveBeenCalledWith('dm-bob', [file]);
        expect(client.createPost).toHaveBeenCalledTimes(1);
        expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: 'The notes', file_ids: ['file-1']});
    });

    it('post nothing when the upload fails', async () => {
        const {client, deps} = setup();
        client.uploadFiles.mockRejectedValue(new Error('File is too large.'));

        await expect(sendPost(deps, 'dm-bob', 'The notes', [new File(['hello'], 'notes.txt')])).rejects.toThrow('File is too large.');
        expect(client.createPost).not.toHaveBeenCalled();
    });

    it('mark a conversation read', async () => {
        const {client, store, deps} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation({unread_count: 2})], total_unread: 2, total_mentions: 0}));
        client.viewChannel.mockResolvedValue(undefined);

        await markRead(deps, 'dm-bob');

        expect(client.viewChannel).toHaveBeenCalledWith('dm-bob');
        expect(stateOf(store).totals.unread).toBe(0);
    });

    it('fetch everything again after a reconnect', async () => {
        const {client, store, deps} = setup();
        store.dispatch(windowOpened('dm-bob'));
        client.getConversations.mockResolvedValue({conversations: [directConversation({unread_count: 1})], total_unread: 1, total_mentions: 0});

        await refreshAfterReconnect(deps);

        expect(stateOf(store).posts).toEqual({});
        expect(stateOf(store).totals.unread).toBe(1);
    });
});
