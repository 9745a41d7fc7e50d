import {useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject} from 'react';
import {useSelector} from 'react-redux';

import {selectConversation} from '../../state/selectors';
import type {ConnectRootState, ConnectState} from '../../state/types';
import {useConnectEnvironment} from '../connect_context';

import {countNewSince, firstUnreadId} from './unread';

// Within this distance of the bottom counts as at the bottom (as MessageList counts).
const edgePx = 32;

export interface UnreadMarkers {
    // The message the "New messages" line goes above, for as long as the window shows this
    // conversation; null when it had nothing unread when it opened.
    firstUnreadId: string | null;

    // Messages by others that arrived while the reader was scrolled up.
    newCount: number;

    // Scrolls to the newest message (and so clears newCount).
    jumpToNewest: () => void;
}

// F-86, F-87: where the unread messages start when a conversation opens, and how many arrived
// since while the reader is scrolled up. The starting point is the member's last_viewed_at as
// the conversation list knows it, taken when the window opens, before the window marks the
// conversation read (use_mark_read.ts).
export function useUnreadMarkers(conversationId: string, logRef: RefObject<HTMLDivElement>, posts: ConnectState['posts'][string]): UnreadMarkers {
    const {currentUserId} = useConnectEnvironment();
    const conversation = useSelector((state: ConnectRootState) => selectConversation(state, conversationId));
    const unreadAtOpen = conversation && conversation.unread_count + conversation.mention_count > 0 ? conversation.last_viewed_at : null;
    // Taken once per conversation: when the window opens, or when the list arrives after it (a
    // reload restores the windows before the list is loaded).
    const [opened, setOpened] = useState({id: conversationId, since: unreadAtOpen, known: Boolean(conversation)});
    const current = opened.id === conversationId && (opened.known || !conversation);
    if (!current) {
        setOpened({id: conversationId, since: unreadAtOpen, known: Boolean(conversation)});
    }
    const order = posts?.order ?? [];
    const byId = posts?.byId ?? {};
    const lineBefore = firstUnreadId(order, byId, currentUserId, current ? opened.since : unreadAtOpen);

    const [atBottom, setAtBottom] = useState(true);
    const [newestSeenId, setNewestSeenId] = useState<string | null>(null);
    const positioned = useRef<string | null>(null);
    const lastId = order[order.length - 1] ?? null;

    const measure = useCallback(() => {
        const log = logRef.current;
        if (!log) {
            return;
        }
        const bottom = log.scrollHeight - log.scrollTop - log.clientHeight <= edgePx;
        setAtBottom(bottom);
        if (bottom) {
            setNewestSeenId(lastId);
        }
    }, [logRef, lastId]);

    // Opening shows the line near the top of the view; what is there then counts as seen.
    useLayoutEffect(() => {
        const log = logRef.current;
        if (!log || !posts || positioned.current === conversationId) {
            measure();
            return;
        }
        positioned.current = conversationId;
        setNewestSeenId(lastId);
        const line = log.querySelector<HTMLElement>('[data-unread-line]');
        if (line) {
            log.scrollTop += line.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
        }
        measure();
    }, [logRef, posts, conversationId, lastId, measure]);

    useEffect(() => {
        const log = logRef.current;
        log?.addEventListener('scroll', measure, {passive: true});
        return () => log?.removeEventListener('scroll', measure);
    }, [logRef, measure]);

    const jumpToNewest = useCallback(() => {
        const log = logRef.current;
        if (log) {
            log.scrollTop = log.scrollHeight;
            setNewestSeenId(lastId);
            measure();
        }
    }, [logRef, lastId, measure]);

    return {firstUnreadId: lineBefore, newCount: atBottom ? 0 : countNewSince(order, byId, currentUserId, newestSeenId), jumpToNewest};
}
