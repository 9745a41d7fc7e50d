import {ClientError} from '../client';
import {onDigestChanged} from '../components/bell/digest';
import {onNotificationsChanged} from '../components/bell/preferences';
import {onFollowsChanged} from '../components/follow/follows';
import {pluginId} from '../manifest';
import type {Conversation} from '../types/connect';
import type {Post, Reaction, WebSocketMessage} from '../types/mattermost';

import {conversationClosed, conversationPosted, conversationPostEdited, conversationRead, conversationReceived, postDeleted, postReceived, reactionChanged, statusesReceived, totalsReceived, typingStarted, typingStopped} from './actions';
import {typingKey} from './live';
import {selectConnect} from './selectors';
import {reloadConversation, type ConnectDeps} from './operations';
import type {PresenceTracker} from './presence';
import {typingEnabled, typingExpiryMs, type LiveConfig} from './typing';

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

// Reaction events carry the reaction as a JSON string too.
export function reactionOf(value: unknown): Reaction | undefined {
    if (typeof value !== 'string') {
        return undefined;
    }
    try {
        const reaction: unknown = JSON.parse(value);
        return isRecord(reaction) && typeof reaction.post_id === 'string' && typeof reaction.user_id === 'string' && typeof reaction.emoji_name === 'string' ? reaction as unknown as Reaction : undefined;
    } catch {
        return undefined;
    }
}

function numberOf(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

// Mattermost names the users a post mentions (a DM or GM post mentions every other member) in
// the posted event as a JSON string array.
export function mentionsUser(mentions: unknown, userId: string): boolean {
    if (typeof mentions !== 'string') {
        return false;
    }
    try {
        const ids: unknown = JSON.parse(mentions);
        return Array.isArray(ids) && ids.includes(userId);
    } catch {
        return false;
    }
}

// Only direct and group messages and private channels can be Connect conversations.
const conversationChannelTypes = new Set(['D', 'G', 'P']);

// Asks the server once about a channel that may be a conversation the list does not hold (a new
// DM, a closed conversation, a group the user was added to). Posts arriving meanwhile are
// counted after the answer; channels that are not conversations are remembered as such.
function conversationFinder(deps: ConnectDeps, counted: (post: Post, mentioned: boolean) => void) {
    const notConversations = new Set<string>();
    const waiting = new Map<string, Array<[Post, boolean]>>();
    return async (post: Post, mentioned: boolean) => {
        const channelId = post.channel_id;
        if (notConversations.has(channelId)) {
            return;
        }
        const queued = waiting.get(channelId);
        if (queued) {
            queued.push([post, mentioned]);
            return;
        }
        waiting.set(channelId, []);
        try {
            deps.dispatch(conversationReceived(await deps.client.getConversation(channelId)));
            for (const [later, laterMentioned] of waiting.get(channelId) ?? []) {
                counted(later, laterMentioned);
            }
        } catch (error) {
            if (error instanceof ClientError && (error.status === 404 || error.status === 403)) {
                notConversations.add(channelId);
            }
        } finally {
            waiting.delete(channelId);
        }
    };
}

export interface LiveOptions {
    config: () => LiveConfig;
    presence?: PresenceTracker;
}

// The websocket events the plugin listens to, each turned into actions on its state. The
// conversation list follows Mattermost's own post events; the server sends Connect's events only
// for what those do not say (members, names, closing). Typing and presence follow Mattermost's
// typing, status_change and posted events as actions/websocket_actions.jsx does.
export function webSocketHandlers(deps: ConnectDeps, currentUserId: string, live: LiveOptions = {config: () => ({})}): Record<string, WebSocketHandler> {
    const {dispatch} = deps;
    const conversationOfChannel = (channelId: unknown) => typeof channelId === 'string' ? selectConnect(deps.getState()).conversations.byId[channelId] : undefined;
    const isConversation = (channelId: unknown): channelId is string => Boolean(conversationOfChannel(channelId));
    const counted = (post: Post, mentioned: boolean) => dispatch(conversationPosted(post, post.user_id !== currentUserId, mentioned));
    const findConversation = conversationFinder(deps, counted);
    const onReaction = (value: unknown, broadcastChannelId: string | undefined, added: boolean) => {
        const reaction = reactionOf(value);
        const channelId = reaction?.channel_id || broadcastChannelId;
        if (reaction && channelId) {
            dispatch(reactionChanged(channelId, reaction, added));
        }
    };

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
        [pluginEvent('notifications_changed')]: ({data}) => onNotificationsChanged(deps, data),
        [pluginEvent('digest_changed')]: ({data}) => onDigestChanged(deps, data),
        [pluginEvent('follows_changed')]: ({data}) => onFollowsChanged(deps, data),
        [pluginEvent('unread_totals')]: ({data}) => {
            dispatch(totalsReceived({total_unread: numberOf(data.total_unread), total_mentions: numberOf(data.total_mentions)}));
        },
        posted: ({data}) => {
            const post = postOf(data.post);
            if (!post) {
                return;
            }
            dispatch(postReceived(post));

            // Their message is here: they are no longer typing it (handleNewPostEvent).
            dispatch(typingStopped(typingKey(post.channel_id, post.root_id), post.user_id, Date.now()));
            if (data.set_online === true || data.set_online === 'true') {
                dispatch(statusesReceived({[post.user_id]: 'online'}));
            }
            const mentioned = mentionsUser(data.mentions, currentUserId);
            if (isConversation(post.channel_id)) {
                counted(post, mentioned);
            } else if (typeof data.channel_type === 'string' && conversationChannelTypes.has(data.channel_type) && !post.type?.startsWith('system_')) {
                void findConversation(post, mentioned);
            }
        },
        post_edited: ({data}) => {
            const post = postOf(data.post);
            if (post) {
                dispatch(postReceived(post));
                dispatch(conversationPostEdited(post));
            }
        },
        post_deleted: ({data}) => {
            const post = postOf(data.post);
            if (!post) {
                return;
            }
            dispatch(postDeleted(post));
            if (conversationOfChannel(post.channel_id)?.last_post?.id === post.id) {
                // Only the server knows the post before it.
                reloadConversation(deps, post.channel_id).catch(() => undefined);
            }
        },

        reaction_added: ({data, broadcast}) => onReaction(data.reaction, broadcast?.channel_id, true),
        reaction_removed: ({data, broadcast}) => onReaction(data.reaction, broadcast?.channel_id, false),

        // handleUserTypingEvent: shown until TimeBetweenUserTypingUpdatesMilliseconds pass without
        // another from them. Only other members of a Connect conversation count.
        typing: ({data, broadcast}) => {
            const channelId = broadcast?.channel_id;
            const userId = data.user_id;
            const parentId = typeof data.parent_id === 'string' ? data.parent_id : '';
            const config = live.config();
            if (typeof userId !== 'string' || userId === currentUserId || !typingEnabled(config)) {
                return;
            }
            const conversation = conversationOfChannel(channelId);
            if (!conversation || !conversation.members.some((member) => member.id === userId)) {
                return;
            }
            const key = typingKey(conversation.id, parentId);
            const at = Date.now();
            dispatch(typingStarted(key, userId, at));
            setTimeout(() => dispatch(typingStopped(key, userId, at)), typingExpiryMs(config));
            if (selectConnect(deps.getState()).live.presence[userId] !== 'online') {
                live.presence?.refresh([userId]);
            }
        },

        // Only the user's own status changes arrive (their other clients, a manual change).
        status_change: ({data}) => {
            if (typeof data.user_id === 'string' && typeof data.status === 'string') {
                dispatch(statusesReceived({[data.user_id]: data.status}));
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
