import React from 'react';

import type {Conversation, StaffPerson} from '../../types/connect';

import {PeoplePicker} from './PeoplePicker';

interface Props {
    conversation: Conversation;
    onSubmit: (people: StaffPerson[]) => Promise<void>;
    onCancel: () => void;
}

// Adding people to a group, from a mini window or the workspace: staff not in it yet.
export function AddPeoplePicker({conversation, onSubmit, onCancel}: Props) {
    return (
        <PeoplePicker
            title='Add people'
            hint='They see the whole conversation, earlier messages included.'
            submitLabel='Add'
            excludeIds={conversation.members.map((member) => member.id)}
            onSubmit={onSubmit}
            onCancel={onCancel}
        />
    );
}
