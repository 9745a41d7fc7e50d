import {useEffect, useMemo, useRef, useState} from 'react';
import {useSelector} from 'react-redux';

import {mine, readKnown, selectKnown, selectKnownEntry} from '../../state/known';
import {selectConversation, selectPosts} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {ConversationSeen} from '../../types/receipts';
import {useConnectIntl} from '../../i18n/intl';
import {useTimeFormat} from '../common/time';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';
import {usePageVisible} from '../workspace/use_page_visible';

import {firstPollMs, newestOwnUnseen, nextPollMs, observe, readersOf, seenNote, type Observed, type SeenNote} from './seen';

// F-85: the "Seen" note of one conversation. Mattermost tells a plugin nothing when someone views
// a channel (its channel_viewed event goes to the viewer's own clients only: server
// channels/app/channel.go MarkChannelsAsViewed), so the page asks the server (GET
// /conversations/{id}/seen): when the conversation opens, when the caller sends, and while the
// caller's newest message is unseen and the page is in front, every 3 s at first and at most
// every 15 s; never when everyone has seen it, receipts are off, or the page is hidden.
export function useSeen(conversationId: string): SeenNote | null {
    const deps = useConnectDeps();
    const {currentUserId} = useConnectEnvironment();
    const intl = useConnectIntl();
    const time = useTimeFormat();
    const conversation = useSelector((state: ConnectRootState) => selectConversation(state, conversationId));
    const posts = useSelector((state: ConnectRootState) => selectPosts(state, conversationId));
    const seen = useSelector((state: ConnectRootState) => selectKnown(state, 'seen', conversationId));
    const visible = usePageVisible();
    // The caller's own switch, and how often it changed (asked again after each change and answer).
    const ownSwitch = useSelector((state: ConnectRootState) => selectKnownEntry(state, 'receipts', mine));
    const switchedOff = ownSwitch?.value?.enabled === false;
    const switchVersion = ownSwitch?.version ?? 0;
    const [observed, setObserved] = useState<Observed>({});
    const previous = useRef<ConversationSeen | undefined>(seen);

    // A reader whose last view moved on while this page was asking was seen doing it now.
    useEffect(() => {
        if (seen && seen !== previous.current) {
            const before = previous.current;
            const at = Date.now();
            setObserved((observedBefore) => observe(observedBefore, before, seen, at));
            previous.current = seen;
        }
    }, [seen]);

    const members = conversation?.members;
    const readers = useMemo(() => readersOf(seen, members ?? [], currentUserId), [seen, members, currentUserId]);
    const order = posts?.order;
    const byId = posts?.byId;
    const {newestOwnId, unseen} = useMemo(
        () => newestOwnUnseen(order ?? [], byId ?? {}, currentUserId, readers),
        [order, byId, currentUserId, readers],
    );
    const enabled = (seen?.enabled ?? true) && !switchedOff;

    // Asks when the conversation opens, whenever the caller's newest message changes, when the
    // page comes to the front and when the caller turns their receipts on or off.
    useEffect(() => {
        if (newestOwnId && visible) {
            readKnown(deps, 'seen', conversationId).catch(() => undefined);
        }
    }, [deps, conversationId, newestOwnId, visible, switchVersion]);

    // Asks again, less and less often, while someone has not seen the newest message.
    const delay = useRef(firstPollMs);
    const [asked, setAsked] = useState(0);
    useEffect(() => {
        delay.current = firstPollMs;
    }, [newestOwnId]);
    useEffect(() => {
        if (!newestOwnId || !unseen || !enabled || !visible) {
            return undefined;
        }
        const timer = setTimeout(() => {
            delay.current = nextPollMs(delay.current);
            readKnown(deps, 'seen', conversationId).catch(() => undefined).finally(() => setAsked((count) => count + 1));
        }, delay.current);
        return () => clearTimeout(timer);
    }, [deps, conversationId, newestOwnId, unseen, enabled, visible, asked]);

    return useMemo(() => {
        if (!conversation || !order || !byId || switchedOff) {
            return null;
        }
        return seenNote(order, byId, currentUserId, readers, conversation.kind === 'direct', observed, intl, time.time);
    }, [conversation, order, byId, currentUserId, readers, observed, switchedOff, intl, time]);
}
