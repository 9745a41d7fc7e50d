// The parts of Mattermost's REST and websocket payloads that Connect Chat reads.

export interface FileInfo {
    id: string;
    name: string;
    size?: number;
    mime_type?: string;
    extension?: string;

    // Images: Mattermost made a thumbnail and a preview of it.
    has_preview_image?: boolean;
    width?: number;
    height?: number;
}

export interface Post {
    id: string;
    channel_id: string;
    user_id: string;
    root_id?: string;
    create_at: number;
    update_at?: number;
    edit_at?: number;
    delete_at?: number;
    message: string;

    // "" for an ordinary post; system messages (joins, leaves) have a "system_" type.
    type?: string;
    props?: Record<string, unknown>;
    file_ids?: string[];
    metadata?: {files?: FileInfo[]; reactions?: Reaction[]};
}

export interface Reaction {
    user_id: string;
    post_id: string;
    emoji_name: string;
    create_at?: number;
    channel_id?: string;
}

// GET /api/v4/channels/{id}/posts: order is newest first.
export interface PostList {
    order: string[];
    posts: Record<string, Post>;
}

export interface NewPost {
    channel_id: string;
    message: string;
    file_ids?: string[];
    props?: Record<string, unknown>;
}

export interface FileUploadResponse {
    file_infos: FileInfo[];
    client_ids?: string[];
}

// A message from /api/v4/websocket. Plugin events are named custom_<plugin id>_<event>.
export interface WebSocketMessage {
    event: string;
    data: Record<string, unknown>;
    broadcast?: {
        channel_id?: string;
        user_id?: string;
        team_id?: string;
    };
    seq?: number;
}
