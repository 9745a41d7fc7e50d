import type {Action} from 'redux';

import type {Conversation, Member} from '../types/connect';
import type {Post, Reaction} from '../types/mattermost';

import type {ConnectAction} from './actions';
import {initialKnownState, knownReducer} from './known_reducer';
import {initialLiveState, liveReducer} from './live';
import type {ConnectState, ConversationPosts, MiniWindow} from './types';

export const initialConnectState: ConnectState = {
    conversations: {byId: {}, openIds: [], loaded: false, loadError: null, accessHelp: null},
    totals: {unread: 0, mentions: 0},
    miniWindows: {windows: [], focusedId: null, focusRequest: 0, capacity: 1, sidebarInset: null},
    search: {query: '', status: 'idle', resultIds: [], error: null},
    posts: {},
    users: {},
    known: initialKnownState,
    live: initialLiveState,
};

function isConnectAction(action: Action<string>): action is ConnectAction {
    return action.type.startsWith('connect/');
}

function byRecentActivity(a: Conversation, b: Conversation): number {
    return b.last_activity_at - a.last_activity_at || a.id.localeCompare(b.id);
}

function withConversations(state: ConnectState['conversations'], byId: Record<string, Conversation>): ConnectState['conversations'] {
    const openIds = Object.values(byId).filter((conversation) => conversation.open).sort(byRecentActivity).map((conversation) => conversation.id);
    return {...state, byId, openIds};
}

function withConversation(state: ConnectState['conversations'], id: string, change: (conversation: Conversation) => Conversation): ConnectState['conversations'] {
    const conversation = state.byId[id];
    return conversation ? withConversations(state, {...state.byId, [id]: change(conversation)}) : state;
}

function mergeConversations(state: ConnectState['conversations'], conversations: Conversation[]): ConnectState['conversations'] {
    const byId = {...state.byId};
    for (const conversation of conversations) {
        byId[conversation.id] = conversation;
    }
    return withConversations(state, byId);
}

// The contract's preview: plain text of at most 140 characters, "Sent a file" for files alone.
export function previewText(post: Post): string {
    const text = post.message.replace(/\s+/g, ' ').trim();
    if (!text && post.file_ids?.length) {
        return 'Sent a file';
    }
    return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

function withNewPost(conversation: Conversation, post: Post, unread: boolean, mentioned: boolean): Conversation {
    // The server's figures already include this post.
    if (conversation.last_post?.id === post.id || post.create_at < conversation.last_activity_at) {
        return conversation;
    }
    // As Mattermost counts: root posts by others, join and leave messages never unread, a
    // mention whenever the post names the user (an "added to the channel" message does).
    const counts = unread && !post.root_id;
    return {
        ...conversation,
        open: true,
        last_post: {id: post.id, user_id: post.user_id, message: previewText(post), create_at: post.create_at},
        last_activity_at: post.create_at,
        unread_count: conversation.unread_count + (counts && !isJoinOrLeave(post) ? 1 : 0),
        mention_count: conversation.mention_count + (counts && mentioned ? 1 : 0),
    };
}

// Mattermost's join and leave messages, which it never counts as unread.
const joinAndLeaveTypes = new Set([
    'system_join_leave', 'system_add_remove', 'system_join_channel', 'system_leave_channel', 'system_join_team',
    'system_leave_team', 'system_add_to_channel', 'system_remove_from_channel', 'system_add_to_team', 'system_remove_from_team',
]);

function isJoinOrLeave(post: Post): boolean {
    return joinAndLeaveTypes.has(post.type ?? '');
}

function withEditedPost(conversation: Conversation, post: Post): Conversation {
    if (conversation.last_post?.id !== post.id) {
        return conversation;
    }
    return {...conversation, last_post: {...conversation.last_post, message: previewText(post)}};
}

function conversationsReducer(state: ConnectState['conversations'], action: ConnectAction): ConnectState['conversations'] {
    switch (action.type) {
    case 'connect/conversations-loaded': {
        // The list holds every open conversation: one missing from it is closed now.
        const byId: Record<string, Conversation> = {};
        for (const conversation of Object.values(state.byId)) {
            byId[conversation.id] = {...conversation, open: false};
        }
        for (const conversation of action.list.conversations) {
            byId[conversation.id] = conversation;
        }
        return {...withConversations(state, byId), loaded: true, loadError: null, accessHelp: null};
    }
    case 'connect/conversations-failed':
        return {...state, loadError: action.message};
    case 'connect/access-denied':
        return {...state, byId: {}, openIds: [], loaded: true, loadError: null, accessHelp: action.help};
    case 'connect/conversation-received':
        return mergeConversations(state, [action.conversation]);
    case 'connect/search-succeeded':
        return mergeConversations(state, action.conversations);
    case 'connect/conversation-closed':
        return withConversation(state, action.id, (conversation) => ({...conversation, open: false}));
    case 'connect/conversation-read':
        // Mattermost's view moves last_viewed_at to the newest message (F-86 starts the unread there next time).
        return withConversation(state, action.id, (conversation) => ({
            ...conversation,
            unread_count: 0,
            mention_count: 0,
            last_viewed_at: Math.max(conversation.last_viewed_at, conversation.last_activity_at),
        }));
    case 'connect/conversation-posted':
        return withConversation(state, action.post.channel_id, (conversation) => withNewPost(conversation, action.post, action.unread, action.mentioned));
    case 'connect/conversation-post-edited':
        return withConversation(state, action.post.channel_id, (conversation) => withEditedPost(conversation, action.post));
    case 'connect/conversation-gone': {
        const byId = {...state.byId};
        delete byId[action.id];
        return withConversations(state, byId);
    }
    default:
        return state;
    }
}

function totalsOf(conversations: ConnectState['conversations']): ConnectState['totals'] {
    let unread = 0;
    let mentions = 0;
    for (const id of conversations.openIds) {
        unread += conversations.byId[id]?.unread_count ?? 0;
        mentions += conversations.byId[id]?.mention_count ?? 0;
    }
    return {unread, mentions};
}

function totalsReducer(state: ConnectState['totals'], action: ConnectAction, conversations: ConnectState['conversations']): ConnectState['totals'] {
    switch (action.type) {
    case 'connect/conversations-loaded':
        return {unread: action.list.total_unread, mentions: action.list.total_mentions};
    case 'connect/totals-received':
        return {unread: action.totals.total_unread, mentions: action.totals.total_mentions};
    case 'connect/conversation-received':
    case 'connect/conversation-posted':
    case 'connect/conversation-closed':
    case 'connect/conversation-read':
    case 'connect/conversation-gone': {
        // The open list is complete, so its sum is exact until the server says otherwise.
        const totals = totalsOf(conversations);
        return totals.unread === state.unread && totals.mentions === state.mentions ? state : totals;
    }
    default:
        return state;
    }
}

function withoutWindow(state: ConnectState['miniWindows'], id: string, passFocus = true): ConnectState['miniWindows'] {
    if (!state.windows.some((window) => window.id === id)) {
        return state;
    }
    const windows = state.windows.filter((window) => window.id !== id);
    const successor = passFocus ? windows[windows.length - 1]?.id ?? null : null;
    const focusedId = state.focusedId === id ? successor : state.focusedId;
    return {...state, windows, focusedId};
}

function openWindow(state: ConnectState['miniWindows'], id: string): ConnectState['miniWindows'] {
    const index = state.windows.findIndex((window) => window.id === id);
    const visible = index >= 0 && index >= state.windows.length - state.capacity;
    const windows = visible ?
        state.windows.map((window) => (window.id === id ? {...window, collapsed: false} : window)) :
        [...state.windows.filter((window) => window.id !== id), {id, collapsed: false}];
    return {...state, windows, focusedId: id, focusRequest: state.focusRequest + 1};
}

function uniqueWindows(windows: MiniWindow[]): MiniWindow[] {
    const seen = new Set<string>();
    return windows.filter((window) => !seen.has(window.id) && Boolean(seen.add(window.id)));
}

function miniWindowsReducer(state: ConnectState['miniWindows'], action: ConnectAction): ConnectState['miniWindows'] {
    switch (action.type) {
    case 'connect/window-opened':
        return openWindow(state, action.id);
    case 'connect/window-closed':
        return withoutWindow(state, action.id, action.passFocus);
    case 'connect/conversation-closed':
    case 'connect/conversation-gone':
        return withoutWindow(state, action.id);
    case 'connect/window-collapsed':
        return {...state, windows: state.windows.map((window) => (window.id === action.id ? {...window, collapsed: action.collapsed} : window))};
    case 'connect/window-focused':
        return state.focusedId === action.id ? state : {...state, focusedId: action.id};
    case 'connect/windows-restored':
        return {...state, windows: uniqueWindows(action.windows)};
    case 'connect/dock-capacity-changed':
        return {...state, capacity: Math.max(1, action.capacity)};
    case 'connect/sidebar-inset-changed':
        return {...state, sidebarInset: action.inset};
    default:
        return state;
    }
}

function searchReducer(state: ConnectState['search'], action: ConnectAction): ConnectState['search'] {
    switch (action.type) {
    case 'connect/search-started':
        return {...state, query: action.query, status: 'searching', error: null};
    case 'connect/search-succeeded':
        return action.query === state.query ? {...state, status: 'done', resultIds: action.conversations.map((conversation) => conversation.id)} : state;
    case 'connect/search-failed':
        return action.query === state.query ? {...state, status: 'failed', resultIds: [], error: action.message} : state;
    case 'connect/search-cleared':
        return initialConnectState.search;
    case 'connect/conversation-gone':
        return {...state, resultIds: state.resultIds.filter((id) => id !== action.id)};
    default:
        return state;
    }
}

function byCreation(a: Post, b: Post): number {
    return a.create_at - b.create_at || a.id.localeCompare(b.id);
}

function withPosts(existing: ConversationPosts | undefined, posts: Post[], reachedStart: boolean): ConversationPosts {
    const byId = {...existing?.byId};
    for (const post of posts) {
        if (isOlderVersion(post, byId[post.id])) {
            continue;
        }
        if (post.delete_at) {
            delete byId[post.id];
        } else {
            byId[post.id] = post;
        }
    }
    const order = Object.values(byId).sort(byCreation).map((post) => post.id);
    return {order, byId, reachedStart: Boolean(existing?.reachedStart) || reachedStart};
}

// The newest version of a post wins, whatever order responses and events arrive in: a create
// response can arrive after the post_edited event of the card that filled in meanwhile.
function isOlderVersion(post: Post, known: Post | undefined): boolean {
    return Boolean(known) && (post.update_at ?? 0) < (known?.update_at ?? 0);
}

// A post arriving live belongs in a loaded conversation only if it is not older than what is loaded:
// an edit of an old post the window has not fetched yet would otherwise show out of context.
function fitsLoadedRange(posts: ConversationPosts, post: Post): boolean {
    if (posts.reachedStart || post.id in posts.byId) {
        return true;
    }
    const oldest = posts.byId[posts.order[0]];
    return !oldest || post.create_at >= oldest.create_at;
}

function sameReaction(a: Reaction, b: Reaction): boolean {
    return a.user_id === b.user_id && a.emoji_name === b.emoji_name;
}

function withReaction(post: Post, reaction: Reaction, added: boolean): Post {
    const others = (post.metadata?.reactions ?? []).filter((existing) => !sameReaction(existing, reaction));
    const reactions = added ? [...others, reaction] : others;
    return {...post, metadata: {...post.metadata, reactions}};
}

function postsReducer(state: ConnectState['posts'], action: ConnectAction): ConnectState['posts'] {
    switch (action.type) {
    case 'connect/posts-loaded':
        return {...state, [action.channelId]: withPosts(state[action.channelId], action.posts, Boolean(action.reachedStart))};
    case 'connect/post-received': {
        const posts = state[action.post.channel_id];
        if (!posts || !fitsLoadedRange(posts, action.post)) {
            return state;
        }
        return {...state, [action.post.channel_id]: withPosts(posts, [action.post], false)};
    }
    case 'connect/post-deleted': {
        const posts = state[action.post.channel_id];
        if (!posts?.byId[action.post.id]) {
            return state;
        }
        const byId = {...posts.byId};
        delete byId[action.post.id];
        return {...state, [action.post.channel_id]: {...posts, byId, order: posts.order.filter((id) => id !== action.post.id)}};
    }
    case 'connect/reaction-changed': {
        const posts = state[action.channelId];
        const post = posts?.byId[action.reaction.post_id];
        if (!posts || !post) {
            return state;
        }
        return {...state, [action.channelId]: {...posts, byId: {...posts.byId, [post.id]: withReaction(post, action.reaction, action.added)}}};
    }
    case 'connect/conversation-gone': {
        const next = {...state};
        delete next[action.id];
        return next;
    }
    case 'connect/posts-reset':
        return {};
    default:
        return state;
    }
}

function withUsers(state: ConnectState['users'], users: Member[]): ConnectState['users'] {
    const changed = users.filter((user) => {
        const known = state[user.id];
        return !known || known.display_name !== user.display_name || known.username !== user.username;
    });
    if (changed.length === 0) {
        return state;
    }
    const next = {...state};
    for (const user of changed) {
        next[user.id] = user;
    }
    return next;
}

function membersOf(conversations: Conversation[]): Member[] {
    return conversations.flatMap((conversation) => conversation.members);
}

function usersReducer(state: ConnectState['users'], action: ConnectAction): ConnectState['users'] {
    switch (action.type) {
    case 'connect/conversations-loaded':
        return withUsers(state, membersOf(action.list.conversations));
    case 'connect/conversation-received':
        return withUsers(state, action.conversation.members);
    case 'connect/search-succeeded':
        return withUsers(state, membersOf(action.conversations));
    case 'connect/users-received':
        return withUsers(state, action.users);
    default:
        return state;
    }
}

// Only how the page is laid out outlives the user who signed out.
function afterSession(state: ConnectState): ConnectState {
    const {capacity, sidebarInset} = state.miniWindows;
    return {...initialConnectState, miniWindows: {...initialConnectState.miniWindows, capacity, sidebarInset}};
}

// Registered with registerReducer: Mattermost keeps its state at state[pluginStateKey].
export function connectReducer(state: ConnectState = initialConnectState, action: Action<string>): ConnectState {
    if (!isConnectAction(action)) {
        return state;
    }
    if (action.type === 'connect/session-ended') {
        return afterSession(state);
    }
    const conversations = conversationsReducer(state.conversations, action);
    const next: ConnectState = {
        conversations,
        totals: totalsReducer(state.totals, action, conversations),
        miniWindows: miniWindowsReducer(state.miniWindows, action),
        search: searchReducer(state.search, action),
        posts: postsReducer(state.posts, action),
        users: usersReducer(state.users, action),
        known: knownReducer(state.known, action),
        live: liveReducer(state.live, action),
    };
    const unchanged = (Object.keys(next) as Array<keyof ConnectState>).every((key) => next[key] === state[key]);
    return unchanged ? state : next;
}
