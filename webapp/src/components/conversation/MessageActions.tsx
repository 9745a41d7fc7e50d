import React from 'react';

import {IconButton} from '../common/IconButton';
import {MoreIcon} from '../common/icons';
import {Menu} from '../common/Menu';

interface Props {
    own: boolean;
    onReact: (emojiName: string) => void;
    onEdit?: () => void;
    onDelete: () => void;

    // Starts picking messages to save to a record, with this one ticked.
    onAddToRecord?: () => void;
}

// The reactions people use most in an IT team, one click each.
const quickReactions: Array<[name: string, emoji: string, label: string]> = [
    ['+1', '👍', 'thumbs up'],
    ['white_check_mark', '✅', 'done'],
    ['eyes', '👀', 'looking'],
];

// The small toolbar over a message the pointer or focus is on: quick reactions, "Add to record…",
// and for one's own message, edit and delete.
export function MessageActions({own, onReact, onEdit, onDelete, onAddToRecord}: Props) {
    const items = [
        ...(onAddToRecord ? [{label: 'Add to record…', onSelect: onAddToRecord}] : []),
        ...(own && onEdit ? [{label: 'Edit', onSelect: onEdit}] : []),
        ...(own ? [{label: 'Delete', onSelect: onDelete, danger: true}] : []),
    ];
    return (
        <div
            className='cc-message-actions'
            role='toolbar'
            aria-label='Message actions'
        >
            {quickReactions.map(([name, emoji, label]) => (
                <IconButton
                    key={name}
                    label={`React with ${label}`}
                    onClick={() => onReact(name)}
                >
                    <span aria-hidden='true'>{emoji}</span>
                </IconButton>
            ))}
            {items.length > 0 && (
                <Menu
                    label='More message actions'
                    icon={<MoreIcon/>}
                    items={items}
                />
            )}
        </div>
    );
}
