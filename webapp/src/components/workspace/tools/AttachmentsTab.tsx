import React, {useEffect, useRef, useState, type ChangeEvent} from 'react';
import {defineMessages} from 'react-intl';

import {commonMessages} from '../../../i18n/common_messages';
import {useConnectIntl} from '../../../i18n/intl';
import {errorMessage} from '../../../error_message';
import {sendPost} from '../../../state/operations';
import type {Conversation} from '../../../types/connect';
import type {ConversationFile} from '../../../types/workspace';
import {Alert} from '../../common/Alert';
import {FileIcon, PaperclipIcon} from '../../common/icons';
import {useNow, useTimeFormat} from '../../common/time';
import {useConnectDeps, useConnectEnvironment} from '../../connect_context';
import {downloadURL, ImageThumbnail, isImageFile} from '../../conversation/FileAttachments';
import {formatFileSize} from '../../conversation/file_size';
import {maxFilesPerPost, uploadingLabel} from '../../conversation/use_composer_files';

import {PersonName, useLearnPeople} from './people';

const messages = defineMessages({
    view: {id: 'connect.attachments.view', defaultMessage: 'View {name}'},
    downloadName: {id: 'connect.attachments.download_label', defaultMessage: 'Download {name}'},
    download: {id: 'connect.attachments.download', defaultMessage: 'Download'},
    tooMany: {id: 'connect.attachments.too_many', defaultMessage: 'A message takes at most {max, number} files: choose {max, number} or fewer.'},
    add: {id: 'connect.attachments.add', defaultMessage: 'Add a file'},
    choose: {id: 'connect.attachments.choose', defaultMessage: 'Choose files to send'},
    loading: {id: 'connect.attachments.loading', defaultMessage: 'Loading files…'},
    loadFailed: {id: 'connect.attachments.load_failed', defaultMessage: 'Could not load the files: {reason}'},
    empty: {id: 'connect.attachments.empty', defaultMessage: 'No files shared yet. Files sent in this conversation show up here.'},
    list: {id: 'connect.attachments.list', defaultMessage: 'Files'},
    more: {id: 'connect.attachments.more', defaultMessage: 'Load more'},
});

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
    const intl = useConnectIntl();
    if (!isImageFile(file)) {
        return <FileTypeIcon file={file}/>;
    }
    return (
        <ImageThumbnail
            file={file}
            siteURL={siteURL}
            className='cc-tools-file-thumbnail'
            label={intl.formatMessage(messages.view, {name: file.name})}
            fallback={<FileTypeIcon file={file}/>}
        />
    );
}

function FileRow({file, siteURL, now}: {file: ConversationFile; siteURL: string; now: number}) {
    const intl = useConnectIntl();
    const time = useTimeFormat();
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
                    {file.size !== undefined && `${formatFileSize(intl, file.size)} · `}
                    <PersonName userId={file.user_id}/>
                    {file.create_at ? (
                        <>
                            {' · '}
                            <time
                                dateTime={new Date(file.create_at).toISOString()}
                                title={time.full(file.create_at)}
                            >
                                {time.short(file.create_at, now)}
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
                aria-label={intl.formatMessage(messages.downloadName, {name: file.name})}
            >
                {intl.formatMessage(messages.download)}
            </a>
        </li>
    );
}

// F-31 Attachments: the files posted in the conversation, newest first, and a way to add some
// (they go as one post, as from the composer).
export function AttachmentsTab({conversation}: {conversation: Conversation}) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
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
            setUploadFailure(intl.formatMessage(messages.tooMany, {max: maxFilesPerPost}));
            return;
        }
        setUploadFailure(null);
        setUploading(uploadingLabel(intl, chosen));
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
                    {intl.formatMessage(messages.add)}
                </button>
                <input
                    ref={inputRef}
                    type='file'
                    multiple={true}
                    hidden={true}
                    aria-label={intl.formatMessage(messages.choose)}
                    data-testid='add-file-input'
                    onChange={(event) => void onFilesChosen(event)}
                />
            </div>
            {uploading && <p className='cc-status'>{uploading}</p>}
            <Alert message={uploadFailure}/>
            {status === 'loading' && files.length === 0 && <p className='cc-status'>{intl.formatMessage(messages.loading)}</p>}
            <Alert message={error ? intl.formatMessage(messages.loadFailed, {reason: error}) : null}/>
            {status !== 'loading' && !error && files.length === 0 && (
                <p className='cc-tools-empty'>{intl.formatMessage(messages.empty)}</p>
            )}
            {files.length > 0 && (
                <ul
                    className='cc-tools-list'
                    aria-label={intl.formatMessage(messages.list)}
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
                    {status === 'loading-more' ? intl.formatMessage(commonMessages.loading) : intl.formatMessage(messages.more)}
                </button>
            )}
            {error && files.length === 0 && (
                <button
                    type='button'
                    className='cc-button cc-button--secondary'
                    onClick={reload}
                >
                    {intl.formatMessage(commonMessages.tryAgain)}
                </button>
            )}
        </div>
    );
}
