import React, {useEffect, useRef, useState, type ChangeEvent} from 'react';

import {errorMessage} from '../../../error_message';
import {sendPost} from '../../../state/operations';
import type {Conversation} from '../../../types/connect';
import type {ConversationFile} from '../../../types/workspace';
import {Alert} from '../../common/Alert';
import {FileIcon, PaperclipIcon} from '../../common/icons';
import {formatFullTime, formatRelativeTime, useNow} from '../../common/time';
import {useConnectDeps, useConnectEnvironment} from '../../connect_context';
import {downloadURL, ImageThumbnail, isImageFile} from '../../conversation/FileAttachments';
import {formatFileSize} from '../../conversation/file_size';
import {filesLabel, maxFilesPerPost} from '../../conversation/use_composer_files';

import {PersonName, useLearnPeople} from './people';

// Files listed per page ("Load more" asks for the next).
export const filesPageSize = 20;

interface Listing {
    files: ConversationFile[];

    // The next page to ask for.
    nextPage: number;
    hasMore: boolean;
    status: 'loading' | 'idle' | 'loading-more';
    error: string | null;
}

// The conversation's files, newest first, a page at a time. reload() reads the first page again
// (after a file was added), replacing what was listed when it answers.
function useConversationFiles(conversationId: string) {
    const {client} = useConnectEnvironment();
    const [listing, setListing] = useState<Listing>({files: [], nextPage: 0, hasMore: false, status: 'loading', error: null});
    const [generation, setGeneration] = useState(0);

    // Answers to requests made before the latest reload are dropped.
    const latest = useRef(0);

    useEffect(() => {
        latest.current = generation;
        let live = true;
        client.getConversationFiles(conversationId, 0, filesPageSize).then(
            (page) => live && setListing({files: page?.files ?? [], nextPage: 1, hasMore: Boolean(page?.has_more), status: 'idle', error: null}),
            (error: unknown) => live && setListing((current) => ({...current, status: 'idle', error: errorMessage(error)})),
        );
        return () => {
            live = false;
        };
    }, [client, conversationId, generation]);

    const loadMore = () => {
        if (listing.status !== 'idle' || !listing.hasMore) {
            return;
        }
        const asked = latest.current;
        const page = listing.nextPage;
        setListing((current) => ({...current, status: 'loading-more', error: null}));
        client.getConversationFiles(conversationId, page, filesPageSize).then(
            (answer) => {
                if (asked === latest.current) {
                    setListing((current) => {
                        const listed = new Set(current.files.map((file) => file.id));
                        const added = (answer?.files ?? []).filter((file) => !listed.has(file.id));
                        return {files: [...current.files, ...added], nextPage: page + 1, hasMore: Boolean(answer?.has_more), status: 'idle', error: null};
                    });
                }
            },
            (error: unknown) => asked === latest.current && setListing((current) => ({...current, status: 'idle', error: errorMessage(error)})),
        );
    };

    const reload = () => {
        setListing((current) => ({...current, status: 'loading', error: null}));
        setGeneration((count) => count + 1);
    };

    return {...listing, loadMore, reload};
}

function FileTypeIcon({file}: {file: ConversationFile}) {
    return (
        <span
            className='cc-tools-file-icon'
            aria-hidden='true'
        >
            <FileIcon/>
            {file.extension && <span className='cc-tools-file-extension'>{file.extension.slice(0, 4).toUpperCase()}</span>}
        </span>
    );
}

// Images as Mattermost's thumbnail that opens the preview, other files as their type.
function FileThumbnail({file, siteURL}: {file: ConversationFile; siteURL: string}) {
    if (!isImageFile(file)) {
        return <FileTypeIcon file={file}/>;
    }
    return (
        <ImageThumbnail
            file={file}
            siteURL={siteURL}
            className='cc-tools-file-thumbnail'
            label={`View ${file.name}`}
            fallback={<FileTypeIcon file={file}/>}
        />
    );
}

function FileRow({file, siteURL, now}: {file: ConversationFile; siteURL: string; now: number}) {
    return (
        <li
            className='cc-tools-file'
            data-testid='conversation-file'
        >
            <FileThumbnail
                file={file}
                siteURL={siteURL}
            />
            <span className='cc-tools-file-text'>
                <span className='cc-tools-file-name'>{file.name}</span>
                <span className='cc-tools-meta'>
                    {file.size !== undefined && `${formatFileSize(file.size)} · `}
                    <PersonName userId={file.user_id}/>
                    {file.create_at ? (
                        <>
                            {' · '}
                            <time
                                dateTime={new Date(file.create_at).toISOString()}
                                title={formatFullTime(file.create_at)}
                            >
                                {formatRelativeTime(file.create_at, now)}
                            </time>
                        </>
                    ) : null}
                </span>
            </span>
            <a
                className='cc-tools-action'
                href={downloadURL(siteURL, file)}
                target='_blank'
                rel='noopener noreferrer'
                aria-label={`Download ${file.name}`}
            >
                {'Download'}
            </a>
        </li>
    );
}

// F-31 Attachments: the files posted in the conversation, newest first, and a way to add some
// (they go as one post, as from the composer).
export function AttachmentsTab({conversation}: {conversation: Conversation}) {
    const deps = useConnectDeps();
    const {siteURL} = useConnectEnvironment();
    const now = useNow();
    const inputRef = useRef<HTMLInputElement>(null);
    const {files, hasMore, status, error, loadMore, reload} = useConversationFiles(conversation.id);
    const [uploading, setUploading] = useState<string | null>(null);
    const [uploadFailure, setUploadFailure] = useState<string | null>(null);
    useLearnPeople(files.map((file) => file.user_id ?? ''));

    const onFilesChosen = async (event: ChangeEvent<HTMLInputElement>) => {
        const chosen = Array.from(event.target.files ?? []);
        event.target.value = '';
        if (chosen.length === 0 || uploading) {
            return;
        }
        if (chosen.length > maxFilesPerPost) {
            setUploadFailure(`A message takes at most ${maxFilesPerPost} files: choose ${maxFilesPerPost} or fewer.`);
            return;
        }
        setUploadFailure(null);
        setUploading(`Uploading ${filesLabel(chosen)}…`);
        try {
            await sendPost(deps, conversation.id, '', chosen);
            reload();
        } catch (failure) {
            setUploadFailure(errorMessage(failure));
        } finally {
            setUploading(null);
        }
    };

    return (
        <div className='cc-tools-attachments'>
            <div className='cc-tools-toolbar'>
                <button
                    type='button'
                    className='cc-tools-action'
                    disabled={uploading !== null}
                    onClick={() => inputRef.current?.click()}
                >
                    <PaperclipIcon/>
                    {'Add a file'}
                </button>
                <input
                    ref={inputRef}
                    type='file'
                    multiple={true}
                    hidden={true}
                    aria-label='Choose files to send'
                    data-testid='add-file-input'
                    onChange={(event) => void onFilesChosen(event)}
                />
            </div>
            {uploading && <p className='cc-status'>{uploading}</p>}
            <Alert message={uploadFailure}/>
            {status === 'loading' && files.length === 0 && <p className='cc-status'>{'Loading files…'}</p>}
            <Alert message={error ? `Could not load the files: ${error}` : null}/>
            {status !== 'loading' && !error && files.length === 0 && (
                <p className='cc-tools-empty'>{'No files shared yet. Files sent in this conversation show up here.'}</p>
            )}
            {files.length > 0 && (
                <ul
                    className='cc-tools-list'
                    aria-label='Files'
                >
                    {files.map((file) => (
                        <FileRow
                            key={file.id}
                            file={file}
                            siteURL={siteURL}
                            now={now}
                        />
                    ))}
                </ul>
            )}
            {hasMore && (
                <button
                    type='button'
                    className='cc-button cc-button--secondary cc-tools-more'
                    disabled={status !== 'idle'}
                    onClick={loadMore}
                >
                    {status === 'loading-more' ? 'Loading…' : 'Load more'}
                </button>
            )}
            {error && files.length === 0 && (
                <button
                    type='button'
                    className='cc-button cc-button--secondary'
                    onClick={reload}
                >
                    {'Try again'}
                </button>
            )}
        </div>
    );
}
