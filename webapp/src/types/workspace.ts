// What the Connect Workspace's conversation tools read: the plugin's records and files routes
// (the server's Go types, see wire.generated.ts) and Mattermost's user statuses.
export type {
    ConversationFile,
    ConversationFilePage,
    ConversationRecord,
    ConversationRecords,
    RecordCardStatus,
    RecordCardSummary,
    RecordConversationRef,
    SharedLink,
} from './wire.generated';

// Mattermost's presence values; a server may add others, read as unknown.
export type PresenceStatus = 'online' | 'away' | 'offline' | 'dnd';

// POST /api/v4/users/status/ids answers one of these per user. status is a PresenceStatus; any
// other value a server may send reads as unknown.
export interface UserStatus {
    user_id: string;
    status: string;
}
