import React, {useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject} from 'react';
import {useSelector} from 'react-redux';

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
                    title='New conversation'
                    hint='Pick one person for a direct conversation, or more for a group.'
                    submitLabel='Start'
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
                    <h3 className='cc-sidebar-section-title'>{'All conversations'}</h3>
                    {search.searching && <p className='cc-status'>{'Searching…'}</p>}
                    <Alert message={search.error}/>
                    {!search.searching && !search.error && search.results.length === 0 && (
                        <p className='cc-status'>{`No conversations match “${query.trim()}”.`}</p>
                    )}
                    <ul
                        className='cc-list'
                        aria-label='Matching conversations'
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
                            aria-label={mentionsOnly ? 'Conversations that mention you' : 'Open conversations'}
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
    if (loadError) {
        return (
            <div className='cc-empty'>
                <Alert
                    message={`Connect could not load your conversations: ${loadError}`}
                    look='text'
                />
                <button
                    type='button'
                    className='cc-button cc-button--secondary'
                    onClick={onRetry}
                >
                    {'Try again'}
                </button>
            </div>
        );
    }
    if (!loaded) {
        return <p className='cc-status'>{'Loading conversations…'}</p>;
    }
    if (!children) {
        return pickerOpen ? null : (
            <div className='cc-empty'>
                <p>{'No conversations yet. Chat with a colleague about a ticket, a change or anything else.'}</p>
                <button
                    type='button'
                    className='cc-button'
                    onClick={onStart}
                >
                    {'Start a conversation'}
                </button>
            </div>
        );
    }
    return <>{children}</>;
}
