import {useEffect, useRef} from 'react';

import {markRead, type ConnectDeps} from '../../state/operations';
import type {Conversation} from '../../types/connect';

// F-23: a conversation counts as read while its window has focus and shows the newest message.
export function useMarkReadWhileSeen(deps: ConnectDeps, conversation: Conversation | undefined, seen: boolean): void {
    const marking = useRef(false);
    const unread = (conversation?.unread_count ?? 0) + (conversation?.mention_count ?? 0);
    const id = conversation?.id;

    useEffect(() => {
        if (!id || !seen || unread === 0 || marking.current) {
            return;
        }
        marking.current = true;
        markRead(deps, id).catch(() => {
            // Stays unread; the next change tries again.
        }).finally(() => {
            marking.current = false;
        });
    }, [deps, id, seen, unread]);
}
