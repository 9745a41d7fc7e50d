import React from 'react';
import {useSelector} from 'react-redux';

import {selectConversationsById} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';

import {CreateRecordDialog} from './CreateRecordDialog';

interface Props {
    conversationId: string;
    messages: {post_ids: string[]} | {from_post_id: string};
    label: string;
    onClose: () => void;
}

// "Create record…" while messages are picked: the dialog, with the picked messages as the new
// record's first work note.
export function CreateFromPicked({conversationId, messages, label, onClose}: Props) {
    const conversation = useSelector((state: ConnectRootState) => selectConversationsById(state)[conversationId]);
    if (!conversation) {
        return null;
    }
    return (
        <CreateRecordDialog
            conversation={conversation}
            onClose={onClose}
            picked={{messages, label}}
        />
    );
}
