// Following a record (F-60): what GET/POST /api/v1/follows answer.
export interface Follow {
    table: string;
    sys_id: string;
    number: string;
    short_description: string;

    // The record conversation, which the follower is a member of.
    conversation_id: string;
}

export interface FollowList {
    follows: Follow[];
}

// The record a record conversation is about (Conversation.record).
export interface FollowedRecord {
    table: string;
    sys_id: string;
    number: string;
    short_description: string;

    // The record in ServiceNow.
    url: string;
}
