import React, {useId, useRef, type KeyboardEvent, type RefObject} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {Alert} from '../common/Alert';
import {IconButton} from '../common/IconButton';
import {PaperclipIcon} from '../common/icons';
import {useAutosize} from '../common/use_autosize';
import {useComposerEmoji} from '../emoji/use_composer_emoji';

import {lengthNotice} from './message_length';
import type {WaitingFile} from './use_composer_files';
import {WaitingFiles} from './WaitingFiles';

const messages = defineMessages({
    attach: {id: 'connect.composer.attach', defaultMessage: 'Attach files'},
    writeTo: {id: 'connect.composer.write_to', defaultMessage: 'Write to {name}'},
    placeholder: {id: 'connect.composer.placeholder', defaultMessage: 'Write a message'},
    send: {id: 'connect.composer.send', defaultMessage: 'Send'},
});

// The field grows with its text up to this many lines, then scrolls.
const maxLines = 8;

interface Props {
    inputRef: RefObject<HTMLTextAreaElement>;
    conversationName: string;
    draft: string;
    onDraftChange: (draft: string) => void;

    // Called only with something to send that fits in a post.
    onSend: () => void;

    // Files picked with the paperclip; they wait in the composer (files) until sent.
    onAttach: (files: File[]) => void;
    files?: WaitingFile[];
    onRemoveFile?: (file: WaitingFile) => void;

    // A message is on its way: Send waits for it.
    busy?: boolean;

    // ArrowUp in an empty composer without files: edit your last message, as in Mattermost.
    onEditLast?: () => void;
}

function SendIcon() {
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
            strokeLinejoin='round'
        >
            <path d='M4 12l16-8-6 16-2.5-6.5zM11.5 13.5L20 4'/>
        </svg>
    );
}

// The message field (F-05, F-06): Enter sends, Shift+Enter starts a new line. It grows with its
// text, says when the text nears Mattermost's limit and holds back a message over it, keeping
// the text; picked files wait in it as chips and go with the message as one post.
export function Composer({inputRef, conversationName, draft, onDraftChange, onSend, onAttach, files = [], onRemoveFile, busy = false, onEditLast}: Props) {
    const intl = useConnectIntl();
    const fileInputRef = useRef<HTMLInputElement>(null);
    const noticeId = useId();
    useAutosize(inputRef, draft, maxLines);
    const emoji = useComposerEmoji(inputRef, draft, onDraftChange);

    const notice = lengthNotice(intl, draft.trim());
    const hasContent = draft.trim() !== '' || files.length > 0;
    const canSend = hasContent && notice.kind !== 'over' && !busy;

    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (emoji.onKeyDown(event)) {
            return;
        }
        // Enter also confirms a character being composed with an input method; that is not a send.
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            if (canSend) {
                onSend();
            }
            return;
        }
        const modified = event.shiftKey || event.altKey || event.ctrlKey || event.metaKey;
        if (event.key === 'ArrowUp' && !modified && onEditLast && draft === '' && files.length === 0) {
            event.preventDefault();
            onEditLast();
        }
    };

    const removeFile = (file: WaitingFile) => {
        onRemoveFile?.(file);
        inputRef.current?.focus();
    };

    return (
        <div className='cc-composer'>
            <WaitingFiles
                files={files}
                onRemove={removeFile}
            />
            <IconButton
                label={intl.formatMessage(messages.attach)}
                onClick={() => fileInputRef.current?.click()}
            >
                <PaperclipIcon/>
            </IconButton>
            <input
                ref={fileInputRef}
                type='file'
                multiple={true}
                hidden={true}
                data-testid='attach-input'
                onChange={(event) => {
                    const picked = Array.from(event.target.files ?? []);
                    event.target.value = '';
                    if (picked.length > 0) {
                        onAttach(picked);
                    }
                }}
            />
            <textarea
                ref={inputRef}
                className='cc-composer-input'
                aria-label={intl.formatMessage(messages.writeTo, {name: conversationName})}
                aria-describedby={notice.kind === 'none' ? undefined : noticeId}
                aria-invalid={notice.kind === 'over' ? true : undefined}
                placeholder={intl.formatMessage(messages.placeholder)}
                rows={1}
                value={draft}
                onChange={(event) => onDraftChange(event.target.value)}
                onKeyDown={onKeyDown}
                {...emoji.fieldProps}
            />
            {emoji.suggestions}
            {emoji.button}
            <button
                type='button'
                className='cc-icon-button cc-composer-send'
                aria-label={intl.formatMessage(messages.send)}
                title={intl.formatMessage(messages.send)}
                disabled={!canSend}
                onClick={onSend}
            >
                <SendIcon/>
            </button>
            {notice.kind === 'near' && (
                <p
                    id={noticeId}
                    className='cc-composer-count'
                >
                    {notice.text}
                </p>
            )}
            {notice.kind === 'over' && (
                <div
                    id={noticeId}
                    className='cc-composer-notice'
                >
                    <Alert message={notice.text}/>
                </div>
            )}
        </div>
    );
}
