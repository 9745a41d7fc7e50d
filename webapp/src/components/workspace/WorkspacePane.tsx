import React, {useEffect, useRef, useState} from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import type {Conversation} from '../../types/connect';
import {ConversationAvatar} from '../common/Avatar';
import {IconButton} from '../common/IconButton';
import {BellIcon} from '../common/icons';
import {useConnectEnvironment} from '../connect_context';
import {CreateRecordDialog} from '../create/CreateRecordDialog';
import {ConversationBody, DropOverlay} from '../conversation/ConversationBody';
import {useConversation} from '../conversation/use_conversation';

import {usePageVisible} from './use_page_visible';

const messages = defineMessages({
    direct: {id: 'connect.workspace.pane.direct', defaultMessage: 'Direct conversation with {others}'},
    group: {id: 'connect.workspace.pane.group', defaultMessage: '{count, plural, one {# member: you, {others}} other {# members: you, {others}}}'},
    alone: {id: 'connect.workspace.pane.alone', defaultMessage: 'Only you so far'},
    create: {id: 'connect.workspace.pane.create', defaultMessage: 'Create record'},
    notifications: {id: 'connect.workspace.pane.notifications', defaultMessage: 'Notification preferences'},
});

interface Props {
    conversation: Conversation;

    // Changes when the user chose this conversation (again): the composer takes focus.
    focusRequest: number;

    // The header's bell: shows the tools' Notifications tab.
    onNotifications: () => void;
}

function membersLine(intl: IntlShape, conversation: Conversation, currentUserId: string): string {
    const others = conversation.members.filter((member) => member.id !== currentUserId).map((member) => member.display_name || `@${member.username}`).join(', ');
    if (conversation.kind !== 'group') {
        return intl.formatMessage(messages.direct, {others});
    }
    // A record conversation can have one member, its only follower.
    return others ? intl.formatMessage(messages.group, {count: conversation.members.length, others}) : intl.formatMessage(messages.alone);
}

// The workspace's middle: the open conversation's header, its messages and composer. The same
// conversation component as a mini window, so both behave alike.
export function WorkspacePane({conversation, focusRequest, onNotifications}: Props) {
    const {siteURL, currentUserId} = useConnectEnvironment();
    const intl = useConnectIntl();
    const session = useConversation(conversation, usePageVisible());
    const {composerRef} = session;
    const [creating, setCreating] = useState(false);
    const createRef = useRef<HTMLButtonElement>(null);

    useEffect(() => {
        composerRef.current?.focus();
    }, [conversation.id, focusRequest, composerRef]);

    return (
        <section
            className='cc-ws-pane'
            aria-labelledby='cc-ws-pane-title'
            data-conversation-id={conversation.id}
            data-testid='workspace-conversation'
            {...session.dropHandlers}
        >
            <header className='cc-ws-pane-header'>
                <ConversationAvatar
                    conversation={conversation}
                    siteURL={siteURL}
                />
                <div className='cc-ws-pane-heading'>
                    <h2
                        id='cc-ws-pane-title'
                        className='cc-ws-pane-title'
                    >
                        {conversation.name}
                    </h2>
                    <p className='cc-ws-pane-members'>{membersLine(intl, conversation, currentUserId)}</p>
                </div>
                <button
                    ref={createRef}
                    type='button'
                    className='cc-button cc-button--secondary cc-ws-create'
                    aria-haspopup='dialog'
                    onClick={() => setCreating(true)}
                >
                    {intl.formatMessage(messages.create)}
                </button>
                <IconButton
                    label={intl.formatMessage(messages.notifications)}
                    onClick={onNotifications}
                >
                    <BellIcon/>
                </IconButton>
            </header>
            <ConversationBody session={session}/>
            {session.dragging && <DropOverlay/>}
            {creating && (
                <CreateRecordDialog
                    conversation={conversation}
                    onClose={() => {
                        setCreating(false);
                        createRef.current?.focus();
                    }}
                />
            )}
        </section>
    );
}
