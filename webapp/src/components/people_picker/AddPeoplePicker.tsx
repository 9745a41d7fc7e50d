import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import type {Conversation, StaffPerson} from '../../types/connect';

import {PeoplePicker} from './PeoplePicker';

const messages = defineMessages({
    title: {id: 'connect.picker.add.title', defaultMessage: 'Add people'},
    hint: {id: 'connect.picker.add.hint', defaultMessage: 'They see the whole conversation, earlier messages included.'},
    submit: {id: 'connect.picker.add.submit', defaultMessage: 'Add'},
});

interface Props {
    conversation: Conversation;
    onSubmit: (people: StaffPerson[]) => Promise<void>;
    onCancel: () => void;
}

// Adding people to a group, from a mini window or the workspace: staff not in it yet.
export function AddPeoplePicker({conversation, onSubmit, onCancel}: Props) {
    const intl = useConnectIntl();
    return (
        <PeoplePicker
            title={intl.formatMessage(messages.title)}
            hint={intl.formatMessage(messages.hint)}
            submitLabel={intl.formatMessage(messages.submit)}
            excludeIds={conversation.members.map((member) => member.id)}
            onSubmit={onSubmit}
            onCancel={onCancel}
        />
    );
}
