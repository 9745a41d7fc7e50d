import {useCallback, useRef, useState, type DragEvent, type RefObject} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {errorMessage} from '../../error_message';
import {useConnectIntl} from '../../i18n/intl';
import {selectKnown} from '../../state/known';
import {sendPost} from '../../state/operations';
import {selectLastOwnPostId} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Conversation} from '../../types/connect';
import {journalProp} from '../../types/journal';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';

import type {DroppedContent} from './drop';
import {fitsInPost} from './message_length';
import {uploadingLabel, useComposerFiles, type WaitingFile} from './use_composer_files';
import {useDropZone} from './use_drop_zone';
import {useMarkReadWhileSeen} from './use_mark_read';

// One conversation as a person works in it, wherever it shows (a mini window, the workspace):
// the draft and the files waiting to go with it, sending, what is going on, the last failure,
// editing in place, and what a drop on it does.
export interface ConversationSession {
    conversation: Conversation;
    composerRef: RefObject<HTMLTextAreaElement>;
    draft: string;
    changeDraft: (draft: string) => void;
    files: WaitingFile[];
    removeFile: (file: WaitingFile) => void;
    attach: (files: File[]) => void;
    send: () => void;

    // "Sending…", "Uploading 2 files…", or null.
    activity: string | null;
    failure: string | null;
    setFailure: (failure: string | null) => void;

    // Counts what the user sent, so the list can scroll to it.
    sentCount: number;
    setAtBottom: (atBottom: boolean) => void;
    editingId: string | null;
    startEditing: (postId: string) => void;
    endEditing: () => void;
    editLast?: () => void;
    dragging: boolean;
    dropHandlers: Record<'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop', (event: DragEvent) => void>;
}

const messages = defineMessages({
    sending: {id: 'connect.conversation.sending', defaultMessage: 'Sending…'},
    addingRecord: {id: 'connect.conversation.adding_record', defaultMessage: 'Adding the record…'},
});

// visible: the conversation is on screen where the user is working (a focused, expanded window;
// the workspace's open conversation). It is marked read while visible at its newest message.
export function useConversation(conversation: Conversation, visible: boolean): ConversationSession {
    const {id} = conversation;
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const {currentUserId} = useConnectEnvironment();
    const composerRef = useRef<HTMLTextAreaElement>(null);
    const [draft, setDraft] = useState('');
    const waitingFiles = useComposerFiles();
    const [failure, setFailure] = useState<string | null>(null);
    const [activity, setActivity] = useState<string | null>(null);
    const [atBottom, setAtBottom] = useState(true);
    const [sentCount, setSentCount] = useState(0);
    const [editingId, setEditingId] = useState<string | null>(null);
    const lastOwnPostId = useSelector((state: ConnectRootState) => selectLastOwnPostId(state, id, currentUserId));

    useMarkReadWhileSeen(deps, conversation, visible && atBottom);

    const hasRecord = Boolean(conversation.record);
    const post = useCallback(async (message: string, description: string, files: File[] = []) => {
        setFailure(null);
        setActivity(description);
        try {
            // A record conversation's message says where it goes in the record: the composer's
            // switch (JournalSwitch); before that is known, the server applies the same choice.
            const kind = hasRecord ? selectKnown(deps.getState(), 'journalKind', id)?.kind : undefined;
            await sendPost(deps, id, message, files, kind ? {[journalProp]: kind} : undefined);
            setSentCount((count) => count + 1);
            return true;
        } catch (error) {
            setFailure(errorMessage(error));
            return false;
        } finally {
            setActivity(null);
        }
    }, [deps, id, hasRecord]);

    // The text and the waiting files go as one post. A refused message stays in the field with its
    // files, with the server's reason above it (F-07).
    const send = async () => {
        const message = draft.trim();
        const sending = waitingFiles.files;
        if ((!message && sending.length === 0) || !fitsInPost(message) || activity) {
            return;
        }
        setDraft(message);
        const files = sending.map((waiting) => waiting.file);
        if (await post(message, files.length > 0 ? uploadingLabel(intl, files) : intl.formatMessage(messages.sending), files)) {
            setDraft((current) => (current === message ? '' : current));
            waitingFiles.clear(sending);
        }
    };

    // Picked or dropped files wait in the field until the message is sent; past Mattermost's
    // limit of files in a post, the rest are refused.
    const attach = (files: File[]) => {
        setFailure(waitingFiles.add(files));
        composerRef.current?.focus();
    };

    // Files wait in the composer, a ticket number or record link is posted at once (the card
    // fills in), other text goes into the draft (F-06, F-41).
    const {dragging, handlers} = useDropZone((content: DroppedContent) => {
        switch (content.kind) {
        case 'files':
            attach(content.files);
            break;
        case 'record':
            void post(content.text, intl.formatMessage(messages.addingRecord));
            break;
        case 'text':
            setDraft((current) => (current ? `${current} ${content.text}` : content.text));
            composerRef.current?.focus();
            break;
        }
    });

    return {
        conversation,
        composerRef,
        draft,
        changeDraft: (text) => {
            setDraft(text);
            setFailure(null);
        },
        files: waitingFiles.files,
        removeFile: (file) => {
            waitingFiles.remove(file.key);
            setFailure(null);
        },
        attach,
        send: () => void send(),
        activity,
        failure,
        setFailure,
        sentCount,
        setAtBottom,
        editingId,
        startEditing: setEditingId,
        endEditing: () => {
            setEditingId(null);
            composerRef.current?.focus();
        },
        editLast: lastOwnPostId ? () => setEditingId(lastOwnPostId) : undefined,
        dragging,
        dropHandlers: handlers,
    };
}
