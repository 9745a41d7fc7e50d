// F-86: where the unread messages of a conversation start: the first message by someone else
// created after the member last viewed it (Mattermost's last_viewed_at, as the conversation list
// carried it before this window marked the conversation read).
import {defineMessages, type IntlShape} from 'react-intl';

const messages = defineMessages({
    newMessages: {id: 'connect.unread.new_messages', defaultMessage: '{count, plural, one {# new message} other {# new messages}}'},
});

import type {Post} from '../../types/mattermost';

export function firstUnreadId(order: string[], byId: Record<string, Post>, userId: string, lastViewedAt: number | null): string | null {
    if (lastViewedAt === null) {
        return null;
    }
    for (const id of order) {
        const post = byId[id];
        if (post && post.create_at > lastViewedAt && post.user_id !== userId) {
            return id;
        }
    }
    return null;
}

// The messages by others after newestSeenId (the newest one the reader had in view).
export function countNewSince(order: string[], byId: Record<string, Post>, userId: string, newestSeenId: string | null): number {
    if (!newestSeenId) {
        return 0;
    }
    const index = order.indexOf(newestSeenId);
    if (index < 0) {
        return 0;
    }
    return order.slice(index + 1).filter((id) => byId[id] && byId[id].user_id !== userId).length;
}

export function newMessagesLabel(intl: IntlShape, count: number): string {
    return intl.formatMessage(messages.newMessages, {count});
}
