import React, {useId, useRef, useState, type FormEvent, type KeyboardEvent} from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import type {Conversation} from '../../types/connect';
import type {MessageSearchGroup, MessageSearchMatch, MessageSearchResults} from '../../types/wire.generated';
import {Alert} from '../common/Alert';
import {IconButton} from '../common/IconButton';
import {SearchIcon} from '../common/icons';
import {useTimeFormat} from '../common/time';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';
import {plainText} from '../message_text/plain_text';

import {highlighted} from './highlight';
import {loadUntil, showMessage} from './reveal';

interface Props {
    // Opens a conversation: a mini window from the sidebar, the pane in the workspace.
    onOpen: (conversation: Conversation) => Promise<void>;
}

const messages = defineMessages({
    you: {id: 'connect.search.you', defaultMessage: 'You'},
    someone: {id: 'connect.search.someone', defaultMessage: 'Someone'},
    noMatch: {id: 'connect.search.no_match', defaultMessage: 'No messages match "{terms}".'},
    summary: {id: 'connect.search.summary', defaultMessage: '{messages, plural, one {# message} other {# messages}} in {conversations, plural, one {# conversation} other {# conversations}}.'},
    gone: {id: 'connect.search.gone', defaultMessage: 'That message is no longer in the conversation.'},
    search: {id: 'connect.search.label', defaultMessage: 'Search messages'},
    placeholder: {id: 'connect.search.placeholder', defaultMessage: 'Search messages (from:, in:)'},
    close: {id: 'connect.search.close', defaultMessage: 'Close message search'},
    pressEnter: {id: 'connect.search.press_enter', defaultMessage: 'Press Enter to search.'},
    results: {id: 'connect.search.results', defaultMessage: 'Search results'},
});

function authorOf(intl: IntlShape, group: MessageSearchGroup, match: MessageSearchMatch, currentUserId: string): string {
    if (match.user_id === currentUserId) {
        return intl.formatMessage(messages.you);
    }
    return group.conversation.members.find((member) => member.id === match.user_id)?.display_name ?? intl.formatMessage(messages.someone);
}

function summary(intl: IntlShape, results: MessageSearchResults): string {
    const count = results.groups.reduce((sum, group) => sum + group.messages.length, 0);
    if (count === 0) {
        return intl.formatMessage(messages.noMatch, {terms: results.terms});
    }
    return intl.formatMessage(messages.summary, {messages: count, conversations: results.groups.length});
}

// Up and Down move between the results.
function moveThroughResults(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
        return;
    }
    const results = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('.cc-search-result'));
    const index = results.findIndex((result) => result === document.activeElement);
    event.preventDefault();
    const next = index < 0 ? 0 : Math.max(0, Math.min(results.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
    results[next]?.focus();
}

// Search messages (issue 25, item 7): a small search mode of the conversation list, in the
// sidebar and the workspace. Enter searches the user's Connect conversations with Mattermost's
// own search (words, "phrases", from:, in:); the results are grouped by conversation with the
// words marked; choosing one opens its conversation at that message. Escape leaves it.
export function MessageSearch({onOpen}: Props) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const time = useTimeFormat();
    const {client, currentUserId} = useConnectEnvironment();
    const [open, setOpen] = useState(false);
    const [terms, setTerms] = useState('');
    const [searching, setSearching] = useState(false);
    const [results, setResults] = useState<MessageSearchResults | null>(null);
    const [failure, setFailure] = useState<string | null>(null);
    const toggleRef = useRef<HTMLButtonElement>(null);
    const headingId = useId();

    const close = () => {
        setOpen(false);
        toggleRef.current?.focus();
    };

    const submit = (event: FormEvent) => {
        event.preventDefault();
        const wanted = terms.trim();
        if (!wanted || searching) {
            return;
        }
        setSearching(true);
        setFailure(null);
        client.searchMessages(wanted).then(
            (found) => {
                setResults(found);
                setSearching(false);
            },
            (error: unknown) => {
                setFailure(errorMessage(error));
                setSearching(false);
            },
        );
    };

    const choose = (group: MessageSearchGroup, match: MessageSearchMatch) => {
        setFailure(null);
        (async () => {
            await onOpen(group.conversation);
            const loaded = await loadUntil(deps, group.conversation.id, match.post_id);
            if (!loaded || !(await showMessage(match.post_id))) {
                setFailure(intl.formatMessage(messages.gone));
                return;
            }
            setOpen(false);
        })().catch((error: unknown) => setFailure(errorMessage(error)));
    };

    const toggle = (
        <div className='cc-message-search-toggle'>
            <IconButton
                ref={toggleRef}
                label={intl.formatMessage(messages.search)}
                expanded={open}
                onClick={() => (open ? close() : setOpen(true))}
            >
                <SearchIcon/>
            </IconButton>
        </div>
    );
    if (!open) {
        return toggle;
    }

    return (
        <>
            {toggle}
            <div
                className='cc-message-search'
                role='search'
                aria-label={intl.formatMessage(messages.search)}
                onKeyDown={(event) => {
                    if (event.key === 'Escape') {
                        event.preventDefault();
                        event.stopPropagation();
                        close();
                    }
                }}
            >
            <form
                className='cc-message-search-form'
                onSubmit={submit}
            >
                <input
                    type='search'
                    className='cc-input'
                    aria-label={intl.formatMessage(messages.search)}
                    placeholder={intl.formatMessage(messages.placeholder)}
                    autoFocus={true}
                    value={terms}
                    onChange={(event) => setTerms(event.target.value)}
                />
                <IconButton
                    label={intl.formatMessage(messages.close)}
                    onClick={close}
                >
                    <span aria-hidden='true'>{'×'}</span>
                </IconButton>
            </form>
            <p
                className='cc-status'
                role='status'
            >
                {searching ? intl.formatMessage(commonMessages.searching) : results ? summary(intl, results) : intl.formatMessage(messages.pressEnter)}
            </p>
            <Alert message={failure}/>
            {results && results.groups.length > 0 && (
                <div
                    className='cc-search-results'
                    aria-labelledby={headingId}
                    role='group'
                    onKeyDown={moveThroughResults}
                >
                    <h3
                        id={headingId}
                        className='cc-visually-hidden'
                    >
                        {intl.formatMessage(messages.results)}
                    </h3>
                    {results.groups.map((group) => (
                        <div
                            key={group.conversation.id}
                            className='cc-search-group'
                            role='group'
                            aria-label={group.conversation.name}
                        >
                            <h4 className='cc-search-group-name'>{group.conversation.name}</h4>
                            <ul className='cc-search-matches'>
                                {group.messages.map((match) => (
                                    <li key={match.post_id}>
                                        <button
                                            type='button'
                                            className='cc-search-result'
                                            onClick={() => choose(group, match)}
                                        >
                                            <span className='cc-search-result-head'>
                                                <span className='cc-search-result-author'>{authorOf(intl, group, match, currentUserId)}</span>
                                                <time
                                                    dateTime={new Date(match.create_at).toISOString()}
                                                    title={time.full(match.create_at)}
                                                >
                                                    {time.time(match.create_at)}
                                                </time>
                                            </span>
                                            <span className='cc-search-result-text'>{highlighted(plainText(match.message), match.highlights)}</span>
                                        </button>
                                    </li>
                                ))}
                            </ul>
                        </div>
                    ))}
                </div>
            )}
            </div>
        </>
    );
}
