import React from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {selectPosts} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import {Alert} from '../common/Alert';
import {TypingIndicator} from '../live/TypingIndicator';
import {useSendTyping} from '../live/use_typing';

import {Composer} from './Composer';
import {JournalSwitch} from './JournalSwitch';
import {MessageList} from './MessageList';
import {SaveToRecordBar} from './SaveToRecord';
import type {ConversationSession} from './use_conversation';
import {useRecordSelection} from './use_record_selection';

const messages = defineMessages({
    drop: {id: 'connect.conversation.drop', defaultMessage: 'Drop to share in this conversation'},
});

const noPosts: readonly string[] = [];

// The messages, what is going on, the last failure and the composer of one conversation: the same
// in a mini window and in the workspace.
export function ConversationBody({session}: {session: ConversationSession}) {
    const {conversation} = session;
    const order = useSelector((state: ConnectRootState) => selectPosts(state, conversation.id)?.order) ?? noPosts;
    const selection = useRecordSelection(order);
    const sendTyping = useSendTyping(conversation);
    return (
        <>
            <MessageList
                conversationId={conversation.id}
                conversationName={conversation.name}
                onAtBottomChange={session.setAtBottom}
                sentCount={session.sentCount}
                editingId={session.editingId}
                onEdit={session.startEditing}
                onEditEnd={session.endEditing}
                selection={selection}
            />
            <TypingIndicator conversation={conversation}/>
            {session.activity && (
                <p
                    className='cc-conversation-status'
                    role='status'
                >
                    {session.activity}
                </p>
            )}
            <Alert
                message={session.failure}
                className='cc-conversation-alert'
            />
            {selection.selecting ? (
                <SaveToRecordBar
                    conversationId={conversation.id}
                    selection={selection}
                    order={order}
                />
            ) : (
                <>
                    {conversation.record && <JournalSwitch conversationId={conversation.id}/>}
                    <Composer
                        inputRef={session.composerRef}
                conversationName={conversation.name}
                draft={session.draft}
                onDraftChange={(text) => {
                    session.changeDraft(text);
                    sendTyping();
                }}
                onSend={session.send}
                onAttach={session.attach}
                files={session.files}
                onRemoveFile={session.removeFile}
                        busy={session.activity !== null}
                        onEditLast={session.editLast}
                    />
                </>
            )}
        </>
    );
}

// Over a conversation while something is dragged onto it.
export function DropOverlay() {
    const intl = useConnectIntl();
    return (
        <div
            className='cc-drop-overlay'
            aria-hidden='true'
        >
            {intl.formatMessage(messages.drop)}
        </div>
    );
}
