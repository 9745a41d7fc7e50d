import React, {useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent} from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import {journalLabels, type Journal} from '../../types/journal';
import type {SavedToRecord} from '../../types/journal';
import type {ConversationRecord} from '../../types/workspace';
import {Alert} from '../common/Alert';
import {useConnectEnvironment} from '../connect_context';
import {CreateFromPicked} from '../create/CreateFromPicked';

import {pickedLabel, pickedMessages, type RecordSelection} from './use_record_selection';

const messages = defineMessages({
    barLabel: {id: 'connect.save.bar.label', defaultMessage: 'Pick messages to save to a record'},
    fromHere: {id: 'connect.save.bar.from_here', defaultMessage: 'From here to the end'},
    addToRecord: {id: 'connect.save.bar.add', defaultMessage: 'Add to record…'},
    createRecord: {id: 'connect.save.bar.create', defaultMessage: 'Create record…'},
    title: {id: 'connect.save.dialog.title', defaultMessage: 'Add to record'},
    recordLabel: {id: 'connect.save.dialog.record', defaultMessage: 'Record number or link'},
    saveAs: {id: 'connect.save.dialog.save_as', defaultMessage: 'Save as'},
    commentVisible: {id: 'connect.save.dialog.comment', defaultMessage: 'Comment (the caller sees it)'},
    saving: {id: 'connect.save.dialog.saving', defaultMessage: 'Saving…'},
    nothingNew: {id: 'connect.save.result.nothing_new', defaultMessage: 'Already saved to {number}: nothing new to write.'},
    queued: {id: 'connect.save.result.queued', defaultMessage: 'Saving {count, plural, one {# message} other {# messages}} to {number}{already, plural, =0 {} one { (# message already there)} other { (# messages already there)}}: ServiceNow has not taken it yet. Connect keeps trying and tells you if it cannot.'},
    saved: {id: 'connect.save.result.saved', defaultMessage: 'Saved {count, plural, one {# message} other {# messages}} to {number}{already, plural, =0 {} one { (# message already there)} other { (# messages already there)}}.'},
    done: {id: 'connect.save.result.done', defaultMessage: 'Done'},
});

interface Props {
    conversationId: string;
    selection: RecordSelection;

    // The conversation's loaded messages, oldest first.
    order: readonly string[];
}

// Stands in for the composer while messages are being picked to save to a record: how many are
// picked, "From here to the end", "Add to record…" (which opens the dialog) and Cancel.
export function SaveToRecordBar({conversationId, selection, order}: Props) {
    const intl = useConnectIntl();
    const [dialogOpen, setDialogOpen] = useState(false);
    const [creating, setCreating] = useState(false);
    const nothing = selection.picked.size === 0 && !selection.fromPostId;
    const addRef = useRef<HTMLButtonElement>(null);
    const createRef = useRef<HTMLButtonElement>(null);
    const closeDialog = () => {
        setDialogOpen(false);
        setTimeout(() => addRef.current?.focus(), 0); // back where the dialog was opened
    };
    return (
        <div
            className='cc-save-bar'
            role='region'
            aria-label={intl.formatMessage(messages.barLabel)}
        >
            {dialogOpen && (
                <SaveToRecordDialog
                    conversationId={conversationId}
                    selection={selection}
                    order={order}
                    onClose={closeDialog}
                />
            )}
            <p
                className='cc-save-bar-count'
                role='status'
            >
                {pickedLabel(intl, selection)}
            </p>
            <button
                type='button'
                className='cc-button cc-button--secondary'
                disabled={selection.picked.size === 0}
                aria-pressed={Boolean(selection.fromPostId)}
                onClick={selection.fromHere}
            >
                {intl.formatMessage(messages.fromHere)}
            </button>
            <button
                ref={addRef}
                type='button'
                className='cc-button'
                disabled={nothing || dialogOpen}
                onClick={() => setDialogOpen(true)}
            >
                {intl.formatMessage(messages.addToRecord)}
            </button>
            <button
                ref={createRef}
                type='button'
                className='cc-button cc-button--secondary'
                disabled={nothing || creating}
                onClick={() => setCreating(true)}
            >
                {intl.formatMessage(messages.createRecord)}
            </button>
            {creating && (
                <CreateFromPicked
                    conversationId={conversationId}
                    messages={pickedMessages(selection, order)}
                    label={pickedLabel(intl, selection)}
                    onClose={() => {
                        setCreating(false);
                        setTimeout(() => createRef.current?.focus(), 0); // back where the dialog was opened
                    }}
                />
            )}
            <button
                type='button'
                className='cc-button cc-button--secondary'
                onClick={selection.cancel}
            >
                {intl.formatMessage(commonMessages.cancel)}
            </button>
        </div>
    );
}

// The record to save to (a number or link; the records the conversation mentions are offered),
// work note or comment, and Save; then the record's card and a link, or the server's refusal.
function SaveToRecordDialog({conversationId, selection, order, onClose}: Props & {onClose: () => void}) {
    const {client} = useConnectEnvironment();
    const intl = useConnectIntl();
    const titleId = useId();
    const listId = useId();
    const recordId = useId();
    const inputRef = useRef<HTMLInputElement>(null);
    const [record, setRecord] = useState('');
    const [kind, setKind] = useState<Journal>('work_notes');
    const [offered, setOffered] = useState<ConversationRecord[]>([]);
    const [saving, setSaving] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const [saved, setSaved] = useState<SavedToRecord | null>(null);

    useEffect(() => {
        inputRef.current?.focus();
        let live = true;
        client.getConversationRecords(conversationId).then(
            (answer) => live && setOffered(answer?.records ?? []),
            () => undefined, // the field still takes any number or link
        );
        return () => {
            live = false;
        };
    }, [client, conversationId]);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!record.trim() || saving) {
            return;
        }
        setSaving(true);
        setFailure(null);
        try {
            setSaved(await client.saveToRecord(conversationId, {record: record.trim(), kind, ...pickedMessages(selection, order)}));
        } catch (error) {
            setFailure(errorMessage(error));
        } finally {
            setSaving(false);
        }
    };

    const close = () => {
        if (saved) {
            selection.cancel();
        }
        onClose();
    };
    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            close();
        }
    };

    return (
        <div
            className='cc-save-dialog'
            role='dialog'
            aria-labelledby={titleId}
            onKeyDown={onKeyDown}
        >
            <h3
                id={titleId}
                className='cc-save-dialog-title'
            >
                {intl.formatMessage(messages.title)}
            </h3>
            {saved ? (
                <SavedCard
                    saved={saved}
                    onDone={close}
                />
            ) : (
                <form onSubmit={(event) => void submit(event)}>
                    <label htmlFor={recordId}>{intl.formatMessage(messages.recordLabel)}</label>
                    <input
                        ref={inputRef}
                        id={recordId}
                        className='cc-save-dialog-record'
                        type='text'
                        list={listId}
                        placeholder='INC0010001'
                        autoComplete='off'
                        value={record}
                        onChange={(event) => {
                            setRecord(event.target.value);
                            setFailure(null);
                        }}
                    />
                    <datalist id={listId}>
                        {offered.map((r) => (
                            <option
                                key={r.number}
                                value={r.number}
                            >
                                {r.card?.short_description ? `${r.number} · ${r.card.short_description}` : r.number}
                            </option>
                        ))}
                    </datalist>
                    <fieldset className='cc-save-dialog-kind'>
                        <legend>{intl.formatMessage(messages.saveAs)}</legend>
                        {(['work_notes', 'comments'] as const).map((value) => (
                            <label key={value}>
                                <input
                                    type='radio'
                                    name={`${titleId}-kind`}
                                    value={value}
                                    checked={kind === value}
                                    onChange={() => setKind(value)}
                                />
                                {intl.formatMessage(value === 'comments' ? messages.commentVisible : journalLabels[value])}
                            </label>
                        ))}
                    </fieldset>
                    <Alert message={failure}/>
                    <div className='cc-save-dialog-actions'>
                        <button
                            type='submit'
                            className='cc-button'
                            disabled={!record.trim() || saving}
                        >
                            {intl.formatMessage(saving ? messages.saving : commonMessages.save)}
                        </button>
                        <button
                            type='button'
                            className='cc-button cc-button--secondary'
                            onClick={close}
                        >
                            {intl.formatMessage(commonMessages.cancel)}
                        </button>
                    </div>
                </form>
            )}
        </div>
    );
}

function savedWords(intl: IntlShape, saved: SavedToRecord): string {
    if (saved.saved === 0) {
        return intl.formatMessage(messages.nothingNew, {number: saved.number});
    }
    const values = {count: saved.saved, number: saved.number, already: saved.already};
    return intl.formatMessage(saved.queued ? messages.queued : messages.saved, values);
}

// The record's card once the save is done, with a link to it in ServiceNow.
function SavedCard({saved, onDone}: {saved: SavedToRecord; onDone: () => void}) {
    const doneRef = useRef<HTMLButtonElement>(null);
    const intl = useConnectIntl();
    useEffect(() => doneRef.current?.focus(), []);
    const {card} = saved;
    const details = [card.state, card.priority, card.assigned_to].filter(Boolean).join(' · ');
    return (
        <div className='cc-saved'>
            <p role='status'>{savedWords(intl, saved)}</p>
            <div
                className='cc-saved-card'
                data-testid='saved-record-card'
            >
                <a
                    href={saved.link}
                    target='_blank'
                    rel='noopener noreferrer'
                >
                    {saved.number}
                </a>
                {card.short_description && <span className='cc-saved-card-title'>{card.short_description}</span>}
                {details && <span className='cc-saved-card-details'>{details}</span>}
            </div>
            <button
                ref={doneRef}
                type='button'
                className='cc-button'
                onClick={onDone}
            >
                {intl.formatMessage(messages.done)}
            </button>
        </div>
    );
}
