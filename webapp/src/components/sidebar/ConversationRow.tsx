import React, {memo, useId} from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {previewInLanguage} from '../../i18n/sent_file';
import type {Conversation} from '../../types/connect';
import {ConversationAvatar} from '../common/Avatar';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';
import {useTimeFormat} from '../common/time';
import {UnreadBadge, unreadLabel} from '../common/UnreadBadge';
import {plainText} from '../message_text/plain_text';
import {useDropZone} from '../conversation/use_drop_zone';

const messages = defineMessages({
    noMessages: {id: 'connect.sidebar.row.no_messages', defaultMessage: 'No messages yet'},
    mine: {id: 'connect.sidebar.row.mine', defaultMessage: 'You: {message}'},
    byAuthor: {id: 'connect.sidebar.row.by_author', defaultMessage: '{author}: {message}'},
    withUnread: {id: 'connect.sidebar.row.label_unread', defaultMessage: '{name}, {unread}'},
    recordBadge: {id: 'connect.sidebar.row.record_badge', defaultMessage: 'Record'},
    recordBadgeTitle: {id: 'connect.sidebar.row.record_badge_title', defaultMessage: 'Record conversation: its followers are its members'},
    close: {id: 'connect.sidebar.row.close', defaultMessage: 'Close {name}'},
});

interface Props {
    conversation: Conversation;
    siteURL: string;
    currentUserId: string;
    now: number;
    onOpen: (conversation: Conversation) => void;

    // Rows without it (search results) have no close button.
    onClose?: (conversation: Conversation) => void;

    // A ticket number or record link dropped on the row (F-41).
    onDropRecord?: (conversation: Conversation, text: string) => void;

    // The conversation shown beside the list (in the workspace).
    selectedId?: string | null;
}

function firstName(displayName: string): string {
    return displayName.replace(/^@/, '').split(' ')[0] ?? displayName;
}

// "You: ..." for the user's own message; in a group, the author's first name before it.
export function previewOf(intl: IntlShape, conversation: Conversation, currentUserId: string): string {
    const lastPost = conversation.last_post;
    if (!lastPost) {
        return intl.formatMessage(messages.noMessages);
    }
    // The text as it reads, without its markdown.
    const message = previewInLanguage(intl, plainText(lastPost.message));
    if (lastPost.user_id === currentUserId) {
        return intl.formatMessage(messages.mine, {message});
    }
    const author = conversation.members.find((member) => member.id === lastPost.user_id);
    return conversation.kind === 'group' && author ? intl.formatMessage(messages.byAuthor, {author: firstName(author.display_name || author.username), message}) : message;
}

export const ConversationRow = memo(function ConversationRow({conversation, siteURL, currentUserId, now, onOpen, onClose, onDropRecord, selectedId}: Props) {
    const previewId = useId();
    const presenceId = useId();
    const badgeId = useId();
    const timeId = useId();
    const intl = useConnectIntl();
    const time = useTimeFormat();
    const unread = conversation.unread_count;
    const label = unread > 0 ? intl.formatMessage(messages.withUnread, {name: conversation.name, unread: unreadLabel(intl, unread)}) : conversation.name;

    // Only records go to a row; files and other text want the conversation's own window.
    const {dragging, handlers} = useDropZone((content) => {
        if (content.kind === 'record') {
            onDropRecord?.(conversation, content.text);
        }
    });
    const selected = conversation.id === selectedId;
    const classes = ['cc-row', unread > 0 ? 'cc-row--unread' : '', dragging ? 'cc-row--drop-target' : '', selected ? 'cc-row--selected' : ''].filter(Boolean).join(' ');

    return (
        <li
            className={classes}
            data-testid='conversation-row'
            data-conversation-row-id={conversation.id}
            {...(onDropRecord ? handlers : {})}
        >
            {/* The button holds only the conversation's name, and a pseudo-element stretches it over
                the row: its name (and unread count) is what it shows (WCAG 2.5.3), and the badge,
                the last message and its time are read as its description. */}
            <div className='cc-row-body'>
                <ConversationAvatar
                    conversation={conversation}
                    siteURL={siteURL}
                    presenceId={presenceId}
                />
                <span className='cc-row-text'>
                    <span className='cc-row-name'>
                        {conversation.record && (
                            <span
                                id={badgeId}
                                className='cc-record-badge'
                                title={intl.formatMessage(messages.recordBadgeTitle)}
                                aria-hidden='true'
                            >
                                {intl.formatMessage(messages.recordBadge)}
                            </span>
                        )}
                        <button
                            type='button'
                            className='cc-row-main'
                            aria-label={label}
                            aria-describedby={[conversation.record ? badgeId : '', presenceId, previewId, timeId].filter(Boolean).join(' ')}
                            aria-current={selected ? 'true' : undefined}
                            onClick={() => onOpen(conversation)}
                        >
                            {conversation.name}
                        </button>
                    </span>
                    <span
                        id={previewId}
                        className='cc-row-preview'
                        aria-hidden='true'
                    >
                        {previewOf(intl, conversation, currentUserId)}
                    </span>
                </span>
                <span className='cc-row-meta'>
                    <time
                        id={timeId}
                        className='cc-row-time'
                        aria-hidden='true'
                        dateTime={new Date(conversation.last_activity_at).toISOString()}
                        title={time.full(conversation.last_activity_at)}
                    >
                        {time.short(conversation.last_activity_at, now)}
                    </time>
                    <UnreadBadge
                        count={unread}
                        decorative={true}
                    />
                </span>
            </div>
            {onClose && (
                <IconButton
                    className='cc-row-close'
                    label={intl.formatMessage(messages.close, {name: conversation.name})}
                    onClick={() => onClose(conversation)}
                >
                    <CloseIcon size={16}/>
                </IconButton>
            )}
        </li>
    );
});
