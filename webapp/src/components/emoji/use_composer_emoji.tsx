import React, {useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {IconButton} from '../common/IconButton';

import {emojiInsertion, emojiQueryAt, emojiSuggestions, replaceRange} from './autocomplete';
import type {PickerEmoji} from './catalog';
import {useEmoji} from './emoji_store';
import {EmojiPicker, emojiLabel} from './EmojiPicker';

export interface ComposerEmoji {
    // Handles the keys the suggestions use while they show; true when it did.
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
    // The attributes that tie the field to its suggestions for screen readers.
    fieldProps: {'aria-autocomplete': 'list'; 'aria-controls'?: string; 'aria-activedescendant'?: string};
    // The emoji button with its picker, and the suggestions list.
    button: ReactNode;
    suggestions: ReactNode;
}

const messages = defineMessages({
    insert: {id: 'connect.emoji.insert', defaultMessage: 'Insert an emoji'},
    suggestions: {id: 'connect.emoji.suggestions', defaultMessage: 'Emoji suggestions'},
});

function SmileIcon() {
    return (
        <svg
            aria-hidden='true'
            focusable='false'
            width={18}
            height={18}
            viewBox='0 0 24 24'
            fill='none'
            stroke='currentColor'
            strokeWidth='2'
            strokeLinecap='round'
        >
            <circle
                cx='12'
                cy='12'
                r='9'
            />
            <path d='M8.5 14.5a4.5 4.5 0 0 0 7 0M9 9.5h.01M15 9.5h.01'/>
        </svg>
    );
}

// The caret position of the field, kept current as the user types, clicks and moves. Typing
// reaches it through the draft; a state change from the field's own input listener would run
// before React's change handler and put the old value back.
function useCaret(inputRef: RefObject<HTMLTextAreaElement>, draft: string): number {
    const [caret, setCaret] = useState(draft.length);
    useEffect(() => {
        const input = inputRef.current;
        if (!input) {
            return undefined;
        }
        const update = () => setCaret(input.selectionStart ?? input.value.length);
        const events = ['select', 'keyup', 'click', 'focus'] as const;
        events.forEach((name) => input.addEventListener(name, update));
        return () => events.forEach((name) => input.removeEventListener(name, update));
    }, [inputRef]);
    useLayoutEffect(() => {
        const input = inputRef.current;
        if (input) {
            setCaret(input.selectionStart ?? draft.length);
        }
    }, [inputRef, draft]);
    return caret;
}

// Emoji in the message field (issue 25, item 6): a button that opens the picker and puts the
// chosen emoji at the caret, and suggestions for a `:name` typed after a colon and two characters,
// as in the web app: Up and Down choose, Enter or Tab picks, Escape closes.
export function useComposerEmoji(inputRef: RefObject<HTMLTextAreaElement>, draft: string, onDraftChange: (draft: string) => void): ComposerEmoji {
    const caret = useCaret(inputRef, draft);
    const intl = useConnectIntl();
    const query = useMemo(() => emojiQueryAt(draft, caret), [draft, caret]);
    const [dismissed, setDismissed] = useState<string | undefined>();
    const emoji = useEmoji({load: query ? 'once' : false});
    // The chosen suggestion, for the `:name` it was chosen in (a new one starts at the first).
    const [chosen, setChosen] = useState({key: '', index: 0});
    const [pickerOpen, setPickerOpen] = useState(false);
    const buttonRef = useRef<HTMLButtonElement>(null);
    const pendingCaret = useRef<number | undefined>(undefined);
    const listId = useId();

    const queryKey = query ? `${query.start}:${query.term}` : undefined;
    const suggestions = useMemo(
        () => (query && emoji.catalog && queryKey !== dismissed ? emojiSuggestions(emoji.catalog, emoji.recent, query.term) : []),
        [query, queryKey, dismissed, emoji.catalog, emoji.recent],
    );
    const open = suggestions.length > 0;

    const active = chosen.key === queryKey ? chosen.index : 0;
    const setActive = (index: number) => setChosen({key: queryKey ?? '', index});

    useLayoutEffect(() => {
        const input = inputRef.current;
        if (input && pendingCaret.current !== undefined) {
            input.setSelectionRange(pendingCaret.current, pendingCaret.current);
            pendingCaret.current = undefined;
        }
    }, [inputRef, draft]);

    const insert = useCallback((chosen: PickerEmoji, start: number, end: number) => {
        const next = replaceRange(draft, start, end, emojiInsertion(chosen));
        pendingCaret.current = next.caret;
        onDraftChange(next.text);
        inputRef.current?.focus();
    }, [draft, inputRef, onDraftChange]);

    const pickSuggestion = (chosen: PickerEmoji) => {
        if (!query) {
            return;
        }
        void emoji.store.used(chosen.name).catch(() => {
            // Inserted anyway; only the recently used list missed it.
        });
        insert(chosen, query.start, query.end);
    };

    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
        if (!open || event.nativeEvent.isComposing) {
            return false;
        }
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((active + step + suggestions.length) % suggestions.length);
            return true;
        }
        if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
            event.preventDefault();
            pickSuggestion(suggestions[Math.min(active, suggestions.length - 1)]);
            return true;
        }
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            setDismissed(queryKey);
            return true;
        }
        return false;
    };

    const optionId = (index: number) => `${listId}-option-${index}`;
    const selection = () => {
        const input = inputRef.current;
        return {start: input?.selectionStart ?? draft.length, end: input?.selectionEnd ?? draft.length};
    };

    return {
        onKeyDown,
        fieldProps: {
            'aria-autocomplete': 'list',
            'aria-controls': open ? listId : undefined,
            'aria-activedescendant': open ? optionId(active) : undefined,
        },
        button: (
            <>
                <IconButton
                    ref={buttonRef}
                    label={intl.formatMessage(messages.insert)}
                    expanded={pickerOpen}
                    onClick={() => setPickerOpen((was) => !was)}
                >
                    <SmileIcon/>
                </IconButton>
                {pickerOpen && (
                    <EmojiPicker
                        label={intl.formatMessage(messages.insert)}
                        anchorRef={buttonRef}
                        onPick={(chosen) => {
                            const {start, end} = selection();
                            insert(chosen, start, end);
                        }}
                        onClose={() => setPickerOpen(false)}
                    />
                )}
            </>
        ),
        suggestions: open ? (
            <ul
                id={listId}
                className='cc-emoji-suggestions'
                role='listbox'
                aria-label={intl.formatMessage(messages.suggestions)}
            >
                {suggestions.map((item, index) => (
                    <li
                        key={item.name}
                        id={optionId(index)}
                        className='cc-emoji-suggestion'
                        role='option'
                        aria-selected={index === active}
                        aria-label={emojiLabel(item)}
                        onMouseDown={(event) => {
                            // Keeps the focus in the field.
                            event.preventDefault();
                            pickSuggestion(item);
                        }}
                    >
                        <span className='cc-emoji-glyph'>
                            {item.imageURL ? (
                                <img
                                    className='cc-emoji-image'
                                    src={item.imageURL}
                                    alt=''
                                />
                            ) : <span aria-hidden='true'>{item.text}</span>}
                        </span>
                        <span>{`:${item.name}:`}</span>
                    </li>
                ))}
            </ul>
        ) : null,
    };
}
