// F-85: what "Seen" says under a conversation, from how far each other member has seen it
// (Mattermost's channel member last_viewed_at: when someone views a channel in any client,
// Mattermost sets it to the channel's newest post time, so a message is seen by X exactly when
// X's last_viewed_at >= its create_at; server/channels/store/sqlstore/channel_store.go
// UpdateLastViewedAt).
import {defineMessages, type IntlShape} from 'react-intl';

import type {Member} from '../../types/connect';
import type {Post} from '../../types/mattermost';
import type {ConversationSeen} from '../../types/receipts';

const messages = defineMessages({
    seen: {id: 'connect.seen.seen', defaultMessage: 'Seen'},
    seenAt: {id: 'connect.seen.at', defaultMessage: 'Seen {time}'},
    seenBy: {id: 'connect.seen.by', defaultMessage: 'Seen by {names}'},
    seenByCount: {id: 'connect.seen.by_count', defaultMessage: 'Seen by {count, number}'},
});

export interface SeenNote {
    // The message the note goes under: the caller's newest message someone has seen.
    postId: string;

    // "Seen", "Seen 10:42", "Seen by Bob and Carol", "Seen by 4".
    text: string;

    // Everyone who has seen it, for hover and focus: "Bob Baker, Carol Chen".
    names: string;
}

// When this page first learnt that a reader had seen up to a time: the answer that showed their
// last_viewed_at move on. Mattermost keeps no time of the view itself, so a time is shown only
// for a view this page saw happen (within one poll of it).
export type Observed = Record<string, {lastViewedAt: number; at: number}>;

function isOwnMessage(post: Post, userId: string): boolean {
    return post.user_id === userId && !post.type && !post.props?.override_username;
}


const shortName = (member: Member) => member.display_name.split(' ')[0] || `@${member.username}`;
const fullName = (member: Member) => member.display_name || `@${member.username}`;

// The readers of the answer who are members now (never the caller, never a bot).
export function readersOf(seen: ConversationSeen | undefined, members: Member[], userId: string): Array<{member: Member; lastViewedAt: number}> {
    if (!seen?.enabled) {
        return [];
    }
    const result = [];
    for (const reader of seen.readers) {
        const member = members.find((m) => m.id === reader.user_id);
        if (member && member.id !== userId) {
            result.push({member, lastViewedAt: reader.last_viewed_at});
        }
    }
    return result;
}

// The note under the caller's newest message that someone has seen; null when nobody has seen
// any (or receipts are off). direct: a conversation of two, which says when rather than who.
export function seenNote(order: string[], byId: Record<string, Post>, userId: string, readers: ReturnType<typeof readersOf>, direct: boolean, observed: Observed, intl: IntlShape, formatTime: (ms: number) => string): SeenNote | null {
    if (readers.length === 0) {
        return null;
    }
    for (let index = order.length - 1; index >= 0; index -= 1) {
        const post = byId[order[index]];
        if (!post || !isOwnMessage(post, userId)) {
            continue;
        }
        const seenBy = readers.filter((reader) => reader.lastViewedAt >= post.create_at);
        if (seenBy.length === 0) {
            continue;
        }
        const names = seenBy.map((reader) => fullName(reader.member)).join(', ');
        if (direct) {
            const when = observed[seenBy[0].member.id];
            const live = when && when.lastViewedAt >= post.create_at;
            return {postId: post.id, text: live ? intl.formatMessage(messages.seenAt, {time: formatTime(when.at)}) : intl.formatMessage(messages.seen), names};
        }
        const text = seenBy.length > 3 ?
            intl.formatMessage(messages.seenByCount, {count: seenBy.length}) :
            intl.formatMessage(messages.seenBy, {names: intl.formatList(seenBy.map((reader) => shortName(reader.member)), {type: 'conjunction'})});
        return {postId: post.id, text, names};
    }
    return null;
}

// The caller's newest message, and whether some reader has not seen it yet (then the page asks
// again).
export function newestOwnUnseen(order: string[], byId: Record<string, Post>, userId: string, readers: ReturnType<typeof readersOf>): {newestOwnId: string | undefined; unseen: boolean} {
    for (let index = order.length - 1; index >= 0; index -= 1) {
        const post = byId[order[index]];
        if (post && isOwnMessage(post, userId)) {
            return {newestOwnId: post.id, unseen: readers.some((reader) => reader.lastViewedAt < post.create_at)};
        }
    }
    return {newestOwnId: undefined, unseen: false};
}

// Remembers, per reader, when an answer first showed their last_viewed_at further than before.
export function observe(previous: Observed, before: ConversationSeen | undefined, after: ConversationSeen, now: number): Observed {
    if (!before?.enabled || !after.enabled) {
        return previous;
    }
    let next = previous;
    for (const reader of after.readers) {
        const old = before.readers.find((r) => r.user_id === reader.user_id);
        if (old && reader.last_viewed_at > old.last_viewed_at) {
            next = {...next, [reader.user_id]: {lastViewedAt: reader.last_viewed_at, at: now}};
        }
    }
    return next;
}

// How long the page waits before asking again while a message is unseen: soon after sending,
// then less often (3 s, 4.5 s, 6.75 s, … at most 15 s).
export const firstPollMs = 3000;
export const maxPollMs = 15_000;
export function nextPollMs(previous: number): number {
    return Math.min(Math.round(previous * 1.5), maxPollMs);
}
