import React, {useEffect, useId, useRef, useState, type KeyboardEvent} from 'react';
import {defineMessages} from 'react-intl';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import type {StaffPerson} from '../../types/connect';
import {Alert} from '../common/Alert';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';
import {useConnectEnvironment} from '../connect_context';

import {useStaffSuggestions} from './use_staff_suggestions';

const messages = defineMessages({
    remove: {id: 'connect.picker.remove', defaultMessage: 'Remove {name}'},
    search: {id: 'connect.picker.search', defaultMessage: 'Search staff by name'},
    another: {id: 'connect.picker.another', defaultMessage: 'Add another person'},
    typeName: {id: 'connect.picker.type_name', defaultMessage: 'Type a name'},
    staff: {id: 'connect.picker.staff', defaultMessage: 'Staff'},
    noMatch: {id: 'connect.picker.no_match', defaultMessage: 'No staff match “{query}”.'},
});

interface Props {
    title: string;
    submitLabel: string;
    hint?: string;

    // People already in the conversation, left out of the suggestions.
    excludeIds?: string[];

    // Rejects with a reason the picker shows, keeping what was picked.
    onSubmit: (people: StaffPerson[]) => Promise<void>;
    onCancel: () => void;
}

function personName(person: StaffPerson): string {
    return person.display_name || `@${person.username}`;
}

// Picks ITIL staff: the server suggests only staff. Arrow keys move through the suggestions,
// Enter picks one (or, with nothing typed, submits), Backspace on an empty field drops the last
// pick, Escape closes the suggestions and then the picker.
export function PeoplePicker({title, submitLabel, hint, excludeIds = [], onSubmit, onCancel}: Props) {
    const {client} = useConnectEnvironment();
    const intl = useConnectIntl();
    const [query, setQuery] = useState('');
    const [picked, setPicked] = useState<StaffPerson[]>([]);
    const [activeIndex, setActiveIndex] = useState(0);
    const [submitting, setSubmitting] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const inputRef = useRef<HTMLInputElement>(null);
    const baseId = useId();
    const listId = `${baseId}-suggestions`;
    const titleId = `${baseId}-title`;

    const hidden = new Set([...excludeIds, ...picked.map((person) => person.id)]);
    const suggestions = useStaffSuggestions(client, query);
    const shown = suggestions.people.filter((person) => !hidden.has(person.id));
    const listOpen = query.trim() !== '' && shown.length > 0;
    const optionId = (person: StaffPerson) => `${baseId}-option-${person.id}`;

    useEffect(() => {
        inputRef.current?.focus();
    }, []);

    // New text, new suggestions: the first one is the active one again.
    const changeQuery = (text: string) => {
        if (text !== query) {
            setActiveIndex(0);
        }
        setQuery(text);
    };

    const pick = (person: StaffPerson) => {
        setPicked((current) => [...current, person]);
        changeQuery('');
        setFailure(null);
        inputRef.current?.focus();
    };

    const unpick = (person: StaffPerson) => {
        setPicked((current) => current.filter((candidate) => candidate.id !== person.id));
        inputRef.current?.focus();
    };

    const submit = async () => {
        if (picked.length === 0 || submitting) {
            return;
        }
        setSubmitting(true);
        setFailure(null);
        try {
            await onSubmit(picked);
        } catch (error) {
            setFailure(errorMessage(error));
            setSubmitting(false);
        }
    };

    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
        switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
            if (listOpen) {
                event.preventDefault();
                const step = event.key === 'ArrowDown' ? 1 : -1;
                setActiveIndex((index) => (index + step + shown.length) % shown.length);
            }
            break;
        case 'Enter':
            event.preventDefault();
            if (listOpen) {
                pick(shown[Math.min(activeIndex, shown.length - 1)]);
            } else if (query.trim() === '') {
                void submit();
            }
            break;
        case 'Escape':
            event.preventDefault();
            event.stopPropagation();
            if (query) {
                changeQuery('');
            } else {
                onCancel();
            }
            break;
        case 'Backspace':
            if (query === '' && picked.length > 0) {
                setPicked((current) => current.slice(0, -1));
            }
            break;
        }
    };

    const activePerson = listOpen ? shown[Math.min(activeIndex, shown.length - 1)] : undefined;

    return (
        <section
            className='cc-picker'
            aria-labelledby={titleId}
        >
            <h3
                id={titleId}
                className='cc-picker-title'
            >
                {title}
            </h3>
            {hint && <p className='cc-picker-hint'>{hint}</p>}
            <div className='cc-picker-field'>
                {picked.map((person) => (
                    <span
                        key={person.id}
                        className='cc-chip'
                    >
                        {personName(person)}
                        <IconButton
                            small={true}
                            label={intl.formatMessage(messages.remove, {name: personName(person)})}
                            onClick={() => unpick(person)}
                        >
                            <CloseIcon size={12}/>
                        </IconButton>
                    </span>
                ))}
                <input
                    ref={inputRef}
                    className='cc-picker-input'
                    role='combobox'
                    aria-label={intl.formatMessage(messages.search)}
                    aria-autocomplete='list'
                    aria-expanded={listOpen}
                    aria-controls={listId}
                    aria-activedescendant={activePerson ? optionId(activePerson) : undefined}
                    placeholder={intl.formatMessage(picked.length ? messages.another : messages.typeName)}
                    value={query}
                    onChange={(event) => changeQuery(event.target.value)}
                    onKeyDown={onKeyDown}
                />
            </div>
            <ul
                id={listId}
                role='listbox'
                aria-label={intl.formatMessage(messages.staff)}
                className='cc-suggestions'
                hidden={!listOpen}
            >
                {shown.map((person) => (
                    <li
                        key={person.id}
                        id={optionId(person)}
                        role='option'
                        aria-selected={person === activePerson}
                        className='cc-suggestion'
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => pick(person)}
                    >
                        <span>{personName(person)}</span>
                        <span className='cc-suggestion-username'>{`@${person.username}`}</span>
                    </li>
                ))}
            </ul>
            {query.trim() !== '' && suggestions.status === 'done' && shown.length === 0 && (
                <p className='cc-picker-hint'>{intl.formatMessage(messages.noMatch, {query: query.trim()})}</p>
            )}
            {/* Not announced: it comes and goes as the person types. */}
            <Alert
                message={suggestions.error}
                announce={false}
            />
            <Alert message={failure}/>
            <div className='cc-picker-actions'>
                <button
                    type='button'
                    className='cc-button cc-button--secondary'
                    onClick={onCancel}
                >
                    {intl.formatMessage(commonMessages.cancel)}
                </button>
                <button
                    type='button'
                    className='cc-button'
                    disabled={picked.length === 0 || submitting}
                    onClick={() => void submit()}
                >
                    {submitLabel}
                </button>
            </div>
        </section>
    );
}
