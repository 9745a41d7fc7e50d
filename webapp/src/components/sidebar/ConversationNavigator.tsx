import React, {useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import {closeConversation, loadConversations, sendMessage, startConversation} from '../../state/operations';
import {selectConversationsById, selectConversationsError, selectConversationsLoaded, selectOpenConversationIds, selectTotalUnread} from '../../state/selectors';
import type {Conversation, StaffPerson} from '../../types/connect';
import {Alert} from '../common/Alert';
import {useNow} from '../common/time';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';
import {PeoplePicker} from '../people_picker/PeoplePicker';
import {MessageSearch} from '../search/MessageSearch';

import {ConversationFilter} from './ConversationFilter';
import {ConversationRow} from './ConversationRow';
import {MentionsToggle, NoMentions, mentionedIds} from './MentionsFilter';
import {SidebarHeader} from './SidebarHeader';
import {useConversationSearch} from './use_conversation_search';

const messages = defineMessages({
    newTitle: {id: 'connect.sidebar.new.title', defaultMessage: 'New conversation'},
    newHint: {id: 'connect.sidebar.new.hint', defaultMessage: 'Pick one person for a direct conversation, or more for a group.'},
    newSubmit: {id: 'connect.sidebar.new.submit', defaultMessage: 'Start'},
    allTitle: {id: 'connect.sidebar.search.title', defaultMessage: 'All conversations'},
    noMatch: {id: 'connect.sidebar.search.no_match', defaultMessage: 'No conversations match “{query}”.'},
    matching: {id: 'connect.sidebar.search.results_label', defaultMessage: 'Matching conversations'},
    mentioningYou: {id: 'connect.sidebar.list.mentions_label', defaultMessage: 'Conversations that mention you'},
    open: {id: 'connect.sidebar.list.label', defaultMessage: 'Open conversations'},
    loadFailed: {id: 'connect.sidebar.load_failed', defaultMessage: 'Connect could not load your conversations: {reason}'},
    loadingList: {id: 'connect.sidebar.loading', defaultMessage: 'Loading conversations…'},
    empty: {id: 'connect.sidebar.empty', defaultMessage: 'No conversations yet. Chat with a colleague about a ticket, a change or anything else.'},
    startOne: {id: 'connect.sidebar.empty.start', defaultMessage: 'Start a conversation'},
});

interface Props {
    regionRef?: RefObject<HTMLElement>;
    label: string;

    // What choosing a conversation does: a mini window in the sidebar, the pane in the workspace.
    onOpen: (conversation: Conversation) => Promise<void>;

    // The conversation shown beside the list (the workspace's), marked as current.
    selectedId?: string | null;
    onOpenStandalone?: () => void;
    onCollapse?: () => void;
    className?: string;
}

// The conversation list with everything around it: the filter that searches closed ones too,
// starting a conversation, closing one, dropping a record on one. The sidebar and the workspace
// both show it.
// Up and Down move between the rows, as in Mattermost's channel list.
function moveThroughRows(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
        return;
    }
    const rows = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('.cc-row-main'));
    const index = rows.findIndex((row) => row === document.activeElement);
    if (index < 0) {
        return;
    }
    event.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

export function ConversationNavigator({regionRef: givenRef, label, onOpen, selectedId, onOpenStandalone, onCollapse, className}: Props) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const {siteURL, currentUserId} = useConnectEnvironment();
    const openIds = useSelector(selectOpenConversationIds);
    const byId = useSelector(selectConversationsById);
    const loaded = useSelector(selectConversationsLoaded);
    const loadError = useSelector(selectConversationsError);
    const totalUnread = useSelector(selectTotalUnread);
    const [pickerOpen, setPickerOpen] = useState(false);
    const [query, setQuery] = useState('');
    const [mentionsOnly, setMentionsOnly] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const search = useConversationSearch(deps, query);
    const now = useNow();
    const ownRef = useRef<HTMLElement>(null);
    const regionRef = givenRef ?? ownRef;
    const listRef = useRef<HTMLUListElement>(null);
    const newButtonRef = useRef<HTMLButtonElement>(null);

    // Opening the sidebar puts the cursor in its filter, ready to find a conversation.
    useEffect(() => {
        regionRef.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    }, [regionRef]);

    const run = useCallback((operation: () => Promise<unknown>) => {
        setFailure(null);
        operation().catch((error: unknown) => setFailure(errorMessage(error)));
    }, []);

    // Stable callbacks, so that choosing a conversation re-renders two rows, not every row.
    const open = useCallback((conversation: Conversation) => run(() => onOpen(conversation)), [run, onOpen]);

    const openSearchResult = (conversation: Conversation) => run(async () => {
        await onOpen(conversation);
        setQuery('');
    });

    // Focus goes to the row that takes the closed one's place, or the filter when none is left.
    const close = useCallback((conversation: Conversation) => run(async () => {
        const list = listRef.current;
        const region = list?.closest('section');
        const rows = Array.from(list?.querySelectorAll<HTMLElement>('[data-conversation-row-id]') ?? []);
        const index = rows.findIndex((row) => row.dataset.conversationRowId === conversation.id);
        await closeConversation(deps, conversation.id);
        requestAnimationFrame(() => {
            const left = region?.querySelectorAll<HTMLButtonElement>('.cc-list .cc-row-main');
            const next = left?.[Math.min(Math.max(index, 0), left.length - 1)];
            (next ?? region?.querySelector<HTMLInputElement>('input[type="search"]'))?.focus();
        });
    }), [run, deps]);

    // A record dropped on a row is shared there, and its window shows the card coming in.
    const dropRecord = useCallback((conversation: Conversation, text: string) => run(async () => {
        await sendMessage(deps, conversation.id, text);
        await onOpen(conversation);
    }), [run, deps, onOpen]);

    const start = async (people: StaffPerson[]) => {
        await onOpen(await startConversation(deps, people.map((person) => person.id)));
        setPickerOpen(false);
    };

    const rowProps = {siteURL, currentUserId, now, selectedId};

    const filtering = query.trim() !== '';
    const mentioned = mentionedIds(openIds, byId);
    const shownIds = mentionsOnly ? mentioned : openIds;

    return (
        <section
            ref={regionRef}
            className={['cc-sidebar', className ?? ''].filter(Boolean).join(' ')}
            aria-label={label}
        >
            <SidebarHeader
                newButtonRef={newButtonRef}
                totalUnread={totalUnread}
                pickerOpen={pickerOpen}
                onNewConversation={() => setPickerOpen((shown) => !shown)}
                onOpenStandalone={onOpenStandalone}
                onCollapse={onCollapse}
            />
            {pickerOpen && (
                <PeoplePicker
                    title={intl.formatMessage(messages.newTitle)}
                    hint={intl.formatMessage(messages.newHint)}
                    submitLabel={intl.formatMessage(messages.newSubmit)}
                    onSubmit={start}
                    onCancel={() => {
                        setPickerOpen(false);
                        newButtonRef.current?.focus();
                    }}
                />
            )}
            <MessageSearch onOpen={onOpen}/>
            <ConversationFilter
                query={query}
                onChange={setQuery}
            />
            <MentionsToggle
                pressed={mentionsOnly}
                count={mentioned.length}
                onChange={setMentionsOnly}
            />
            <Alert message={failure}/>
            {filtering ? (
                <>
                    <h3 className='cc-sidebar-section-title'>{intl.formatMessage(messages.allTitle)}</h3>
                    {search.searching && <p className='cc-status'>{intl.formatMessage(commonMessages.searching)}</p>}
                    <Alert message={search.error}/>
                    {!search.searching && !search.error && search.results.length === 0 && (
                        <p className='cc-status'>{intl.formatMessage(messages.noMatch, {query: query.trim()})}</p>
                    )}
                    <ul
                        className='cc-list'
                        aria-label={intl.formatMessage(messages.matching)}
                    >
                        {search.results.map((conversation) => (
                            <ConversationRow
                                key={conversation.id}
                                conversation={conversation}
                                {...rowProps}
                                onOpen={openSearchResult}
                            />
                        ))}
                    </ul>
                </>
            ) : (
                <OpenConversations
                    loaded={loaded}
                    loadError={loadError}
                    pickerOpen={pickerOpen}
                    onRetry={() => void loadConversations(deps)}
                    onStart={() => setPickerOpen(true)}
                >
                    {openIds.length > 0 && (mentionsOnly && mentioned.length === 0 ? <NoMentions/> : (
                        <ul
                            ref={listRef}
                            className='cc-list'
                            aria-label={intl.formatMessage(mentionsOnly ? messages.mentioningYou : messages.open)}
                            onKeyDown={moveThroughRows}
                        >
                            {shownIds.map((id) => byId[id]).filter(Boolean).map((conversation) => (
                                <ConversationRow
                                    key={conversation.id}
                                    conversation={conversation}
                                    {...rowProps}
                                    onOpen={open}
                                    onClose={close}
                                    onDropRecord={dropRecord}
                                />
                            ))}
                        </ul>
                    ))}
                </OpenConversations>
            )}
        </section>
    );
}

interface OpenConversationsProps {
    loaded: boolean;
    loadError: string | null;
    pickerOpen: boolean;
    onRetry: () => void;
    onStart: () => void;
    children: React.ReactNode;
}

function OpenConversations({loaded, loadError, pickerOpen, onRetry, onStart, children}: OpenConversationsProps) {
    const intl = useConnectIntl();
    if (loadError) {
        return (
            <div className='cc-empty'>
                <Alert
                    message={intl.formatMessage(messages.loadFailed, {reason: loadError})}
                    look='text'
                />
                <button
                    type='button'
                    className='cc-button cc-button--secondary'
                    onClick={onRetry}
                >
                    {intl.formatMessage(commonMessages.tryAgain)}
                </button>
            </div>
        );
    }
    if (!loaded) {
        return <p className='cc-status'>{intl.formatMessage(messages.loadingList)}</p>;
    }
    if (!children) {
        return pickerOpen ? null : (
            <div className='cc-empty'>
                <p>{intl.formatMessage(messages.empty)}</p>
                <button
                    type='button'
                    className='cc-button'
                    onClick={onStart}
                >
                    {intl.formatMessage(messages.startOne)}
                </button>
            </div>
        );
    }
    return <>{children}</>;
}
