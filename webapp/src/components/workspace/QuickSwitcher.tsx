import React, {useEffect, useId, useMemo, useRef, useState, type KeyboardEvent} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {selectConversationsById, selectOpenConversationIds} from '../../state/selectors';
import type {Conversation} from '../../types/connect';
import {useConnectDeps} from '../connect_context';
import {useConversationSearch} from '../sidebar/use_conversation_search';

interface Props {
    onChoose: (conversation: Conversation) => void;
    onClose: () => void;
}

const shown = 8;

const messages = defineMessages({
    title: {id: 'connect.switcher.title', defaultMessage: 'Jump to a conversation'},
    name: {id: 'connect.switcher.name', defaultMessage: 'Conversation name'},
    list: {id: 'connect.switcher.list', defaultMessage: 'Conversations'},
    closed: {id: 'connect.switcher.closed', defaultMessage: 'closed'},
    noMatch: {id: 'connect.switcher.no_match', defaultMessage: 'No conversations match “{query}”.'},
});

// Ctrl/Cmd+K, the Mattermost habit: type part of a name, Up/Down, Enter opens it, Escape closes.
// The open conversations match as you type; closed ones come from the server's search.
export function QuickSwitcher({onChoose, onClose}: Props) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const [query, setQuery] = useState('');
    const [active, setActive] = useState(0);
    const inputRef = useRef<HTMLInputElement>(null);
    const listId = useId();
    const byId = useSelector(selectConversationsById);
    const openIds = useSelector(selectOpenConversationIds);
    const search = useConversationSearch(deps, query);

    useEffect(() => inputRef.current?.focus(), []);

    const matches = useMemo(() => {
        const term = query.trim().toLowerCase();
        const open = openIds.map((id) => byId[id]).filter(Boolean).filter((conversation) => !term || conversation.name.toLowerCase().includes(term));
        const more = term ? search.results.filter((conversation) => !open.some((candidate) => candidate.id === conversation.id)) : [];
        return [...open, ...more].slice(0, shown);
    }, [query, openIds, byId, search.results]);

    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((index) => (matches.length ? (index + step + matches.length) % matches.length : 0));
        } else if (event.key === 'Enter' && matches[active]) {
            event.preventDefault();
            onChoose(matches[active]);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
        }
    };

    return (
        <div
            className='cc-switcher-backdrop'
            onClick={(event) => event.target === event.currentTarget && onClose()}
        >
            <div
                className='cc-switcher'
                role='dialog'
                aria-modal='true'
                aria-label={intl.formatMessage(messages.title)}
                onKeyDown={onKeyDown}
            >
                <input
                    ref={inputRef}
                    className='cc-input cc-switcher-input'
                    role='combobox'
                    aria-label={intl.formatMessage(messages.name)}
                    aria-expanded={matches.length > 0}
                    aria-controls={listId}
                    aria-activedescendant={matches[active] ? `${listId}-${matches[active].id}` : undefined}
                    placeholder={intl.formatMessage(messages.title)}
                    value={query}
                    maxLength={64}
                    onChange={(event) => {
                        setQuery(event.target.value);
                        setActive(0);
                    }}
                />
                <ul
                    id={listId}
                    role='listbox'
                    aria-label={intl.formatMessage(messages.list)}
                    className='cc-switcher-list'
                >
                    {matches.map((conversation, index) => (
                        <li
                            key={conversation.id}
                            id={`${listId}-${conversation.id}`}
                            role='option'
                            aria-selected={index === active}
                            className={index === active ? 'cc-switcher-option cc-switcher-option--active' : 'cc-switcher-option'}
                            onMouseEnter={() => setActive(index)}
                            onClick={() => onChoose(conversation)}
                        >
                            <span>{conversation.name}</span>
                            {!conversation.open && <span className='cc-switcher-closed'>{intl.formatMessage(messages.closed)}</span>}
                        </li>
                    ))}
                </ul>
                {query.trim() && matches.length === 0 && !search.searching && <p className='cc-status'>{intl.formatMessage(messages.noMatch, {query: query.trim()})}</p>}
            </div>
        </div>
    );
}
