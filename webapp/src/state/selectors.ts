import type {Conversation, Member} from '../types/connect';
import type {Post} from '../types/mattermost';

import {initialConnectState} from './reducer';
import {pluginStateKey, type ConnectRootState, type ConnectState, type MiniWindow} from './types';

export function selectConnect(state: ConnectRootState): ConnectState {
    return state[pluginStateKey] ?? initialConnectState;
}

export function selectConversation(state: ConnectRootState, id: string): Conversation | undefined {
    return selectConnect(state).conversations.byId[id];
}

export function selectConversationsById(state: ConnectRootState): Record<string, Conversation> {
    return selectConnect(state).conversations.byId;
}

// The sidebar rows, most recent first. Returns the same array while nothing changed.
export function selectOpenConversationIds(state: ConnectRootState): string[] {
    return selectConnect(state).conversations.openIds;
}

export function selectConversationsLoaded(state: ConnectRootState): boolean {
    return selectConnect(state).conversations.loaded;
}

export function selectAccessHelp(state: ConnectRootState): string | null {
    return selectConnect(state).conversations.accessHelp;
}

export function selectConversationsError(state: ConnectRootState): string | null {
    return selectConnect(state).conversations.loadError;
}

export function selectTotalUnread(state: ConnectRootState): number {
    return selectConnect(state).totals.unread;
}

export function selectSearch(state: ConnectRootState): ConnectState['search'] {
    return selectConnect(state).search;
}

export function selectMiniWindows(state: ConnectRootState): MiniWindow[] {
    return selectConnect(state).miniWindows.windows;
}

export function selectFocusedWindowId(state: ConnectRootState): string | null {
    return selectConnect(state).miniWindows.focusedId;
}

export function selectFocusRequest(state: ConnectRootState): number {
    return selectConnect(state).miniWindows.focusRequest;
}

export function selectDockCapacity(state: ConnectRootState): number {
    return selectConnect(state).miniWindows.capacity;
}

export function selectSidebarInset(state: ConnectRootState): number | null {
    return selectConnect(state).miniWindows.sidebarInset;
}

export interface DockLayout {
    // Oldest first; the last one sits nearest the sidebar.
    visible: MiniWindow[];

    // The older windows that do not fit, newest first as the overflow menu lists them.
    overflow: MiniWindow[];
}

export function dockLayout(windows: MiniWindow[], capacity: number): DockLayout {
    const firstVisible = Math.max(0, windows.length - Math.max(1, capacity));
    return {visible: windows.slice(firstVisible), overflow: windows.slice(0, firstVisible).reverse()};
}

export function selectPosts(state: ConnectRootState, channelId: string): ConnectState['posts'][string] {
    return selectConnect(state).posts[channelId];
}

export function selectPost(state: ConnectRootState, channelId: string, postId: string): Post | undefined {
    return selectConnect(state).posts[channelId]?.byId[postId];
}

export function selectUser(state: ConnectRootState, userId: string): Member | undefined {
    return selectConnect(state).users[userId];
}

// A person's name for a message: display name, else @username, else nothing known yet.
// A member's name, or their id when Connect has no name for them.
export function memberName(member: Member): string {
    return authorName(member) ?? member.id;
}

export function authorName(user: Member | undefined): string | undefined {
    if (!user) {
        return undefined;
    }
    return user.display_name || `@${user.username}`;
}

// The user's newest message in a conversation that they may edit (Up arrow in an empty composer).
export function selectLastOwnPostId(state: ConnectRootState, channelId: string, userId: string): string | undefined {
    const posts = selectPosts(state, channelId);
    if (!posts) {
        return undefined;
    }
    for (let index = posts.order.length - 1; index >= 0; index -= 1) {
        const post = posts.byId[posts.order[index]];
        if (post.user_id === userId && !post.type && !post.props?.override_username) {
            return post.id;
        }
    }
    return undefined;
}
