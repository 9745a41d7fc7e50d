// What the Connect Workspace's conversation tools read: the plugin's records and files routes and
// Mattermost's user statuses. Fields the server may leave out are optional; the tools read them
// with a default.

import type {ConversationKind} from './connect';

// How much a record's card knows, as the server's records package says it.
export type RecordCardStatus = 'found' | 'missing' | 'unavailable' | 'restricted' | 'pending';

export interface RecordCardSummary {
    status: RecordCardStatus;

    // Only for a found record, and only where record details may go.
    short_description?: string;
    state?: string;
    priority?: string;
    assigned_to?: string;
    updated?: string;
}

// Another conversation of the user's that mentions the same record.
export interface RecordConversationRef {
    id: string;
    name: string;
    kind?: ConversationKind;
}

// A ServiceNow record mentioned in the conversation (a ticket number or a record link).
export interface ConversationRecord {
    number: string;
    table: string;

    // The record in ServiceNow.
    url: string;

    // Milliseconds; the newest mention.
    last_mentioned_at?: number;

    // The post of the newest mention.
    post_id?: string;

    // How many posts mention it.
    mentions?: number;
    card?: RecordCardSummary;
    also_in?: RecordConversationRef[];
}

// A web link in a message that is not a record.
export interface SharedLink {
    url: string;
    post_id?: string;
    user_id?: string;
    create_at?: number;
}

// GET /plugins/connect-chat/api/v1/conversations/{id}/records
export interface ConversationRecords {
    records?: ConversationRecord[];
    links?: SharedLink[];

    // How many of the conversation's posts were read; complete is false when that stopped short
    // of the first post.
    scanned_posts?: number;
    complete?: boolean;
}

// One file posted in the conversation.
export interface ConversationFile {
    id: string;
    name: string;
    extension?: string;
    mime_type?: string;
    size?: number;
    width?: number;
    height?: number;
    has_preview_image?: boolean;
    user_id?: string;
    post_id?: string;
    create_at?: number;
}

// GET /plugins/connect-chat/api/v1/conversations/{id}/files?page=N&per_page=M, newest first.
export interface ConversationFilePage {
    files: ConversationFile[];
    has_more: boolean;
}

// Mattermost's presence values; a server may add others, read as unknown.
export type PresenceStatus = 'online' | 'away' | 'offline' | 'dnd';

// POST /api/v4/users/status/ids answers one of these per user. status is a PresenceStatus; any
// other value a server may send reads as unknown.
export interface UserStatus {
    user_id: string;
    status: string;
}
