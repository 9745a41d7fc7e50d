import {useCallback, useEffect, useRef, useState} from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';

const messages = defineMessages({
    files: {id: 'connect.files.label', defaultMessage: '{count, plural, one {{name}} other {# files}}'},
    uploading: {id: 'connect.files.uploading', defaultMessage: 'Uploading {files}…'},
    tooMany: {id: 'connect.files.too_many', defaultMessage: 'A message takes at most {max, number} files: {count, plural, one {{name} was not added} other {# files were not added}}. Send these first, then the rest in another message.'},
});

// Mattermost takes at most this many files in one post.
export const maxFilesPerPost = 10;

// A file waiting in the composer to go with the next message. An image has a local preview URL,
// revoked when the file leaves the composer.
export interface WaitingFile {
    key: string;
    file: File;
    previewURL?: string;
}

let keyCount = 0;

function waitingFile(file: File): WaitingFile {
    keyCount += 1;
    const canPreview = file.type.startsWith('image/') && typeof URL.createObjectURL === 'function';
    return {key: `waiting-file-${keyCount}`, file, previewURL: canPreview ? URL.createObjectURL(file) : undefined};
}

function release(files: WaitingFile[]): void {
    for (const file of files) {
        if (file.previewURL) {
            URL.revokeObjectURL(file.previewURL);
        }
    }
}

// "Uploading report.pdf…", "Uploading 3 files…".
export function uploadingLabel(intl: IntlShape, files: {name: string}[]): string {
    return intl.formatMessage(messages.uploading, {files: intl.formatMessage(messages.files, {count: files.length, name: files[0]?.name ?? ''})});
}

export function tooManyFilesMessage(intl: IntlShape, leftOut: File[]): string {
    return intl.formatMessage(messages.tooMany, {max: maxFilesPerPost, count: leftOut.length, name: leftOut[0]?.name ?? ''});
}

export interface ComposerFiles {
    files: WaitingFile[];

    // Adds what fits; answers why the rest was refused, or null when all were added.
    add: (files: File[]) => string | null;
    remove: (key: string) => void;

    // Takes the sent files out; any added meanwhile stay.
    clear: (sent: WaitingFile[]) => void;
}

// The files waiting in a composer (F-06): picked or dropped, they go with the next message.
export function useComposerFiles(): ComposerFiles {
    const [files, setFiles] = useState<WaitingFile[]>([]);
    const intl = useConnectIntl();

    // The list as of the last change, for changes made before React renders again.
    const current = useRef<WaitingFile[]>([]);
    const update = useCallback((next: WaitingFile[]) => {
        current.current = next;
        setFiles(next);
    }, []);

    const add = useCallback((picked: File[]) => {
        const room = Math.max(maxFilesPerPost - current.current.length, 0);
        const taken = picked.slice(0, room);
        const leftOut = picked.slice(room);
        if (taken.length > 0) {
            update([...current.current, ...taken.map(waitingFile)]);
        }
        return leftOut.length > 0 ? tooManyFilesMessage(intl, leftOut) : null;
    }, [update, intl]);

    const remove = useCallback((key: string) => {
        release(current.current.filter((file) => file.key === key));
        update(current.current.filter((file) => file.key !== key));
    }, [update]);

    const clear = useCallback((sent: WaitingFile[]) => {
        const keys = new Set(sent.map((file) => file.key));
        release(current.current.filter((file) => keys.has(file.key)));
        update(current.current.filter((file) => !keys.has(file.key)));
    }, [update]);

    // Closing the window lets go of the previews.
    useEffect(() => () => release(current.current), []);

    return {files, add, remove, clear};
}
