import React, {useRef, type KeyboardEvent, type RefObject} from 'react';

import {IconButton} from '../common/IconButton';
import {PaperclipIcon} from '../common/icons';

interface Props {
    inputRef: RefObject<HTMLTextAreaElement>;
    conversationName: string;
    draft: string;
    onDraftChange: (draft: string) => void;
    onSend: () => void;
    onAttach: (files: File[]) => void;
}

// The message field (F-05, F-06): Enter sends, Shift+Enter starts a new line.
export function Composer({inputRef, conversationName, draft, onDraftChange, onSend, onAttach}: Props) {
    const fileInputRef = useRef<HTMLInputElement>(null);

    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
        // Enter also confirms a character being composed with an input method; that is not a send.
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            onSend();
        }
    };

    return (
        <div className='cc-composer'>
            <IconButton
                label='Attach files'
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
                    const files = Array.from(event.target.files ?? []);
                    event.target.value = '';
                    if (files.length > 0) {
                        onAttach(files);
                    }
                }}
            />
            <textarea
                ref={inputRef}
                className='cc-composer-input'
                aria-label={`Write to ${conversationName}`}
                placeholder='Write a message'
                rows={1}
                value={draft}
                onChange={(event) => onDraftChange(event.target.value)}
                onKeyDown={onKeyDown}
            />
        </div>
    );
}
