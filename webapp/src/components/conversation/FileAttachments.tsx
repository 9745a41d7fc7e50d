import React, {useRef, useState, type ReactNode} from 'react';

import {useConnectIntl} from '../../i18n/intl';
import type {FileInfo} from '../../types/mattermost';
import {FileIcon} from '../common/icons';

import {formatFileSize} from './file_size';
import {Lightbox} from './Lightbox';

interface Props {
    files: FileInfo[];
    siteURL: string;
}

// Mattermost's thumbnails are made to cover 120×100; they show within that box.
const thumbnailBox = {width: 120, height: 100};

export function isImageFile(file: FileInfo): boolean {
    return Boolean(file.mime_type?.startsWith('image/')) || file.has_preview_image === true;
}

function fileURL(siteURL: string, file: Pick<FileInfo, 'id'>, suffix = ''): string {
    return `${siteURL}/api/v4/files/${encodeURIComponent(file.id)}${suffix}`;
}

export function downloadURL(siteURL: string, file: Pick<FileInfo, 'id'>): string {
    return fileURL(siteURL, file, '?download=1');
}

// The thumbnail's size on screen when the image's own size is known: fits the box, never enlarged.
function thumbnailSize(file: Pick<FileInfo, 'width' | 'height'>): {width: number; height: number} | undefined {
    if (!file.width || !file.height) {
        return undefined;
    }
    const scale = Math.min(thumbnailBox.width / file.width, thumbnailBox.height / file.height, 1);
    return {width: Math.max(Math.round(file.width * scale), 1), height: Math.max(Math.round(file.height * scale), 1)};
}

function FileChip({file, siteURL}: {file: FileInfo; siteURL: string}) {
    const intl = useConnectIntl();
    return (
        <a
            className='cc-file'
            href={downloadURL(siteURL, file)}
            target='_blank'
            rel='noopener noreferrer'
        >
            <FileIcon/>
            <span className='cc-file-name'>{file.name}</span>
            {file.size !== undefined && <span className='cc-file-size'>{formatFileSize(intl, file.size)}</span>}
        </a>
    );
}

type ThumbnailFile = Pick<FileInfo, 'id' | 'name' | 'width' | 'height'>;

interface ThumbnailProps {
    file: ThumbnailFile;
    siteURL: string;
    className: string;

    // Shown when there is no thumbnail to show (Mattermost could not make one).
    fallback: ReactNode;

    // The button's name when the picture's alt text should not be it.
    label?: string;

    // Sized from the image's own dimensions, within Mattermost's thumbnail box.
    sized?: boolean;
}

// An image shows Mattermost's thumbnail (the session cookie lets the browser fetch it); choosing
// it opens the preview in a lightbox, and closing that gives focus back to the thumbnail.
export function ImageThumbnail({file, siteURL, className, fallback, label, sized = false}: ThumbnailProps) {
    const [failed, setFailed] = useState(false);
    const [open, setOpen] = useState(false);
    const buttonRef = useRef<HTMLButtonElement>(null);

    if (failed) {
        return <>{fallback}</>;
    }
    const size = sized ? thumbnailSize(file) : undefined;
    return (
        <>
            <button
                ref={buttonRef}
                type='button'
                className={className}
                aria-haspopup='dialog'
                aria-label={label}
                title={file.name}
                onClick={() => setOpen(true)}
            >
                <img
                    src={fileURL(siteURL, file, '/thumbnail')}
                    alt={label ? '' : file.name}
                    width={size?.width}
                    height={size?.height}
                    onError={() => setFailed(true)}
                />
            </button>
            {open && (
                <Lightbox
                    title={file.name}
                    imageURL={fileURL(siteURL, file, '/preview')}
                    downloadURL={downloadURL(siteURL, file)}
                    onClose={() => {
                        setOpen(false);
                        buttonRef.current?.focus();
                    }}
                />
            )}
        </>
    );
}

// A post's files (F-06): images as thumbnails that open larger, other files as download chips.
export function FileAttachments({files, siteURL}: Props) {
    return (
        <div className='cc-files'>
            {files.map((file) => (isImageFile(file) ? (
                <ImageThumbnail
                    key={file.id}
                    file={file}
                    siteURL={siteURL}
                    className='cc-file-thumbnail'
                    sized={true}
                    fallback={(
                        <FileChip
                            file={file}
                            siteURL={siteURL}
                        />
                    )}
                />
            ) : (
                <FileChip
                    key={file.id}
                    file={file}
                    siteURL={siteURL}
                />
            )))}
        </div>
    );
}
