import React, {useRef, useState} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {IconButton} from '../common/IconButton';

import {EmojiPicker} from './EmojiPicker';

const messages = defineMessages({
    add: {id: 'connect.emoji.add_reaction', defaultMessage: 'Add a reaction'},
});

function AddReactionIcon() {
    return (
        <svg
            aria-hidden='true'
            focusable='false'
            width={16}
            height={16}
            viewBox='0 0 24 24'
            fill='none'
            stroke='currentColor'
            strokeWidth='2'
            strokeLinecap='round'
        >
            <path d='M20 11.5A8.5 8.5 0 1 1 12.5 3'/>
            <path d='M8.5 14.5a4.5 4.5 0 0 0 7 0M9 9.5h.01M15 9.5h.01M19 2v6M16 5h6'/>
        </svg>
    );
}

// "Add a reaction" in a message's toolbar: the full picker; the toolbar stays shown while it is
// open, and focus comes back to the button when it closes.
export function ReactionPickerButton({onPick}: {onPick: (emojiName: string) => void}) {
    const [open, setOpen] = useState(false);
    const intl = useConnectIntl();
    const buttonRef = useRef<HTMLButtonElement>(null);
    return (
        <>
            <IconButton
                ref={buttonRef}
                label={intl.formatMessage(messages.add)}
                expanded={open}
                className={open ? 'cc-reaction-picker-button--open' : undefined}
                onClick={() => setOpen((was) => !was)}
            >
                <AddReactionIcon/>
            </IconButton>
            {open && (
                <EmojiPicker
                    label={intl.formatMessage(messages.add)}
                    anchorRef={buttonRef}
                    onPick={(emoji) => onPick(emoji.name)}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
}
