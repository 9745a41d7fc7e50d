import {pluginId} from '../manifest';
import type {Conversation} from '../types/connect';
import type {Post, WebSocketMessage} from '../types/mattermost';

import {conversationClosed, conversationPosted, conversationRead, conversationReceived, postDeleted, postReceived, totalsReceived} from './actions';
import {selectConnect} from './selectors';
import type {ConnectDeps} from './operations';

export type WebSocketHandler = (message: WebSocketMessage) => void;

// Mattermost delivers a plugin's events as custom_<plugin id>_<event>.
export function pluginEvent(event: string): string {
    return `custom_${pluginId}_${event}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function conversationOf(value: unknown): Conversation | undefined {
    return isRecord(value) && typeof value.id === 'string' && Array.isArray(value.members) ? value as unknown as Conversation : undefined;
}

// Core post events carry the post as a JSON string.
export function postOf(value: unknown): Post | undefined {
    if (typeof value !== 'string') {
        return undefined;
    }
    try {
        const post: unknown = JSON.parse(value);
        return isRecord(post) && typeof post.id === 'string' && typeof post.channel_id === 'string' ? post as unknown as Post : undefined;
    } catch {
        return undefined;
    }
}

function numberOf(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

// The websocket events the plugin listens to, each turned into actions on its state.
export function webSocketHandlers(deps: ConnectDeps, currentUserId: string): Record<string, WebSocketHandler> {
    const {dispatch} = deps;
    const isConversation = (channelId: unknown): channelId is string => typeof channelId === 'string' && Boolean(selectConnect(deps.getState()).conversations.byId[channelId]);

    return {
        [pluginEvent('conversation_updated')]: ({data}) => {
            const conversation = conversationOf(data.conversation);
            if (conversation) {
                dispatch(conversationReceived(conversation));
            }
        },
        [pluginEvent('conversation_closed')]: ({data}) => {
            if (typeof data.id === 'string') {
                dispatch(conversationClosed(data.id));
            }
        },
        [pluginEvent('unread_totals')]: ({data}) => {
            dispatch(totalsReceived({total_unread: numberOf(data.total_unread), total_mentions: numberOf(data.total_mentions)}));
        },
        posted: ({data}) => {
            const post = postOf(data.post);
            if (post) {
                dispatch(postReceived(post));
                dispatch(conversationPosted(post, post.user_id !== currentUserId));
            }
        },
        post_edited: ({data}) => {
            const post = postOf(data.post);
            if (post) {
                dispatch(postReceived(post));
            }
        },
        post_deleted: ({data}) => {
            const post = postOf(data.post);
            if (post) {
                dispatch(postDeleted(post));
            }
        },

        // Read in another tab or client.
        channel_viewed: ({data}) => {
            if (isConversation(data.channel_id)) {
                dispatch(conversationRead(data.channel_id));
            }
        },
        multiple_channels_viewed: ({data}) => {
            const channelTimes = isRecord(data.channel_times) ? data.channel_times : {};
            for (const channelId of Object.keys(channelTimes)) {
                if (isConversation(channelId)) {
                    dispatch(conversationRead(channelId));
                }
            }
        },
    };
}
