import {defineMessages, type IntlShape} from 'react-intl';
import {useCallback, useMemo, useState} from 'react';

const messages = defineMessages({
    toEnd: {id: 'connect.save.picked_to_end', defaultMessage: 'From the first ticked message to the end'},
    picked: {id: 'connect.save.picked', defaultMessage: '{count, plural, one {# message picked} other {# messages picked}}'},
});

// Picking messages of a conversation to save to a record (issue 24, item 3): "Add to record…"
// on a message starts with it ticked; a click ticks or unticks another, a Shift-click ticks the
// range from the last one ticked; "From here to the end" takes the earliest ticked message and
// every later one (the server reads them, so messages not loaded here count too).
export interface RecordSelection {
    selecting: boolean;

    // The ticked messages; with fromPostId, every message from it on.
    picked: ReadonlySet<string>;
    fromPostId: string | null;
    start: (postId: string) => void;
    toggle: (postId: string, range: boolean) => void;
    fromHere: () => void;
    cancel: () => void;

    // Whether a message shows ticked: picked, or at or after fromPostId.
    isPicked: (postId: string) => boolean;
}

// order is the conversation's loaded messages, oldest first.
export function useRecordSelection(order: readonly string[]): RecordSelection {
    const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
    const [anchor, setAnchor] = useState<string | null>(null);
    const [fromPostId, setFromPostId] = useState<string | null>(null);

    const start = useCallback((postId: string) => {
        setPicked(new Set([postId]));
        setAnchor(postId);
        setFromPostId(null);
    }, []);

    const toggle = useCallback((postId: string, range: boolean) => {
        setFromPostId(null);
        setPicked((current) => {
            const next = new Set(current ?? []);
            const from = anchor ? order.indexOf(anchor) : -1;
            const to = order.indexOf(postId);
            if (range && from >= 0 && to >= 0) {
                for (const id of order.slice(Math.min(from, to), Math.max(from, to) + 1)) {
                    next.add(id);
                }
            } else if (next.has(postId)) {
                next.delete(postId);
            } else {
                next.add(postId);
            }
            return next;
        });
        setAnchor(postId);
    }, [anchor, order]);

    const fromHere = useCallback(() => {
        const earliest = order.find((id) => picked?.has(id));
        if (earliest) {
            setFromPostId(earliest);
        }
    }, [order, picked]);

    const cancel = useCallback(() => {
        setPicked(null);
        setAnchor(null);
        setFromPostId(null);
    }, []);

    const fromIndex = fromPostId ? order.indexOf(fromPostId) : -1;
    const isPicked = useCallback((postId: string) => {
        if (fromIndex >= 0 && order.indexOf(postId) >= fromIndex) {
            return true;
        }
        return Boolean(picked?.has(postId));
    }, [fromIndex, order, picked]);

    return useMemo(() => ({
        selecting: picked !== null,
        picked: picked ?? new Set<string>(),
        fromPostId,
        start,
        toggle,
        fromHere,
        cancel,
        isPicked,
    }), [picked, fromPostId, start, toggle, fromHere, cancel, isPicked]);
}

// What a save sends for the selection: the messages from one on, or the ticked ones in order.
export function pickedMessages(selection: Pick<RecordSelection, 'picked' | 'fromPostId'>, order: readonly string[]): {post_ids: string[]} | {from_post_id: string} {
    if (selection.fromPostId) {
        return {from_post_id: selection.fromPostId};
    }
    return {post_ids: order.filter((id) => selection.picked.has(id))};
}

// "3 messages picked", "From the first ticked message to the end".
export function pickedLabel(intl: IntlShape, selection: Pick<RecordSelection, 'picked' | 'fromPostId'>): string {
    if (selection.fromPostId) {
        return intl.formatMessage(messages.toEnd);
    }
    return intl.formatMessage(messages.picked, {count: selection.picked.size});
}
