import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {CloseIcon, FileIcon} from '../common/icons';

import {formatFileSize} from './file_size';
import type {WaitingFile} from './use_composer_files';

const messages = defineMessages({
    label: {id: 'connect.composer.files.label', defaultMessage: 'Files to send'},
    remove: {id: 'connect.composer.files.remove', defaultMessage: 'Remove {name}'},
});

interface Props {
    files: WaitingFile[];
    onRemove: (file: WaitingFile) => void;
}

// The files waiting to go with the next message, each removable; an image shows a thumbnail.
export function WaitingFiles({files, onRemove}: Props) {
    const intl = useConnectIntl();
    if (files.length === 0) {
        return null;
    }
    return (
        <ul
            className='cc-waiting-files'
            aria-label={intl.formatMessage(messages.label)}
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
                    <span className='cc-file-size'>{formatFileSize(intl, waiting.file.size)}</span>
                    <button
                        type='button'
                        className='cc-icon-button cc-icon-button--small cc-waiting-file-remove'
                        aria-label={intl.formatMessage(messages.remove, {name: waiting.file.name})}
                        title={intl.formatMessage(messages.remove, {name: waiting.file.name})}
                        onClick={() => onRemove(waiting)}
                    >
                        <CloseIcon size={14}/>
                    </button>
                </li>
            ))}
        </ul>
    );
}
