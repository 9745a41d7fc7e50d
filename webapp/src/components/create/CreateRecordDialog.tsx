import React, {useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent} from 'react';
import {defineMessages} from 'react-intl';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {ClientError} from '../../client';
import {errorMessage} from '../../error_message';
import type {Conversation} from '../../types/connect';
import type {CreatableTable, CreatedRecord} from '../../types/create';
import {Alert} from '../common/Alert';
import {useConnectEnvironment} from '../connect_context';
import {FollowButton} from '../follow/FollowButton';

const messages = defineMessages({
    you: {id: 'connect.create.you', defaultMessage: 'You'},
    noDescription: {id: 'connect.create.no_description', defaultMessage: 'Give the record a short description.'},
    title: {id: 'connect.create.title', defaultMessage: 'Create a ServiceNow record'},
    table: {id: 'connect.create.table', defaultMessage: 'Table'},
    description: {id: 'connect.create.description', defaultMessage: 'Short description'},
    caller: {id: 'connect.create.caller', defaultMessage: 'Caller'},
    firstNote: {id: 'connect.create.first_note', defaultMessage: 'First work note: {picked}'},
    includeRecent: {id: 'connect.create.include_recent', defaultMessage: 'Include the last 20 messages as the first work note'},
    creating: {id: 'connect.create.creating', defaultMessage: 'Creating…'},
    create: {id: 'connect.create.create', defaultMessage: 'Create'},
    created: {id: 'connect.create.created', defaultMessage: 'Created <link>{number}</link>'},
    state: {id: 'connect.create.card.state', defaultMessage: 'State: {state}'},
    cardCaller: {id: 'connect.create.card.caller', defaultMessage: 'Caller: {caller}'},
    posted: {id: 'connect.create.card.posted', defaultMessage: 'Its card is posted in this conversation.'},
    queued: {id: 'connect.create.queued', defaultMessage: 'ServiceNow cannot be reached just now. Connect creates the record as soon as it can and posts its card in this conversation; you are told if it finally cannot.'},
    done: {id: 'connect.create.done', defaultMessage: 'Done'},
});

interface Props {
    conversation: Conversation;
    onClose: () => void;

    // The messages the user picked for the work note (instead of the last 20), and how the
    // dialog says what they are ("3 messages picked").
    picked?: {messages: {post_ids: string[]} | {from_post_id: string}; label: string};
}

// ServiceNow's stock length of a short description, which the server checks too.
export const maxShortDescription = 160;

type Field = 'table' | 'short_description' | 'caller';

// Which field a refusal is about, to show it beside that field; the rest show above the buttons.
// The server's error id names the field when it has one (in any language); else the English
// words of its message do.
export function fieldOfError(message: string, id?: string): Field | null {
    const field = id ? (['short_description', 'caller', 'table'] as const).find((name) => id.includes(name)) : undefined;
    if (field) {
        return field;
    }
    if (/short description/i.test(message)) {
        return 'short_description';
    }
    if (/caller/i.test(message)) {
        return 'caller';
    }
    if (/^Records can be created in/.test(message)) {
        return 'table';
    }
    return null;
}

function failedFieldOf(error: unknown): Field | null {
    return fieldOfError(errorMessage(error), error instanceof ClientError ? error.detail.id : undefined);
}

function newRequestId(): string {
    return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

// Create a ServiceNow record from the conversation: a table the admin allows, the short
// description, the caller (a member, the user by default) and, by default, the last 20 messages
// as the first work note. The new record's card shows with Follow; while ServiceNow cannot be
// reached the creation is queued and its card appears in the conversation later.
export function CreateRecordDialog({conversation, onClose, picked}: Props) {
    const {client, currentUserId} = useConnectEnvironment();
    const intl = useConnectIntl();
    const baseId = useId();
    const dialogRef = useRef<HTMLDivElement>(null);
    const descriptionRef = useRef<HTMLInputElement>(null);
    const doneRef = useRef<HTMLButtonElement>(null);

    // One id per dialog: trying again after a failure never creates a second record.
    const [requestId] = useState(newRequestId);
    const [tables, setTables] = useState<CreatableTable[] | null>(null);
    const [table, setTable] = useState('');
    const [description, setDescription] = useState('');
    const [callerId, setCallerId] = useState(currentUserId);
    const [includeRecent, setIncludeRecent] = useState(true);
    const [busy, setBusy] = useState(false);
    const [failure, setFailureText] = useState<string | null>(null);
    const [failedField, setFailedField] = useState<Field | null>(null);
    const setFailure = (text: string | null, field: Field | null = null) => {
        setFailureText(text);
        setFailedField(field);
    };
    const [created, setCreated] = useState<CreatedRecord | null>(null);

    useEffect(() => {
        let current = true;
        client.getCreatableTables().then((answer) => {
            if (current) {
                setTables(answer.tables);
                setTable((chosen) => chosen || answer.tables[0]?.name || '');
            }
        }, (error: unknown) => {
            if (current) {
                setFailureText(errorMessage(error));
                setFailedField(failedFieldOf(error));
            }
        });
        return () => {
            current = false;
        };
    }, [client]);

    useEffect(() => descriptionRef.current?.focus(), []);
    useEffect(() => {
        if (created) {
            doneRef.current?.focus();
        }
    }, [created]);

    const members = conversation.members.some((member) => member.id === currentUserId) ?
        conversation.members :
        [{id: currentUserId, username: '', display_name: intl.formatMessage(messages.you)}, ...conversation.members];
    const fieldId = (field: Field) => `${baseId}-${field}`;
    const errorId = (field: Field) => `${baseId}-${field}-error`;
    const fieldError = (field: Field) => (failedField === field ? (
        <p
            id={errorId(field)}
            className='cc-create-field-error'
            role='alert'
        >
            {failure}
        </p>
    ) : null);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (busy) {
            return;
        }
        if (!description.trim()) {
            setFailure(intl.formatMessage(messages.noDescription), 'short_description');
            descriptionRef.current?.focus();
            return;
        }
        setBusy(true);
        setFailure(null);
        try {
            const messages = picked ? picked.messages : {include_recent: includeRecent};
            setCreated(await client.createRecord(conversation.id, {
                request_id: requestId, table, short_description: description.trim(), caller_id: callerId, ...messages,
            }));
        } catch (error) {
            setFailure(errorMessage(error), failedFieldOf(error));
        } finally {
            setBusy(false);
        }
    };

    // Escape closes; Tab stays inside the dialog.
    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
            return;
        }
        if (event.key !== 'Tab' || !dialogRef.current) {
            return;
        }
        const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled])')];
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first?.focus();
        }
    };

    const titleId = `${baseId}-title`;
    return (
        <div
            className='cc-switcher-backdrop'
            onClick={(event) => event.target === event.currentTarget && onClose()}
        >
            <div
                ref={dialogRef}
                className='cc-create'
                role='dialog'
                aria-modal='true'
                aria-labelledby={titleId}
                data-testid='create-record-dialog'
                onKeyDown={onKeyDown}
            >
                <h2
                    id={titleId}
                    className='cc-create-title'
                >
                    {intl.formatMessage(messages.title)}
                </h2>
                {created ? (
                    <CreatedView
                        created={created}
                        doneRef={doneRef}
                        onClose={onClose}
                    />
                ) : (
                    <form
                        className='cc-create-form'
                        onSubmit={(event) => void submit(event)}
                        noValidate={true}
                    >
                        <div className='cc-create-field'>
                            <label
                                htmlFor={fieldId('table')}
                                className='cc-create-label'
                            >
                                {intl.formatMessage(messages.table)}
                            </label>
                            <select
                                id={fieldId('table')}
                                className='cc-input'
                                value={table}
                                disabled={!tables?.length}
                                aria-invalid={failedField === 'table'}
                                aria-describedby={failedField === 'table' ? errorId('table') : undefined}
                                onChange={(event) => setTable(event.target.value)}
                            >
                                {(tables ?? []).map((option) => (
                                    <option
                                        key={option.name}
                                        value={option.name}
                                    >
                                        {option.label}
                                    </option>
                                ))}
                            </select>
                            {fieldError('table')}
                        </div>
                        <div className='cc-create-field'>
                            <label
                                htmlFor={fieldId('short_description')}
                                className='cc-create-label'
                            >
                                {intl.formatMessage(messages.description)}
                            </label>
                            <input
                                id={fieldId('short_description')}
                                ref={descriptionRef}
                                className='cc-input'
                                value={description}
                                maxLength={maxShortDescription}
                                required={true}
                                aria-invalid={failedField === 'short_description'}
                                aria-describedby={failedField === 'short_description' ? errorId('short_description') : undefined}
                                onChange={(event) => setDescription(event.target.value)}
                            />
                            {fieldError('short_description')}
                        </div>
                        <div className='cc-create-field'>
                            <label
                                htmlFor={fieldId('caller')}
                                className='cc-create-label'
                            >
                                {intl.formatMessage(messages.caller)}
                            </label>
                            <select
                                id={fieldId('caller')}
                                className='cc-input'
                                value={callerId}
                                aria-invalid={failedField === 'caller'}
                                aria-describedby={failedField === 'caller' ? errorId('caller') : undefined}
                                onChange={(event) => setCallerId(event.target.value)}
                            >
                                {members.map((member) => (
                                    <option
                                        key={member.id}
                                        value={member.id}
                                    >
                                        {member.id === currentUserId ? `${member.display_name || member.username} (you)` : member.display_name || `@${member.username}`}
                                    </option>
                                ))}
                            </select>
                            {fieldError('caller')}
                        </div>
                        {picked ? (
                            <p className='cc-create-picked'>{intl.formatMessage(messages.firstNote, {picked: picked.label.toLocaleLowerCase(intl.locale)})}</p>
                        ) : (
                            <label className='cc-create-check'>
                                <input
                                    type='checkbox'
                                    checked={includeRecent}
                                    onChange={(event) => setIncludeRecent(event.target.checked)}
                                />
                                <span>{intl.formatMessage(messages.includeRecent)}</span>
                            </label>
                        )}
                        {!failedField && <Alert message={failure}/>}
                        <div className='cc-create-actions'>
                            <button
                                type='button'
                                className='cc-button cc-button--secondary'
                                onClick={onClose}
                            >
                                {intl.formatMessage(commonMessages.cancel)}
                            </button>
                            <button
                                type='submit'
                                className='cc-button'
                                disabled={busy || !table}
                            >
                                {intl.formatMessage(busy ? messages.creating : messages.create)}
                            </button>
                        </div>
                    </form>
                )}
            </div>
        </div>
    );
}

function CreatedView({created, doneRef, onClose}: {created: CreatedRecord; doneRef: React.RefObject<HTMLButtonElement>; onClose: () => void}) {
    const card = created.card;
    const intl = useConnectIntl();
    return (
        <div className='cc-create-done'>
            {card ? (
                <div
                    className='cc-create-card'
                    role='status'
                >
                    <p className='cc-create-card-title'>
                        {intl.formatMessage(messages.created, {number: card.number, link: (text: React.ReactNode[]) => (
                            <a
                                href={created.link || card.url}
                                target='_blank'
                                rel='noopener noreferrer'
                            >
                                {text}
                            </a>
                        )})}
                    </p>
                    <p className='cc-create-card-description'>{card.short_description}</p>
                    <p className='cc-create-card-facts'>{[card.state && intl.formatMessage(messages.state, {state: card.state}), card.caller && intl.formatMessage(messages.cardCaller, {caller: card.caller})].filter(Boolean).join(' · ')}</p>
                    <p className='cc-create-card-note'>{intl.formatMessage(messages.posted)}</p>
                    <FollowButton record={{table: card.table, number: card.number, sys_id: card.sys_id}}/>
                </div>
            ) : (
                <p
                    className='cc-create-card-note'
                    role='status'
                >
                    {intl.formatMessage(messages.queued)}
                </p>
            )}
            <div className='cc-create-actions'>
                <button
                    ref={doneRef}
                    type='button'
                    className='cc-button'
                    onClick={onClose}
                >
                    {intl.formatMessage(messages.done)}
                </button>
            </div>
        </div>
    );
}
