import React from 'react';

import {CloseIcon, FileIcon} from '../common/icons';

import {formatFileSize} from './file_size';
import type {WaitingFile} from './use_composer_files';

interface Props {
    files: WaitingFile[];
    onRemove: (file: WaitingFile) => void;
}

// The files waiting to go with the next message, each removable; an image shows a thumbnail.
export function WaitingFiles({files, onRemove}: Props) {
    if (files.length === 0) {
        return null;
    }
    return (
        <ul
            className='cc-waiting-files'
            aria-label='Files to send'
        >
            {files.map((waiting) => (
                <li
                    key={waiting.key}
                    className='cc-waiting-file'
                    data-testid='waiting-file'
                >
                    {waiting.previewURL ? (
                        <img
                            className='cc-waiting-file-thumbnail'
                            src={waiting.previewURL}
                            alt=''
                        />
                    ) : <FileIcon/>}
                    <span className='cc-waiting-file-name'>{waiting.file.name}</span>
                    <span className='cc-file-size'>{formatFileSize(waiting.file.size)}</span>
                    <button
                        type='button'
                        className='cc-icon-button cc-icon-button--small cc-waiting-file-remove'
                        aria-label={`Remove ${waiting.file.name}`}
                        title={`Remove ${waiting.file.name}`}
                        onClick={() => onRemove(waiting)}
                    >
                        <CloseIcon size={14}/>
                    </button>
                </li>
            ))}
        </ul>
    );
}
