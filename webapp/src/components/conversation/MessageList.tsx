import React, {useCallback, useEffect, useLayoutEffect, useRef, useState} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import {loadLatestPosts, loadOlderPosts} from '../../state/operations';
import {selectPosts} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Post} from '../../types/mattermost';
import {Alert} from '../common/Alert';
import {useNow, useTimeFormat} from '../common/time';
import {useConnectDeps} from '../connect_context';

import {isSystemMessage} from './attachments';
import {Message} from './Message';
import type {RecordSelection} from './use_record_selection';
import {SeenNote} from './SeenNote';
import {JumpToNewest, NewMessagesLine} from './UnreadMarkers';
import {useSeen} from './use_seen';
import {useUnreadMarkers} from './use_unread_markers';

interface Props {
    conversationId: string;
    conversationName: string;

    // Called with true when the newest message is in view, false when scrolled away from it.
    onAtBottomChange: (atBottom: boolean) => void;

    // Changes whenever the user sent something: the list scrolls down to it.
    sentCount: number;

    // The message being edited in place, and how editing starts and ends.
    editingId: string | null;
    onEdit: (postId: string) => void;
    onEditEnd: () => void;

    // Picking messages to save to a record.
    selection?: RecordSelection;
}

const messages = defineMessages({
    log: {id: 'connect.messages.label', defaultMessage: 'Messages in {name}'},
    start: {id: 'connect.messages.start', defaultMessage: 'This is the start of the conversation.'},
    loadingOlder: {id: 'connect.messages.loading_older', defaultMessage: 'Loading older messages…'},
    loadOlder: {id: 'connect.messages.load_older', defaultMessage: 'Load older messages'},
    loading: {id: 'connect.messages.loading', defaultMessage: 'Loading messages…'},
    failed: {id: 'connect.messages.load_failed', defaultMessage: 'Messages could not load: {reason}'},
});

// Within this distance of an end counts as at that end.
const edgePx = 32;

// Messages by the same author within five minutes share one header.
const continuationMs = 5 * 60_000;

function continues(previous: Post | undefined, post: Post): boolean {
    if (!previous || isSystemMessage(previous)) {
        return false;
    }
    return previous.user_id === post.user_id && post.create_at - previous.create_at < continuationMs;
}

function DaySeparator({at}: {at: number}) {
    const now = useNow();
    const time = useTimeFormat();
    return (
        <div
            className='cc-day'
            role='separator'
            aria-label={time.day(at, now)}
        >
            <time
                dateTime={new Date(at).toISOString().slice(0, 10)}
                title={time.full(at)}
            >
                {time.day(at, now)}
            </time>
        </div>
    );
}

// The conversation area (F-20, F-23): a live log that keeps to the newest message while the user
// is there, keeps its place when older messages load above, and loads them at the top.
export function MessageList({conversationId, conversationName, onAtBottomChange, sentCount, editingId, onEdit, onEditEnd, selection}: Props) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const time = useTimeFormat();
    const posts = useSelector((state: ConnectRootState) => selectPosts(state, conversationId));
    const [loadingOlder, setLoadingOlder] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const logRef = useRef<HTMLDivElement>(null);
    const atBottomRef = useRef(true);
    const previousRef = useRef<{firstId?: string; scrollHeight: number}>({scrollHeight: 0});

    // Loading the latest messages again (after a reconnect dropped them) starts without a failure.
    const [hadPosts, setHadPosts] = useState(Boolean(posts));
    if (hadPosts !== Boolean(posts)) {
        setHadPosts(Boolean(posts));
        if (!posts) {
            setFailure(null);
        }
    }

    useEffect(() => {
        if (!posts) {
            loadLatestPosts(deps, conversationId).catch((error: unknown) => setFailure(errorMessage(error)));
        }
    }, [deps, conversationId, posts]);

    const loadOlder = useCallback(() => {
        if (loadingOlder || !posts || posts.reachedStart) {
            return;
        }
        setLoadingOlder(true);
        setFailure(null);
        loadOlderPosts(deps, conversationId).then(
            () => setLoadingOlder(false),
            (error: unknown) => {
                setFailure(errorMessage(error));
                setLoadingOlder(false);
            },
        );
    }, [deps, conversationId, loadingOlder, posts]);

    const reportPosition = useCallback(() => {
        const log = logRef.current;
        if (!log) {
            return;
        }
        const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight <= edgePx;
        if (atBottom !== atBottomRef.current) {
            atBottomRef.current = atBottom;
            onAtBottomChange(atBottom);
        }
    }, [onAtBottomChange]);

    // New messages keep a reader at the bottom there; older ones loaded above keep the reader's place.
    useLayoutEffect(() => {
        const log = logRef.current;
        if (!log) {
            return;
        }
        const firstId = posts?.order[0];
        const previous = previousRef.current;
        if (previous.firstId && firstId !== previous.firstId && !atBottomRef.current) {
            log.scrollTop += log.scrollHeight - previous.scrollHeight;
        } else if (atBottomRef.current) {
            log.scrollTop = log.scrollHeight;
        }
        previousRef.current = {firstId, scrollHeight: log.scrollHeight};
        reportPosition();
    }, [posts, reportPosition]);

    useLayoutEffect(() => {
        const log = logRef.current;
        if (log && sentCount > 0) {
            log.scrollTop = log.scrollHeight;
            reportPosition();
        }
    }, [sentCount, reportPosition]);

    const markers = useUnreadMarkers(conversationId, logRef, posts);
    const seen = useSeen(conversationId);

    const onScroll = () => {
        reportPosition();
        if (logRef.current && logRef.current.scrollTop <= edgePx) {
            loadOlder();
        }
    };

    const order = posts?.order ?? [];
    const byId = posts?.byId ?? {};
    return (
        <div
            ref={logRef}
            className='cc-log'
            role='log'
            aria-live='polite'
            aria-label={intl.formatMessage(messages.log, {name: conversationName})}
            tabIndex={0}
            onScroll={onScroll}
        >
            {posts?.reachedStart && <p className='cc-log-start'>{intl.formatMessage(messages.start)}</p>}
            {posts && !posts.reachedStart && (
                <button
                    type='button'
                    className='cc-load-older'
                    disabled={loadingOlder}
                    onClick={loadOlder}
                >
                    {intl.formatMessage(loadingOlder ? messages.loadingOlder : messages.loadOlder)}
                </button>
            )}
            {!posts && !failure && <p className='cc-log-start'>{intl.formatMessage(messages.loading)}</p>}
            {failure && (
                <Alert
                    message={intl.formatMessage(messages.failed, {reason: failure})}
                    announce={false}
                />
            )}
            {order.map((id, index) => {
                const previous = byId[order[index - 1]];
                const post = byId[id];
                const newDay = !previous || time.dayOf(previous.create_at) !== time.dayOf(post.create_at);
                return (
                    <React.Fragment key={id}>
                        {newDay && <DaySeparator at={post.create_at}/>}
                        {id === markers.firstUnreadId && <NewMessagesLine/>}
                        <Message
                            post={post}
                            continued={!newDay && continues(previous, post)}
                            editing={id === editingId}
                            onEdit={onEdit}
                            onEditEnd={onEditEnd}
                            selecting={selection?.selecting}
                            picked={selection?.selecting ? selection.isPicked(id) : false}
                            onPick={selection?.toggle}
                            onAddToRecord={selection?.start}
                        />
                        {id === seen?.postId && <SeenNote note={seen}/>}
                    </React.Fragment>
                );
            })}
            <JumpToNewest
                count={markers.newCount}
                onJump={markers.jumpToNewest}
            />
        </div>
    );
}
