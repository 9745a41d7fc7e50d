import React, {useEffect, useId, useRef, useState} from 'react';
import {defineMessages} from 'react-intl';

import {commonMessages} from '../../../i18n/common_messages';
import {useConnectIntl} from '../../../i18n/intl';
import {errorMessage} from '../../../error_message';
import type {Conversation} from '../../../types/connect';
import type {FollowedRecord} from '../../../types/follow';
import type {ConversationRecord, ConversationRecords, SharedLink} from '../../../types/workspace';
import {Alert} from '../../common/Alert';
import {useNow, useTimeFormat} from '../../common/time';
import {useConnectEnvironment} from '../../connect_context';
import {safeLink} from '../../conversation/attachments';
import {FollowButton} from '../../follow/FollowButton';
import {SwarmButton} from '../../swarm/SwarmButton';

import {PersonName, useLearnPeople} from './people';
import {newestFirst, recordStatusWords} from './record_status';

const messages = defineMessages({
    priority: {id: 'connect.info.record.priority', defaultMessage: 'Priority {priority}'},
    mentions: {id: 'connect.info.record.mentions', defaultMessage: '{count, plural, one {# mention} other {# mentions}} · '},
    assignedTo: {id: 'connect.info.record.assigned_to', defaultMessage: 'Assigned to {name}'},
    alsoIn: {id: 'connect.info.record.also_in', defaultMessage: 'Also discussed in:'},
    aConversation: {id: 'connect.info.record.a_conversation', defaultMessage: 'a conversation'},
    followedTitle: {id: 'connect.info.followed.title', defaultMessage: 'Record conversation'},
    followedNote: {id: 'connect.info.followed.note', defaultMessage: 'Its followers are its members. Updates from ServiceNow arrive here.'},
    loading: {id: 'connect.info.loading', defaultMessage: 'Loading records and links…'},
    loadFailed: {id: 'connect.info.load_failed', defaultMessage: 'Could not load the records and links: {reason}'},
    noAnswer: {id: 'connect.info.no_answer', defaultMessage: 'no answer'},
    refreshFailed: {id: 'connect.info.refresh_failed', defaultMessage: 'Could not refresh the records: {reason}'},
    recordsTitle: {id: 'connect.info.records.title', defaultMessage: 'Records mentioned here'},
    recordsEmpty: {id: 'connect.info.records.empty', defaultMessage: 'No records mentioned yet. Ticket numbers like INC0010001 in messages show up here.'},
    linksTitle: {id: 'connect.info.links.title', defaultMessage: 'Links shared here'},
    linksEmpty: {id: 'connect.info.links.empty', defaultMessage: 'No links shared yet. Web links in messages show up here.'},
    scanned: {id: 'connect.info.scanned', defaultMessage: 'Only the latest {count, number} messages were looked through.'},
    notScanned: {id: 'connect.info.not_scanned', defaultMessage: 'Older messages were not looked through.'},
});

// A new message may mention a record: the records are read again, at most this often.
export const recordsRefreshMinMs = 1000;

interface Props {
    conversation: Conversation;
    onOpenConversation: (id: string) => void;
}

interface Loaded {
    answer: ConversationRecords | null;
    error: string | null;
    loading: boolean;
}

// The conversation's records and links, read when shown and again (at most once a second) when
// its last post changes. A later answer never gives way to an earlier one.
function useConversationRecords(conversationId: string, lastPostId: string) {
    const {client} = useConnectEnvironment();
    const [loaded, setLoaded] = useState<Loaded>({answer: null, error: null, loading: true});
    const [attempt, setAttempt] = useState(0);
    const lastStart = useRef(Number.NEGATIVE_INFINITY);
    const started = useRef(0);
    const applied = useRef(0);
    const mounted = useRef(true);

    useEffect(() => {
        mounted.current = true;
        return () => {
            mounted.current = false;
        };
    }, []);

    useEffect(() => {
        const read = () => {
            lastStart.current = Date.now();
            started.current += 1;
            const request = started.current;
            const settle = (next: (current: Loaded) => Loaded) => {
                if (mounted.current && request > applied.current) {
                    applied.current = request;
                    setLoaded(next);
                }
            };
            client.getConversationRecords(conversationId).then(
                (answer) => settle(() => ({answer: answer ?? {}, error: null, loading: false})),
                (error: unknown) => settle((current) => ({answer: current.answer, error: errorMessage(error), loading: false})),
            );
        };
        const wait = lastStart.current + recordsRefreshMinMs - Date.now();
        if (wait <= 0) {
            read();
            return undefined;
        }
        const timer = setTimeout(read, wait);
        return () => clearTimeout(timer);
    }, [client, conversationId, lastPostId, attempt]);

    const retry = () => {
        setLoaded((current) => ({...current, error: null, loading: true}));
        setAttempt((count) => count + 1);
    };
    return {...loaded, retry};
}

function TimeAgo({ms, now}: {ms: number; now: number}) {
    const time = useTimeFormat();
    return (
        <time
            dateTime={new Date(ms).toISOString()}
            title={time.full(ms)}
        >
            {time.short(ms, now)}
        </time>
    );
}

// The record's number, a link to it in ServiceNow when its address is a web one.
function RecordNumber({number, url}: {number: string; url: string}) {
    const link = safeLink(url);
    if (!link) {
        return <span className='cc-tools-record-number'>{number}</span>;
    }
    return (
        <a
            className='cc-tools-record-number'
            href={link}
            target='_blank'
            rel='noopener noreferrer'
        >
            {number}
        </a>
    );
}

function RecordItem({record, now, onOpenConversation}: {record: ConversationRecord; now: number; onOpenConversation: (id: string) => void}) {
    const card = record.card;
    const intl = useConnectIntl();
    const words = recordStatusWords(intl, record);
    const stateAndPriority = [card?.state, card?.priority ? intl.formatMessage(messages.priority, {priority: card.priority}) : ''].filter(Boolean).join(' · ');
    const alsoIn = (record.also_in ?? []).filter((other) => other.id);
    const mentions = record.mentions ?? 0;
    return (
        <li className='cc-tools-record'>
            <p className='cc-tools-record-head'>
                <RecordNumber
                    number={record.number}
                    url={record.url}
                />
                {record.last_mentioned_at ? (
                    <span className='cc-tools-meta'>
                        {mentions > 1 ? intl.formatMessage(messages.mentions, {count: mentions}) : ''}
                        <TimeAgo
                            ms={record.last_mentioned_at}
                            now={now}
                        />
                    </span>
                ) : null}
            </p>
            {words === null ? (
                <>
                    {card?.short_description && <p className='cc-tools-record-description'>{card.short_description}</p>}
                    {stateAndPriority && <p className='cc-tools-record-state'>{stateAndPriority}</p>}
                    {card?.assigned_to && <p className='cc-tools-meta'>{intl.formatMessage(messages.assignedTo, {name: card.assigned_to})}</p>}
                </>
            ) : (
                <p className={`cc-tools-record-status cc-tools-record-status--${card?.status ?? 'unknown'}`}>{words}</p>
            )}
            {words === null && card?.status === 'found' && (
                <FollowButton record={{table: record.table, number: record.number}}/>
            )}
            {words === null && card?.status === 'found' && record.sys_id && (
                <SwarmButton record={{table: record.table, number: record.number, sys_id: record.sys_id}}/>
            )}
            {alsoIn.length > 0 && (
                <p className='cc-tools-also-in'>
                    {`${intl.formatMessage(messages.alsoIn)} `}
                    {alsoIn.map((other, index) => (
                        <React.Fragment key={other.id}>
                            {index > 0 && ', '}
                            <button
                                type='button'
                                className='cc-tools-link-button'
                                onClick={() => onOpenConversation(other.id)}
                            >
                                {other.name || intl.formatMessage(messages.aConversation)}
                            </button>
                        </React.Fragment>
                    ))}
                </p>
            )}
        </li>
    );
}

function LinkItem({link, now}: {link: SharedLink; now: number}) {
    const href = safeLink(link.url);
    return (
        <li className='cc-tools-shared-link'>
            {href ? (
                <a
                    className='cc-tools-url'
                    href={href}
                    target='_blank'
                    rel='noopener noreferrer'
                >
                    {link.url}
                </a>
            ) : (
                <span className='cc-tools-url'>{link.url}</span>
            )}
            <span className='cc-tools-meta'>
                <PersonName userId={link.user_id}/>
                {link.create_at ? (
                    <>
                        {' · '}
                        <TimeAgo
                            ms={link.create_at}
                            now={now}
                        />
                    </>
                ) : null}
            </span>
        </li>
    );
}

// A record conversation's record: what it is about, and following it (its members are its followers).
function FollowedRecordSection({record}: {record: FollowedRecord}) {
    const headingId = useId();
    const intl = useConnectIntl();
    return (
        <section
            className='cc-tools-section cc-tools-followed'
            aria-labelledby={headingId}
        >
            <h3
                id={headingId}
                className='cc-tools-heading'
            >
                {intl.formatMessage(messages.followedTitle)}
            </h3>
            <p className='cc-tools-record-head'>
                <RecordNumber
                    number={record.number}
                    url={record.url}
                />
            </p>
            {record.short_description && <p className='cc-tools-record-description'>{record.short_description}</p>}
            <p className='cc-tools-meta'>{intl.formatMessage(messages.followedNote)}</p>
            <FollowButton record={record}/>
            <SwarmButton record={record}/>
        </section>
    );
}

// F-31 Info: the ServiceNow records this conversation mentions (with where else they are being
// discussed) and the links shared in it.
export function InfoTab({conversation, onOpenConversation}: Props) {
    const recordsHeadingId = useId();
    const linksHeadingId = useId();
    const intl = useConnectIntl();
    const now = useNow();
    const {answer, error, loading, retry} = useConversationRecords(conversation.id, conversation.last_post?.id ?? '');
    const records = newestFirst((answer?.records ?? []).filter((record) => record?.number), (record) => record.last_mentioned_at);
    const links = newestFirst((answer?.links ?? []).filter((link) => link?.url), (link) => link.create_at);
    useLearnPeople(links.map((link) => link.user_id ?? ''));

    if (!answer) {
        if (loading) {
            return <p className='cc-status'>{intl.formatMessage(messages.loading)}</p>;
        }
        return (
            <div className='cc-tools-failure'>
                <Alert message={intl.formatMessage(messages.loadFailed, {reason: error ?? intl.formatMessage(messages.noAnswer)})}/>
                <button
                    type='button'
                    className='cc-button cc-button--secondary'
                    onClick={retry}
                >
                    {intl.formatMessage(commonMessages.tryAgain)}
                </button>
            </div>
        );
    }

    return (
        <div className='cc-tools-info'>
            <Alert
                message={error ? intl.formatMessage(messages.refreshFailed, {reason: error}) : null}
                announce={false}
            />
            {conversation.record && <FollowedRecordSection record={conversation.record}/>}
            <section
                className='cc-tools-section'
                aria-labelledby={recordsHeadingId}
            >
                <h3
                    id={recordsHeadingId}
                    className='cc-tools-heading'
                >
                    {intl.formatMessage(messages.recordsTitle)}
                </h3>
                {records.length === 0 ? (
                    <p className='cc-tools-empty'>{intl.formatMessage(messages.recordsEmpty)}</p>
                ) : (
                    <ul
                        className='cc-tools-list'
                        aria-labelledby={recordsHeadingId}
                    >
                        {records.map((record) => (
                            <RecordItem
                                key={`${record.table}:${record.number}`}
                                record={record}
                                now={now}
                                onOpenConversation={onOpenConversation}
                            />
                        ))}
                    </ul>
                )}
            </section>
            <section
                className='cc-tools-section'
                aria-labelledby={linksHeadingId}
            >
                <h3
                    id={linksHeadingId}
                    className='cc-tools-heading'
                >
                    {intl.formatMessage(messages.linksTitle)}
                </h3>
                {links.length === 0 ? (
                    <p className='cc-tools-empty'>{intl.formatMessage(messages.linksEmpty)}</p>
                ) : (
                    <ul
                        className='cc-tools-list'
                        aria-labelledby={linksHeadingId}
                    >
                        {links.map((link, index) => (
                            <LinkItem
                                key={`${link.post_id ?? ''}:${link.url}:${index}`}
                                link={link}
                                now={now}
                            />
                        ))}
                    </ul>
                )}
            </section>
            {answer.complete === false && (
                <p className='cc-tools-note'>
                    {answer.scanned_posts ? intl.formatMessage(messages.scanned, {count: answer.scanned_posts}) : intl.formatMessage(messages.notScanned)}
                </p>
            )}
        </div>
    );
}
