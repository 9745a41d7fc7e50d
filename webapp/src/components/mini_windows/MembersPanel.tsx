import React, {useEffect, useId, useRef, useState, type KeyboardEvent} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {memberName} from '../../state/selectors';
import type {Conversation, Member} from '../../types/connect';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';

const messages = defineMessages({
    title: {id: 'connect.members.title', defaultMessage: 'Members'},
    close: {id: 'connect.members.close', defaultMessage: 'Close members'},
    you: {id: 'connect.members.you', defaultMessage: ' (you)'},
    leave: {id: 'connect.members.leave', defaultMessage: 'Leave group'},
    removeName: {id: 'connect.members.remove_label', defaultMessage: 'Remove {name}'},
    remove: {id: 'connect.members.remove', defaultMessage: 'Remove'},
});

interface Props {
    conversation: Conversation;
    siteURL: string;
    currentUserId: string;

    // Resolves once the server answered, whatever it answered: the window shows any failure.
    onRemove: (member: Member) => Promise<void>;
    onClose: () => void;
}

// F-04: who is in a group. In a group Connect manages, others can be removed and you can leave.
// Escape closes the panel.
export function MembersPanel({conversation, siteURL, currentUserId, onRemove, onClose}: Props) {
    const headingId = useId();
    const intl = useConnectIntl();
    const panelRef = useRef<HTMLElement>(null);
    const [busyId, setBusyId] = useState<string | null>(null);
    const you = conversation.members.filter((member) => member.id === currentUserId);
    const members = [...you, ...conversation.members.filter((member) => member.id !== currentUserId)];

    useEffect(() => {
        panelRef.current?.focus();
    }, []);

    const remove = async (member: Member) => {
        if (busyId) {
            return;
        }
        setBusyId(member.id);
        try {
            await onRemove(member);
        } finally {
            setBusyId(null);

            // The removed person's button is gone: focus stays in the panel (if it is still shown).
            panelRef.current?.focus();
        }
    };

    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
        }
    };

    return (
        <section
            ref={panelRef}
            className='cc-picker cc-members'
            aria-labelledby={headingId}
            tabIndex={-1}
            onKeyDown={onKeyDown}
        >
            <div className='cc-members-head'>
                <h3
                    id={headingId}
                    className='cc-picker-title'
                >
                    {intl.formatMessage(messages.title)}
                </h3>
                <IconButton
                    small={true}
                    label={intl.formatMessage(messages.close)}
                    onClick={onClose}
                >
                    <CloseIcon size={12}/>
                </IconButton>
            </div>
            <ul
                className='cc-members-list'
                aria-labelledby={headingId}
            >
                {members.map((member) => {
                    const name = memberName(member);
                    const isYou = member.id === currentUserId;
                    return (
                        <li
                            key={member.id}
                            className='cc-member'
                        >
                            <img
                                className='cc-avatar'
                                src={`${siteURL}/api/v4/users/${encodeURIComponent(member.id)}/image`}
                                alt=''
                                width={24}
                                height={24}
                            />
                            <span className='cc-member-name'>
                                {name}
                                {isYou && <span className='cc-member-you'>{intl.formatMessage(messages.you)}</span>}
                            </span>
                            {conversation.managed && (
                                <RemoveMemberButton
                                    name={name}
                                    isYou={isYou}
                                    disabled={busyId !== null}
                                    onRemove={() => void remove(member)}
                                />
                            )}
                        </li>
                    );
                })}
            </ul>
        </section>
    );
}

interface RemoveMemberProps {
    name: string;
    isYou: boolean;
    disabled: boolean;
    onRemove: () => void;
}

// "Remove" for someone else, "Leave group" for yourself: in the members panel and the workspace.
export function RemoveMemberButton({name, isYou, disabled, onRemove}: RemoveMemberProps) {
    const intl = useConnectIntl();
    return (
        <button
            type='button'
            className='cc-member-action'
            aria-label={isYou ? intl.formatMessage(messages.leave) : intl.formatMessage(messages.removeName, {name})}
            disabled={disabled}
            onClick={onRemove}
        >
            {intl.formatMessage(isYou ? messages.leave : messages.remove)}
        </button>
    );
}
