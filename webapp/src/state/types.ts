import {pluginId} from '../manifest';
import type {Conversation, Member} from '../types/connect';
import {pluginStateKeyOf, type PluginStateKey} from '../types/host_state';
import type {Post} from '../types/mattermost';

export interface MiniWindow {
    id: string;
    collapsed: boolean;
}

export interface ConversationPosts {
    // Oldest first.
    order: string[];
    byId: Record<string, Post>;

    // The first post of the conversation is loaded: there is nothing older to fetch.
    reachedStart: boolean;
}

export type SearchStatus = 'idle' | 'searching' | 'done' | 'failed';

export interface ConnectState {
    conversations: {
        byId: Record<string, Conversation>;

        // The open conversations, most recent activity first: the sidebar's rows.
        openIds: string[];
        loaded: boolean;
        loadError: string | null;

        // Set when the server says the user is not ITIL staff: how access is granted, whom to ask.
        accessHelp: string | null;
    };
    totals: {unread: number; mentions: number};
    miniWindows: {
        // Oldest first; the newest sit nearest the sidebar.
        windows: MiniWindow[];
        focusedId: string | null;

        // Counts window openings, so that opening the focused window again still brings focus to it.
        focusRequest: number;

        // How many windows fit beside each other; the rest wait in the overflow menu.
        capacity: number;

        // Distance of the sidebar's left edge from the right of the viewport, null while hidden.
        sidebarInset: number | null;
    };
    search: {
        query: string;
        status: SearchStatus;
        resultIds: string[];
        error: string | null;
    };
    posts: Record<string, ConversationPosts | undefined>;

    // Everyone the plugin has seen, for naming the authors of messages.
    users: Record<string, Member | undefined>;
}

// Where the web app (and the standalone page's own store) keeps Connect's state.
export const pluginStateKey = pluginStateKeyOf(pluginId);

// The stores Connect runs in hold its state at pluginStateKey (other plugins' beside it).
export interface ConnectRootState {
    [key: PluginStateKey]: ConnectState | undefined;
}
