import React from 'react';
import {defineMessages, type MessageDescriptor} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {IconButton} from '../common/IconButton';
import {ReactionPickerButton} from '../emoji/ReactionPickerButton';
import {MoreIcon} from '../common/icons';
import {Menu} from '../common/Menu';

const messages = defineMessages({
    addToRecord: {id: 'connect.message.actions.add_to_record', defaultMessage: 'Add to record…'},
    edit: {id: 'connect.message.actions.edit', defaultMessage: 'Edit'},
    delete: {id: 'connect.message.actions.delete', defaultMessage: 'Delete'},
    toolbar: {id: 'connect.message.actions.label', defaultMessage: 'Message actions'},
    reactWith: {id: 'connect.message.actions.react_with', defaultMessage: 'React with {reaction}'},
    thumbsUp: {id: 'connect.message.actions.reaction.thumbs_up', defaultMessage: 'thumbs up'},
    done: {id: 'connect.message.actions.reaction.done', defaultMessage: 'done'},
    looking: {id: 'connect.message.actions.reaction.looking', defaultMessage: 'looking'},
    more: {id: 'connect.message.actions.more', defaultMessage: 'More message actions'},
});

interface Props {
    own: boolean;
    onReact: (emojiName: string) => void;
    onEdit?: () => void;
    onDelete: () => void;

    // The emoji the user has already reacted with: picking one of them again changes nothing.
    ownReactions?: string[];

    // Starts picking messages to save to a record, with this one ticked.
    onAddToRecord?: () => void;
}

// The reactions people use most in an IT team, one click each.
const quickReactions: Array<[name: string, emoji: string, label: MessageDescriptor]> = [
    ['+1', '👍', messages.thumbsUp],
    ['white_check_mark', '✅', messages.done],
    ['eyes', '👀', messages.looking],
];

// The small toolbar over a message the pointer or focus is on: quick reactions, any emoji from
// the picker, "Add to record…", and for one's own message, edit and delete.
export function MessageActions({own, onReact, ownReactions = [], onEdit, onDelete, onAddToRecord}: Props) {
    const intl = useConnectIntl();
    const items = [
        ...(onAddToRecord ? [{label: intl.formatMessage(messages.addToRecord), onSelect: onAddToRecord}] : []),
        ...(own && onEdit ? [{label: intl.formatMessage(messages.edit), onSelect: onEdit}] : []),
        ...(own ? [{label: intl.formatMessage(messages.delete), onSelect: onDelete, danger: true}] : []),
    ];
    return (
        <div
            className='cc-message-actions'
            role='toolbar'
            aria-label={intl.formatMessage(messages.toolbar)}
        >
            {quickReactions.map(([name, emoji, label]) => (
                <IconButton
                    key={name}
                    label={intl.formatMessage(messages.reactWith, {reaction: intl.formatMessage(label)})}
                    onClick={() => onReact(name)}
                >
                    <span aria-hidden='true'>{emoji}</span>
                </IconButton>
            ))}
            <ReactionPickerButton
                onPick={(name) => {
                    if (!ownReactions.includes(name)) {
                        onReact(name);
                    }
                }}
            />
            {items.length > 0 && (
                <Menu
                    label={intl.formatMessage(messages.more)}
                    icon={<MoreIcon/>}
                    items={items}
                />
            )}
        </div>
    );
}
