import React, {useEffect, useRef, useState, type KeyboardEvent} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import {useAutosize} from '../common/use_autosize';

import {lengthNotice} from './message_length';

const messages = defineMessages({
    empty: {id: 'connect.message.editor.empty', defaultMessage: 'A message cannot be empty: delete it instead.'},
    label: {id: 'connect.message.editor.label', defaultMessage: 'Edit message'},
    hint: {id: 'connect.message.editor.hint', defaultMessage: 'Enter to save, Escape to cancel'},
});

interface Props {
    initial: string;
    onSave: (message: string) => Promise<void>;
    onCancel: () => void;
}

// Editing one's own message in place, as in Mattermost: Enter saves, Shift+Enter starts a new
// line, Escape cancels. A refused edit keeps its text, with the reason.
export function MessageEditor({initial, onSave, onCancel}: Props) {
    const intl = useConnectIntl();
    const [text, setText] = useState(initial);
    const [saving, setSaving] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const fieldRef = useRef<HTMLTextAreaElement>(null);
    useAutosize(fieldRef, text, 8);

    useEffect(() => {
        const field = fieldRef.current;
        field?.focus();
        field?.setSelectionRange(field.value.length, field.value.length);
    }, []);

    const notice = lengthNotice(intl, text.trim());
    const save = async () => {
        const message = text.trim();
        if (saving || notice.kind === 'over') {
            return;
        }
        if (!message) {
            setFailure(intl.formatMessage(messages.empty));
            return;
        }
        if (message === initial.trim()) {
            onCancel();
            return;
        }
        setSaving(true);
        setFailure(null);
        try {
            await onSave(message);
        } catch (error) {
            setFailure(errorMessage(error));
            setSaving(false);
        }
    };

    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void save();
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
        }
    };

    return (
        <div className='cc-message-editor'>
            <textarea
                ref={fieldRef}
                className='cc-message-editor-input'
                aria-label={intl.formatMessage(messages.label)}
                value={text}
                rows={1}
                disabled={saving}
                onChange={(event) => {
                    setText(event.target.value);
                    setFailure(null);
                }}
                onKeyDown={onKeyDown}
            />
            {(failure ?? (notice.kind !== 'none' ? notice.text : null)) && (
                <p
                    className='cc-message-editor-note'
                    role={failure || notice.kind === 'over' ? 'alert' : undefined}
                >
                    {failure ?? (notice.kind !== 'none' ? notice.text : '')}
                </p>
            )}
            <p className='cc-message-editor-hint'>
                {intl.formatMessage(messages.hint)}
            </p>
        </div>
    );
}
