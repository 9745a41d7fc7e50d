import {pluginId} from '../manifest';
import type {Conversation, Member} from '../types/connect';
import type {ConversationDigest, DigestSettings} from '../types/digest';
import type {Follow} from '../types/follow';
import type {JournalKind} from '../types/journal';
import {pluginStateKeyOf, type PluginStateKey} from '../types/host_state';
import type {Post} from '../types/mattermost';
import type {NotificationPreferences} from '../types/notifications';

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

// What else the server keeps for the user, by kind, each value under a key (a conversation's id,
// or mine). Read when first shown; websocket events and saves keep it current.
export interface KnownValues {
    follows: Follow[];
    digestSettings: DigestSettings;
    digestInclusion: ConversationDigest;
    notificationPreferences: NotificationPreferences;

    // The user's journal field for a record conversation's messages.
    journalKind: JournalKind;
}

export type KnownKind = keyof KnownValues;

export interface KnownEntry<T> {
    // Undefined until the server answered.
    value: T | undefined;

    // Counts the changes, so that an answer to an older request can tell that something newer
    // (an event from another client, another save) arrived since, and not undo it.
    version: number;

    // A read is on its way: the places that show the value meanwhile wait for its answer.
    reading: boolean;
    readFailure: string | null;
}

export type KnownState = {[Kind in KnownKind]: Record<string, KnownEntry<KnownValues[Kind]> | undefined>};

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
    known: KnownState;
}

// Where the web app (and the standalone page's own store) keeps Connect's state.
export const pluginStateKey = pluginStateKeyOf(pluginId);

// The stores Connect runs in hold its state at pluginStateKey (other plugins' beside it).
export interface ConnectRootState {
    [key: PluginStateKey]: ConnectState | undefined;
}
