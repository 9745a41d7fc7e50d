import React, {memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject} from 'react';
import {defineMessages, type IntlShape, type MessageDescriptor} from 'react-intl';
import {createPortal} from 'react-dom';

import {useConnectIntl} from '../../i18n/intl';
import {skinTones, withSkinTone, type SkinTone, type SkinToneCode} from '../message_text/emoji';

import {searchEmojis, type EmojiCategory, type PickerEmoji} from './catalog';
import {useEmoji} from './emoji_store';

// As many emoji a row as Mattermost's picker (components/emoji_picker/constants EMOJI_PER_ROW).
export const emojiPerRow = 9;

interface Props {
    // What the picker is for, its accessible name: "Add a reaction", "Insert an emoji".
    label: string;
    // The button that opened it: the picker sits by it, and focus goes back to it on close.
    anchorRef: RefObject<HTMLElement>;
    onPick: (emoji: PickerEmoji) => void;
    onClose: () => void;
}

interface Row {
    category: string;
    emojis: PickerEmoji[];
}

const messages = defineMessages({
    searchResults: {id: 'connect.emoji.search_results', defaultMessage: 'Search results'},
    search: {id: 'connect.emoji.search', defaultMessage: 'Search emoji'},
    toneButton: {id: 'connect.emoji.tone.button', defaultMessage: 'Skin tone: {tone}'},
    toneChoose: {id: 'connect.emoji.tone.choose', defaultMessage: 'Choose a skin tone'},
    tones: {id: 'connect.emoji.tone.list', defaultMessage: 'Skin tones'},
    toneDefault: {id: 'connect.emoji.tone.default', defaultMessage: 'Default'},
    toneDefaultLong: {id: 'connect.emoji.tone.default_long', defaultMessage: 'Default skin tone'},
    categories: {id: 'connect.emoji.categories', defaultMessage: 'Emoji categories'},
    grid: {id: 'connect.emoji.grid', defaultMessage: 'Emoji'},
    loading: {id: 'connect.emoji.loading', defaultMessage: 'Loading emoji…'},
    noMatch: {id: 'connect.emoji.no_match', defaultMessage: 'No emoji match "{query}".'},
});

const toneLabels = defineMessages({
    '1F3FB': {id: 'connect.emoji.tone.light', defaultMessage: 'Light skin tone'},
    '1F3FC': {id: 'connect.emoji.tone.medium_light', defaultMessage: 'Medium light skin tone'},
    '1F3FD': {id: 'connect.emoji.tone.medium', defaultMessage: 'Medium skin tone'},
    '1F3FE': {id: 'connect.emoji.tone.medium_dark', defaultMessage: 'Medium dark skin tone'},
    '1F3FF': {id: 'connect.emoji.tone.dark', defaultMessage: 'Dark skin tone'},
}) satisfies Record<SkinToneCode, MessageDescriptor>;

// The picker's sections in the user's language: the catalog names them in English (from
// emoji-datasource), as the web app's own picker does in English (components/emoji_picker).
const categoryLabels = defineMessages({
    'recent': {id: 'connect.emoji.category.recent', defaultMessage: 'Recently used'},
    'smileys-emotion': {id: 'connect.emoji.category.smileys_emotion', defaultMessage: 'Smileys & Emotion'},
    'people-body': {id: 'connect.emoji.category.people_body', defaultMessage: 'People & Body'},
    'animals-nature': {id: 'connect.emoji.category.animals_nature', defaultMessage: 'Animals & Nature'},
    'food-drink': {id: 'connect.emoji.category.food_drink', defaultMessage: 'Food & Drink'},
    'travel-places': {id: 'connect.emoji.category.travel_places', defaultMessage: 'Travel & Places'},
    'activities': {id: 'connect.emoji.category.activities', defaultMessage: 'Activities'},
    'objects': {id: 'connect.emoji.category.objects', defaultMessage: 'Objects'},
    'symbols': {id: 'connect.emoji.category.symbols', defaultMessage: 'Symbols'},
    'flags': {id: 'connect.emoji.category.flags', defaultMessage: 'Flags'},
    'custom': {id: 'connect.emoji.category.custom', defaultMessage: 'Custom'},
});

function categoryLabel(intl: IntlShape, category: EmojiCategory): string {
    const descriptor = (categoryLabels as Record<string, MessageDescriptor | undefined>)[category.id];
    return descriptor ? intl.formatMessage(descriptor) : category.label;
}

function rowsOf(sections: EmojiCategory[]): Row[] {
    return sections.flatMap((section) => {
        const rows: Row[] = [];
        for (let start = 0; start < section.emojis.length; start += emojiPerRow) {
            rows.push({category: section.id, emojis: section.emojis.slice(start, start + emojiPerRow)});
        }
        return rows;
    });
}

// Where the cursor goes for an arrow key: left and right through the emoji in order, up and down
// a row, keeping the column where the row is long enough.
export function moveCursor(rows: Row[], cursor: {row: number; column: number}, key: string): {row: number; column: number} {
    const {row, column} = cursor;
    if (key === 'ArrowRight') {
        return column + 1 < (rows[row]?.emojis.length ?? 0) ? {row, column: column + 1} : row + 1 < rows.length ? {row: row + 1, column: 0} : cursor;
    }
    if (key === 'ArrowLeft') {
        return column > 0 ? {row, column: column - 1} : row > 0 ? {row: row - 1, column: rows[row - 1].emojis.length - 1} : cursor;
    }
    const next = key === 'ArrowDown' ? row + 1 : key === 'ArrowUp' ? row - 1 : row;
    if (next < 0 || next >= rows.length) {
        return cursor;
    }
    return {row: next, column: Math.min(column, rows[next].emojis.length - 1)};
}

function EmojiGlyph({emoji}: {emoji: PickerEmoji}) {
    return emoji.imageURL ? (
        <img
            className='cc-emoji-image'
            src={emoji.imageURL}
            alt=''
            loading='lazy'
        />
    ) : <span aria-hidden='true'>{emoji.text}</span>;
}

interface RowProps {
    row: Row;
    rowIndex: number;
    // The active emoji's column in this row; -1 when it is in another row.
    activeColumn: number;
    idPrefix: string;
    onHover: (row: number, column: number) => void;
    onPick: (emoji: PickerEmoji) => void;
}

// One row of the grid; only the rows the cursor leaves or enters draw again.
const EmojiRow = memo(function EmojiRow({row, rowIndex, activeColumn, idPrefix, onHover, onPick}: RowProps) {
    return (
        <div
            className='cc-emoji-row'
            role='row'
        >
            {row.emojis.map((item, column) => (
                <div
                    key={item.name}
                    id={`${idPrefix}-emoji-${item.name}`}
                    data-emoji-name={item.name}
                    className={column === activeColumn ? 'cc-emoji-cell cc-emoji-cell--active' : 'cc-emoji-cell'}
                    role='gridcell'
                    aria-label={emojiLabel(item)}
                    aria-selected={column === activeColumn}
                    title={`:${item.name}:`}
                    onMouseEnter={() => onHover(rowIndex, column)}
                    onClick={() => onPick(item)}
                >
                    <EmojiGlyph emoji={item}/>
                </div>
            ))}
        </div>
    );
});

export function emojiLabel(emoji: PickerEmoji): string {
    return emoji.name.replace(/_/g, ' ');
}

// Places the picker above its button (below when there is no room), inside the viewport.
function usePlacement(anchorRef: RefObject<HTMLElement>, popover: RefObject<HTMLDivElement>): CSSProperties {
    // Transparent, not hidden, until placed: the search field takes focus at once.
    const [style, setStyle] = useState<CSSProperties>({top: 0, left: 0, opacity: 0});
    useLayoutEffect(() => {
        const place = () => {
            const box = anchorRef.current?.getBoundingClientRect();
            const own = popover.current?.getBoundingClientRect();
            if (!box || !own) {
                return;
            }
            const margin = 8;
            const above = box.top - own.height - 4;
            const top = above >= margin ? above : Math.min(box.bottom + 4, window.innerHeight - own.height - margin);
            const left = Math.min(Math.max(margin, box.right - own.width), window.innerWidth - own.width - margin);
            setStyle({top: Math.max(margin, top), left: Math.max(margin, left)});
        };
        place();
        window.addEventListener('resize', place);
        return () => window.removeEventListener('resize', place);
    }, [anchorRef, popover]);
    return style;
}

// The full emoji picker (issue 25, item 6), as Mattermost's: search by name, the recently used
// first, categories, the skin tone, and the server's custom emoji; the recently used and the tone
// are Mattermost's own preferences, so the web app and Connect share them. Focus stays in the
// search field; the arrows move through the emoji, Enter picks, Escape closes and focus returns.
export function EmojiPicker({label, anchorRef, onPick, onClose}: Props) {
    const emoji = useEmoji({load: 'fresh'});
    const intl = useConnectIntl();
    const [query, setQuery] = useState('');
    const [cursor, setCursor] = useState({row: 0, column: 0});
    const [choosingTone, setChoosingTone] = useState(false);
    const popoverRef = useRef<HTMLDivElement>(null);
    const inputRef = useRef<HTMLInputElement>(null);
    const gridRef = useRef<HTMLDivElement>(null);
    const id = useId();
    const style = usePlacement(anchorRef, popoverRef);

    const sections = useMemo<EmojiCategory[]>(() => {
        if (!emoji.catalog) {
            return [];
        }
        if (query.trim()) {
            return [{id: 'search', label: intl.formatMessage(messages.searchResults), emojis: searchEmojis(emoji.catalog, emoji.recent, query)}];
        }
        return emoji.categories.map((category) => ({...category, label: categoryLabel(intl, category)}));
    }, [emoji.catalog, emoji.recent, emoji.categories, query, intl]);
    const rows = useMemo(() => rowsOf(sections), [sections]);
    // Each section's rows with their index among all rows (the cursor's row).
    const sectionRows = useMemo(() => {
        let next = 0;
        return sections.map((section) => rowsOf([section]).map((row) => ({row, index: next++})));
    }, [sections]);
    const active = rows[cursor.row]?.emojis[cursor.column];
    const resultCount = query.trim() ? sections[0]?.emojis.length ?? 0 : undefined;

    useEffect(() => {
        inputRef.current?.focus();
    }, []);

    useEffect(() => {
        if (active) {
            gridRef.current?.querySelector(`[data-emoji-name="${CSS.escape(active.name)}"]`)?.scrollIntoView?.({block: 'nearest'});
        }
    }, [active]);

    const close = () => {
        onClose();
        anchorRef.current?.focus();
    };

    // Closes when the pointer goes down outside it (not on its own button, which toggles it).
    useEffect(() => {
        const onPointerDown = (event: PointerEvent) => {
            const target = event.target as Node | null;
            if (target && !popoverRef.current?.contains(target) && !anchorRef.current?.contains(target)) {
                onClose();
            }
        };
        document.addEventListener('pointerdown', onPointerDown);
        return () => document.removeEventListener('pointerdown', onPointerDown);
    }, [anchorRef, onClose]);

    const pick = (chosen: PickerEmoji) => {
        void emoji.store.used(chosen.name).catch(() => {
            // The pick still happens; only the recently used list missed it.
        });
        // Focus goes back to the button first, so that what picking does (the composer puts it
        // back in the field) has the last word.
        onClose();
        anchorRef.current?.focus();
        onPick(chosen);
    };

    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            close();
        }
    };

    const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
        if (['ArrowRight', 'ArrowLeft'].includes(event.key) && query !== '' && event.currentTarget.selectionStart !== event.currentTarget.value.length) {
            // Within the typed text the arrows move the caret.
            return;
        }
        if (['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'].includes(event.key)) {
            event.preventDefault();
            setCursor((current) => moveCursor(rows, current, event.key));
        } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            if (active) {
                pick(active);
            }
        }
    };

    const setTone = (tone: SkinTone) => {
        setChoosingTone(false);
        void emoji.store.setTone(tone).catch(() => {
            // Shown in this picker anyway; saved the next time.
        });
        inputRef.current?.focus();
    };

    const jumpTo = (category: string) => {
        setQuery('');
        const row = rowsOf(emoji.categories).findIndex((candidate) => candidate.category === category);
        if (row >= 0) {
            setCursor({row, column: 0});
            gridRef.current?.querySelector(`[data-category="${CSS.escape(category)}"]`)?.scrollIntoView?.({block: 'start'});
        }
        inputRef.current?.focus();
    };

    const cellId = (name: string) => `${id}-emoji-${name}`;
    const hover = useCallback((row: number, column: number) => setCursor({row, column}), []);
    const latestPick = useRef(pick);
    useLayoutEffect(() => {
        latestPick.current = pick;
    });
    const pickLatest = useCallback((chosen: PickerEmoji) => latestPick.current(chosen), []);

    return createPortal(
        <div
            ref={popoverRef}
            className='cc-emoji-picker'
            role='dialog'
            aria-label={label}
            style={style}
            onKeyDown={onKeyDown}
        >
            <div className='cc-emoji-picker-top'>
                <input
                    ref={inputRef}
                    className='cc-emoji-picker-search'
                    type='search'
                    aria-label={intl.formatMessage(messages.search)}
                    placeholder={intl.formatMessage(messages.search)}
                    role='combobox'
                    aria-expanded={true}
                    aria-controls={`${id}-grid`}
                    aria-activedescendant={active ? cellId(active.name) : undefined}
                    autoComplete='off'
                    value={query}
                    onChange={(event) => {
                        setQuery(event.target.value);
                        setCursor({row: 0, column: 0});
                    }}
                    onKeyDown={onSearchKeyDown}
                />
                <div className='cc-emoji-tone'>
                    <button
                        type='button'
                        className='cc-icon-button cc-icon-button--small'
                        aria-label={intl.formatMessage(messages.toneButton, {tone: emoji.tone === 'default' ? intl.formatMessage(messages.toneDefault) : intl.formatMessage(toneLabels[emoji.tone])})}
                        title={intl.formatMessage(messages.toneChoose)}
                        aria-expanded={choosingTone}
                        onClick={() => setChoosingTone((open) => !open)}
                    >
                        <span aria-hidden='true'>{withSkinTone('✋', emoji.tone)}</span>
                    </button>
                    {choosingTone && (
                        <div
                            className='cc-emoji-tone-choices'
                            role='group'
                            aria-label={intl.formatMessage(messages.tones)}
                        >
                            {(['default', ...skinTones.map((tone) => tone.code)] as SkinTone[]).map((tone) => (
                                <button
                                    key={tone}
                                    type='button'
                                    className='cc-icon-button cc-icon-button--small'
                                    aria-label={intl.formatMessage(tone === 'default' ? messages.toneDefaultLong : toneLabels[tone])}
                                    aria-pressed={tone === emoji.tone}
                                    onClick={() => setTone(tone)}
                                >
                                    <span aria-hidden='true'>{withSkinTone('✋', tone)}</span>
                                </button>
                            ))}
                        </div>
                    )}
                </div>
            </div>
            <div
                className='cc-emoji-categories'
                role='toolbar'
                aria-label={intl.formatMessage(messages.categories)}
            >
                {emoji.categories.map((category) => (
                    <button
                        key={category.id}
                        type='button'
                        className='cc-icon-button cc-icon-button--small'
                        aria-label={categoryLabel(intl, category)}
                        title={categoryLabel(intl, category)}
                        onClick={() => jumpTo(category.id)}
                    >
                        {category.emojis[0] ? <EmojiGlyph emoji={category.emojis[0]}/> : null}
                    </button>
                ))}
            </div>
            <div
                ref={gridRef}
                id={`${id}-grid`}
                className='cc-emoji-grid'
                role='grid'
                aria-label={intl.formatMessage(query.trim() ? messages.searchResults : messages.grid)}
            >
                {!emoji.ready && !emoji.failure && <p className='cc-emoji-note'>{intl.formatMessage(messages.loading)}</p>}
                {emoji.failure && <p className='cc-emoji-note'>{emoji.failure}</p>}
                {emoji.ready && resultCount === 0 && <p className='cc-emoji-note'>{intl.formatMessage(messages.noMatch, {query: query.trim()})}</p>}
                {sections.map((section, sectionIndex) => (
                    <div
                        key={section.id}
                        role='rowgroup'
                        aria-label={section.label}
                    >
                        {section.emojis.length > 0 && (
                            <div
                                className='cc-emoji-section'
                                data-category={section.id}
                                role='row'
                            >
                                <span role='columnheader'>{section.label}</span>
                            </div>
                        )}
                        {sectionRows[sectionIndex].map(({row, index}) => (
                            <EmojiRow
                                key={index}
                                row={row}
                                rowIndex={index}
                                activeColumn={index === cursor.row ? cursor.column : -1}
                                idPrefix={id}
                                onHover={hover}
                                onPick={pickLatest}
                            />
                        ))}
                    </div>
                ))}
            </div>
            <p
                className='cc-emoji-preview'
                aria-live='polite'
            >
                {resultCount !== undefined && resultCount > 0 ? `${resultCount} found. ` : ''}
                {active ? `:${active.name}:` : ''}
            </p>
        </div>,
        document.body,
    );
}
