import React, {memo, useCallback, useEffect, useState} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import {deleteMessage, editMessage, toggleReaction} from '../../state/operations';
import {authorName, selectConnect, selectPost, selectUser} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import {systemMessageText, type NameOf} from '../../system_message';
import {isJournal, journalLabels, journalProp} from '../../types/journal';
import type {Post} from '../../types/mattermost';
import {Alert} from '../common/Alert';
import {useTimeFormat} from '../common/time';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';
import {MessageText} from '../message_text/MessageText';
import {plainText} from '../message_text/plain_text';
import {useMessageTextUsers} from '../message_text/use_message_users';

import {AttachmentCard} from './AttachmentCard';
import {cardsOf, filesOf, isSystemMessage} from './attachments';
import {FileAttachments} from './FileAttachments';
import {MessageActions} from './MessageActions';
import {MessageEditor} from './MessageEditor';
import {Reactions} from './Reactions';

const messages = defineMessages({
    you: {id: 'connect.message.you', defaultMessage: 'you'},
    someone: {id: 'connect.message.someone', defaultMessage: 'someone'},
    someoneName: {id: 'connect.message.someone_author', defaultMessage: 'Someone'},
    pick: {id: 'connect.message.pick', defaultMessage: 'Pick the message from {name}, {time}'},
    editedTitle: {id: 'connect.message.edited_title', defaultMessage: 'Edited {time}'},
    edited: {id: 'connect.message.edited', defaultMessage: '(edited)'},
    commentTitle: {id: 'connect.message.journal.comments_title', defaultMessage: 'Written to the record as a comment: the caller sees it'},
    workNoteTitle: {id: 'connect.message.journal.work_notes_title', defaultMessage: 'Written to the record as a work note'},
    deleteLabel: {id: 'connect.message.delete.label', defaultMessage: 'Delete message'},
    deleteConfirm: {id: 'connect.message.delete.confirm', defaultMessage: 'Delete this message? It is removed for everyone in the conversation.'},
    delete: {id: 'connect.message.delete.button', defaultMessage: 'Delete'},
    replyingTo: {id: 'connect.message.reply_to', defaultMessage: 'Replying to {name}: {text}'},
    aFile: {id: 'connect.message.reply_to.a_file', defaultMessage: 'a file'},
    replyingEarlier: {id: 'connect.message.reply_to.earlier', defaultMessage: 'Replying to an earlier message'},
});

interface Props {
    post: Post;

    // Follows a message by the same author shortly before: the author and time are not repeated.
    continued: boolean;

    // The user is editing this message (their own) in place; without onEdit it cannot be edited.
    editing?: boolean;
    onEdit?: (postId: string) => void;
    onEditEnd?: () => void;

    // Picking messages to save to a record: each message has a checkbox (picked says whether it
    // is ticked; range: Shift was held). onAddToRecord starts picking with this message.
    selecting?: boolean;
    picked?: boolean;
    onPick?: (postId: string, range: boolean) => void;
    onAddToRecord?: (postId: string) => void;
}

function overrideName(post: Post): string | undefined {
    const name = post.props?.override_username;
    return typeof name === 'string' && name ? name : undefined;
}

// Cards Connect made carry connect_records; showing one asks the server whether its records
// changed, so a card shows the record's current state (within the server's cache time).
function useFreshCards(post: Post) {
    const {client} = useConnectEnvironment();
    const hasConnectCards = Boolean(post.props?.connect_records);
    useEffect(() => {
        if (hasConnectCards) {
            client.refreshCards(post.id).catch(() => {
                // The card keeps what it shows; the next view asks again.
            });
        }
    }, [client, post.id, hasConnectCards]);
}

// Names people as the reader knows them: "you", a full name, or the @username Mattermost gave.
function useNameOf(): NameOf {
    const {currentUserId} = useConnectEnvironment();
    const intl = useConnectIntl();
    const users = useSelector((state: ConnectRootState) => selectConnect(state).users);
    return useCallback((userId: string | undefined, username?: string) => {
        if (userId && userId === currentUserId) {
            return {name: intl.formatMessage(messages.you), you: true};
        }
        return {name: authorName(userId ? users[userId] : undefined) ?? (username ? `@${username}` : intl.formatMessage(messages.someone)), you: false};
    }, [currentUserId, users, intl]);
}

export const Message = memo(function Message(props: Props) {
    return isSystemMessage(props.post) ? <SystemMessage post={props.post}/> : <UserMessage {...props}/>;
});

function SystemMessage({post}: {post: Post}) {
    const nameOf = useNameOf();
    const intl = useConnectIntl();
    return (
        <div
            className='cc-message cc-message--system'
            data-testid='message'
            data-post-id={post.id}
        >
            <p className='cc-message-text'>{systemMessageText(intl, post, nameOf) ?? post.message}</p>
        </div>
    );
}

function UserMessage({post, continued, editing = false, onEdit, onEditEnd = () => undefined, selecting = false, picked = false, onPick, onAddToRecord}: Props) {
    const deps = useConnectDeps();
    const {siteURL, currentUserId} = useConnectEnvironment();
    const textUsers = useMessageTextUsers();
    const nameOf = useNameOf();
    const intl = useConnectIntl();
    const time = useTimeFormat();
    useFreshCards(post);
    const author = useSelector((state: ConnectRootState) => selectUser(state, post.user_id));
    const [confirmingDelete, setConfirmingDelete] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const files = filesOf(post, intl);
    const cards = cardsOf(post);
    const name = overrideName(post) ?? authorName(author) ?? intl.formatMessage(messages.someoneName);
    const own = post.user_id === currentUserId && !overrideName(post);
    const journal = post.props?.[journalProp];

    const run = (operation: () => Promise<unknown>) => {
        setFailure(null);
        operation().catch((error: unknown) => setFailure(errorMessage(error)));
    };
    const react = (emojiName: string) => run(() => toggleReaction(deps, post, currentUserId, emojiName));

    return (
        <div
            className={picked ? 'cc-message cc-message--picked' : 'cc-message'}
            data-testid='message'
            data-post-id={post.id}
        >
            {selecting && (
                <input
                    type='checkbox'
                    className='cc-message-pick'
                    aria-label={intl.formatMessage(messages.pick, {name, time: time.full(post.create_at)})}
                    checked={picked}
                    onChange={() => undefined}
                    onClick={(event) => onPick?.(post.id, event.shiftKey)}
                />
            )}
            {!continued && (
                <div className='cc-message-head'>
                    <span className='cc-message-author'>{name}</span>
                    <time
                        className='cc-message-time'
                        dateTime={new Date(post.create_at).toISOString()}
                        title={time.full(post.create_at)}
                    >
                        {time.time(post.create_at)}
                    </time>
                </div>
            )}
            {post.root_id && (
                <ReplyTo
                    channelId={post.channel_id}
                    rootId={post.root_id}
                    nameOf={(userId) => nameOf(userId).name}
                />
            )}
            {editing ? (
                <MessageEditor
                    initial={post.message}
                    onSave={async (message) => {
                        await editMessage(deps, post.id, message);
                        onEditEnd();
                    }}
                    onCancel={onEditEnd}
                />
            ) : post.message && (
                <div className='cc-message-text'>
                    <MessageText
                        text={post.message}
                        {...textUsers}
                    />
                    {Boolean(post.edit_at) && (
                        <span
                            className='cc-message-edited'
                            title={intl.formatMessage(messages.editedTitle, {time: time.full(post.edit_at ?? 0)})}
                        >
                            {intl.formatMessage(messages.edited)}
                        </span>
                    )}
                </div>
            )}
            {isJournal(journal) && (
                <span
                    className='cc-message-journal'
                    title={intl.formatMessage(journal === 'comments' ? messages.commentTitle : messages.workNoteTitle)}
                >
                    {intl.formatMessage(journalLabels[journal])}
                </span>
            )}
            {cards.map((card, index) => (
                <AttachmentCard
                    key={index}
                    card={card}
                />
            ))}
            {files.length > 0 && (
                <FileAttachments
                    files={files}
                    siteURL={siteURL}
                />
            )}
            <Reactions
                reactions={post.metadata?.reactions ?? []}
                currentUserId={currentUserId}
                nameOf={(userId) => nameOf(userId).name}
                onToggle={react}
            />
            {confirmingDelete && (
                <div
                    className='cc-confirm'
                    role='alertdialog'
                    aria-label={intl.formatMessage(messages.deleteLabel)}
                >
                    <p>{intl.formatMessage(messages.deleteConfirm)}</p>
                    <button
                        type='button'
                        className='cc-button cc-button--danger'
                        onClick={() => run(() => deleteMessage(deps, post))}
                    >
                        {intl.formatMessage(messages.delete)}
                    </button>
                    <button
                        type='button'
                        className='cc-button cc-button--secondary'
                        onClick={() => setConfirmingDelete(false)}
                    >
                        {intl.formatMessage(commonMessages.cancel)}
                    </button>
                </div>
            )}
            <Alert message={failure}/>
            {!editing && !selecting && (
                <MessageActions
                    own={own}
                    onReact={react}
                    ownReactions={(post.metadata?.reactions ?? []).filter((reaction) => reaction.user_id === currentUserId).map((reaction) => reaction.emoji_name)}
                    onEdit={onEdit && (() => onEdit(post.id))}
                    onDelete={() => setConfirmingDelete(true)}
                    onAddToRecord={onAddToRecord && (() => onAddToRecord(post.id))}
                />
            )}
        </div>
    );
}

// "Replying to Bob Baker: the printer…"; a click brings the message it answers into view.
function ReplyTo({channelId, rootId, nameOf}: {channelId: string; rootId: string; nameOf: (userId: string) => string}) {
    const root = useSelector((state: ConnectRootState) => selectPost(state, channelId, rootId));
    const intl = useConnectIntl();
    const text = root ?
        intl.formatMessage(messages.replyingTo, {name: nameOf(root.user_id), text: plainText(root.message) || intl.formatMessage(messages.aFile)}) :
        intl.formatMessage(messages.replyingEarlier);
    const show = (button: HTMLButtonElement) => {
        const target = button.closest('[role="log"]')?.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(rootId)}"]`);
        target?.scrollIntoView({block: 'center'});
        target?.classList.add('cc-message--highlight');
        setTimeout(() => target?.classList.remove('cc-message--highlight'), 1500);
    };
    return (
        <button
            type='button'
            className='cc-reply-to'
            disabled={!root}
            title={text}
            onClick={(event) => show(event.currentTarget)}
        >
            {text}
        </button>
    );
}
