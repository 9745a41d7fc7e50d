import type {FollowedRecord} from './follow';

// The plugin's own REST API (server/api), as documented in the conversations contract.

export interface Member {
    id: string;
    username: string;
    display_name: string;
}

export interface LastPost {
    id: string;
    user_id: string;

    // A plain-text preview of at most 140 characters; "Sent a file" for a post with only files.
    message: string;
    create_at: number;
}

export type ConversationKind = 'direct' | 'group';

export interface Conversation {
    // The Mattermost channel id.
    id: string;
    kind: ConversationKind;
    name: string;
    custom_name: boolean;

    // Everyone in it, the signed-in user included.
    members: Member[];

    // Site-relative; empty for a group, which the UI draws as a group icon.
    avatar_url: string;
    last_post: LastPost | null;
    last_activity_at: number;
    unread_count: number;
    mention_count: number;

    // False when the user closed it: it stays out of the sidebar until reopened or a new post arrives.
    open: boolean;

    // A group Connect manages, whose members can be added and removed.
    managed: boolean;

    // A record conversation's record: its followers are its members.
    record?: FollowedRecord;
}

export interface ConversationList {
    conversations: Conversation[];
    total_unread: number;
    total_mentions: number;
}

export interface UnreadTotals {
    total_unread: number;
    total_mentions: number;
}

export interface StaffPerson {
    id: string;
    username: string;
    first_name: string;
    last_name: string;
    nickname: string;
    display_name: string;
}

export interface StaffPage {
    people: StaffPerson[];
    has_more: boolean;
}
