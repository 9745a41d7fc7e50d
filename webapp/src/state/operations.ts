import {ClientError, type ConnectAPI} from '../client';
import {displayName} from '../display_name';
import {errorMessage} from '../error_message';
import {peopleNamedIn} from '../system_message';
import type {Conversation} from '../types/connect';
import type {Post} from '../types/mattermost';

import {
    accessDenied,
    conversationClosed,
    conversationGone,
    conversationRead,
    conversationReceived,
    conversationsFailed,
    conversationsLoaded,
    postDeleted,
    postReceived,
    postsLoaded,
    postsReset,
    reactionChanged,
    searchFailed,
    searchStarted,
    searchSucceeded,
    usersReceived,
    windowClosed,
    windowOpened,
    type ConnectAction,
} from './actions';
import {selectConnect} from './selectors';
import type {ConnectRootState} from './types';

// What the operations work with: the REST client and the store holding the plugin's state
// (Mattermost's store in the web app, the page's own store in the standalone workspace).
export interface ConnectDeps {
    client: ConnectAPI;
    dispatch: (action: ConnectAction) => unknown;
    getState: () => ConnectRootState;
}

// How many messages a window fetches at a time.
export const postsPageSize = 30;

export async function loadConversations({client, dispatch}: ConnectDeps): Promise<void> {
    try {
        dispatch(conversationsLoaded(await client.getConversations()));
    } catch (error) {
        if (error instanceof ClientError && error.isNotStaff) {
            dispatch(accessDenied(error.detail.help ?? ''));
            return;
        }
        dispatch(conversationsFailed(errorMessage(error)));
    }
}

// After the websocket was away: the list and the open windows' messages are fetched anew.
export async function refreshAfterReconnect(deps: ConnectDeps): Promise<void> {
    deps.dispatch(postsReset());
    await loadConversations(deps);
}

export async function searchConversations({client, dispatch}: ConnectDeps, query: string): Promise<void> {
    dispatch(searchStarted(query));
    try {
        dispatch(searchSucceeded(query, await client.searchConversations(query)));
    } catch (error) {
        dispatch(searchFailed(query, errorMessage(error)));
    }
}

// Puts a closed conversation back among the open ones, as showing it does.
export async function reopenIfClosed({client, dispatch}: ConnectDeps, conversation: Conversation): Promise<void> {
    if (!conversation.open) {
        dispatch(conversationReceived(await client.openConversation(conversation.id)));
    }
}

// Shows a conversation in a mini window, first putting a closed one back among the open ones.
export async function showConversation(deps: ConnectDeps, conversation: Conversation): Promise<void> {
    if (!conversation.open) {
        await reopenIfClosed(deps, conversation);
    }
    deps.dispatch(windowOpened(conversation.id));
}

export async function closeConversation({client, dispatch}: ConnectDeps, id: string): Promise<void> {
    await client.closeConversation(id);
    dispatch(conversationClosed(id));
}

export async function startConversation({client, dispatch}: ConnectDeps, userIds: string[]): Promise<Conversation> {
    const conversation = await client.createConversation(userIds);
    dispatch(conversationReceived(conversation));
    return conversation;
}

// Adding people to a group Connect does not manage answers a new group: its window opens.
export async function addPeople({client, dispatch}: ConnectDeps, id: string, userIds: string[]): Promise<Conversation> {
    const conversation = await client.addMembers(id, userIds);
    dispatch(conversationReceived(conversation));
    if (conversation.id !== id) {
        dispatch(windowOpened(conversation.id));
    }
    return conversation;
}

// Names a managed group (F-03); an empty name goes back to the member names.
export async function renameGroup({client, dispatch}: ConnectDeps, id: string, name: string): Promise<Conversation> {
    const conversation = await client.renameConversation(id, name);
    dispatch(conversationReceived(conversation));
    return conversation;
}

// Takes someone out of a managed group (F-04). Removing yourself leaves it: the answer is closed,
// so it leaves the sidebar and its window closes.
export async function removeFromGroup({client, dispatch}: ConnectDeps, id: string, userId: string): Promise<Conversation> {
    const conversation = await client.removeMember(id, userId);
    dispatch(conversationReceived(conversation));
    if (!conversation.open) {
        dispatch(windowClosed(id));
    }
    return conversation;
}

// A window restored from an earlier visit may show a conversation the list does not hold (a
// closed one) or one the user has left since.
export async function ensureConversation(deps: ConnectDeps, id: string): Promise<void> {
    if (!selectConnect(deps.getState()).conversations.byId[id]) {
        await reloadConversation(deps, id);
    }
}

// Reads one conversation again; one the user is no longer in leaves the list.
export async function reloadConversation({client, dispatch}: ConnectDeps, id: string): Promise<void> {
    try {
        dispatch(conversationReceived(await client.getConversation(id)));
    } catch (error) {
        if (error instanceof ClientError && (error.status === 404 || error.status === 403)) {
            dispatch(conversationGone(id));
            return;
        }
        throw error;
    }
}

// Names the authors (and people system messages name) the plugin has not met in a conversation's
// member list: people who left.
async function learnAuthors({client, dispatch, getState}: ConnectDeps, posts: Post[]): Promise<void> {
    const known = selectConnect(getState()).users;
    const named = posts.flatMap((post) => [post.user_id, ...peopleNamedIn(post)]);
    const unknown = [...new Set(named)].filter((userId) => userId && !known[userId]);
    if (unknown.length === 0) {
        return;
    }
    try {
        const users = await client.getUsersByIds(unknown);
        dispatch(usersReceived(users.map((user) => ({id: user.id, username: user.username, display_name: displayName(user)}))));
    } catch {
        // Their messages keep showing without a name; nothing else depends on it.
    }
}

export async function loadLatestPosts(deps: ConnectDeps, channelId: string): Promise<void> {
    const page = await deps.client.getPosts(channelId, {perPage: postsPageSize});
    deps.dispatch(postsLoaded(channelId, page.posts, page.reachedStart));
    await learnAuthors(deps, page.posts);
}

export async function loadOlderPosts(deps: ConnectDeps, channelId: string): Promise<void> {
    const loaded = selectConnect(deps.getState()).posts[channelId];
    const oldestId = loaded?.order[0];
    if (!loaded || loaded.reachedStart || !oldestId) {
        return;
    }
    const page = await deps.client.getPosts(channelId, {perPage: postsPageSize, before: oldestId});
    deps.dispatch(postsLoaded(channelId, page.posts, page.reachedStart));
    await learnAuthors(deps, page.posts);
}

// Posts a message; a refusal (such as the staff policy's) rejects with the server's reason.
export async function sendMessage({client, dispatch}: ConnectDeps, channelId: string, message: string, fileIds?: string[], props?: Record<string, unknown>): Promise<Post> {
    const post = await client.createPost({channel_id: channelId, message, ...(fileIds?.length ? {file_ids: fileIds} : {}), ...(props ? {props} : {})});
    dispatch(postReceived(post));
    return post;
}

// One post of a message and files: the files are uploaded first, then posted with the message
// (which may be empty) and its props. Nothing is posted when the upload fails.
export async function sendPost(deps: ConnectDeps, channelId: string, message: string, files: File[] = [], props?: Record<string, unknown>): Promise<Post> {
    if (files.length === 0) {
        return sendMessage(deps, channelId, message, undefined, props);
    }
    const infos = await deps.client.uploadFiles(channelId, files);
    return sendMessage(deps, channelId, message, infos.map((info) => info.id), props);
}

export async function markRead({client, dispatch}: ConnectDeps, channelId: string): Promise<void> {
    await client.viewChannel(channelId);
    dispatch(conversationRead(channelId));
}

// The user's own message, edited; the server refuses anyone else's.
export async function editMessage({client, dispatch}: ConnectDeps, postId: string, message: string): Promise<void> {
    dispatch(postReceived(await client.editPost(postId, message)));
}

export async function deleteMessage({client, dispatch}: ConnectDeps, post: Pick<Post, 'id' | 'channel_id'>): Promise<void> {
    await client.deletePost(post.id);
    dispatch(postDeleted(post));
}

// Adds the user's reaction, or takes it back; the websocket event that follows changes nothing more.
export async function toggleReaction({client, dispatch}: ConnectDeps, post: Post, userId: string, emojiName: string): Promise<void> {
    const reaction = {user_id: userId, post_id: post.id, emoji_name: emojiName};
    const mine = post.metadata?.reactions?.some((existing) => existing.user_id === userId && existing.emoji_name === emojiName);
    if (mine) {
        await client.removeReaction(userId, post.id, emojiName);
    } else {
        await client.addReaction(userId, post.id, emojiName);
    }
    dispatch(reactionChanged(post.channel_id, reaction, !mine));
}
