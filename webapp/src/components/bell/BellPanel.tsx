import React, {useEffect, useId, useRef, type KeyboardEvent} from 'react';

import type {Conversation} from '../../types/connect';
import type {NotificationLevel, NotificationPreferences} from '../../types/notifications';
import {Alert} from '../common/Alert';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';

import {DigestSection} from './DigestSection';
import {ReceiptsSection} from './ReceiptsSection';
import {useNotificationPreferences} from './use_notification_preferences';

type Channel = 'desktop' | 'push' | 'email';

const channels: ReadonlyArray<{key: Channel; label: string}> = [
    {key: 'desktop', label: 'Desktop'},
    {key: 'push', label: 'Mobile push'},
    {key: 'email', label: 'Email'},
];

const levels: ReadonlyArray<{level: NotificationLevel; label: string; groupsOnly?: boolean}> = [
    {level: 'all', label: 'All activity'},
    {level: 'mention', label: 'Only @mentions', groupsOnly: true},
    {level: 'none', label: 'Never'},
];

interface Props {
    conversation: Conversation;

    // Shown as a panel that closes (a mini window's): a close button, and Escape closes it.
    onClose?: () => void;
}

// F-51: the bell. Desktop, mobile push and email, each "All activity", "Only @mentions" (groups
// only: in a direct conversation every message is for you) or "Never", and mute. Every choice is
// saved at once in the channel member's notification settings, which Mattermost's own desktop,
// mobile and email notifications read.
export function BellPanel({conversation, onClose}: Props) {
    const {preferences, failure, saving, save} = useNotificationPreferences(conversation.id);
    const baseId = useId();
    const panelRef = useRef<HTMLElement>(null);
    const group = conversation.kind === 'group';

    useEffect(() => {
        if (onClose) {
            panelRef.current?.focus();
        }
    }, [onClose]);

    const onKeyDown = (event: KeyboardEvent) => {
        if (onClose && event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
        }
    };

    const choose = (change: Partial<NotificationPreferences>) => {
        if (preferences) {
            void save({...preferences, ...change});
        }
    };

    return (
        <section
            ref={panelRef}
            className={onClose ? 'cc-picker cc-bell' : 'cc-bell'}
            aria-labelledby={`${baseId}-title`}
            aria-busy={saving}
            tabIndex={onClose ? -1 : undefined}
            onKeyDown={onKeyDown}
        >
            <div className='cc-bell-head'>
                <h3
                    id={`${baseId}-title`}
                    className='cc-picker-title'
                >
                    {'Notification preferences'}
                </h3>
                {onClose && (
                    <IconButton
                        small={true}
                        label='Close notification preferences'
                        onClick={onClose}
                    >
                        <CloseIcon size={12}/>
                    </IconButton>
                )}
            </div>
            <Alert message={failure}/>
            {preferences ? (
                <>
                    {channels.map((channel) => (
                        <fieldset
                            key={channel.key}
                            className='cc-bell-channel'
                        >
                            <legend>{channel.label}</legend>
                            {levels.filter((option) => group || !option.groupsOnly).map((option) => (
                                <label
                                    key={option.level}
                                    className='cc-bell-option'
                                >
                                    <input
                                        type='radio'
                                        name={`${baseId}-${channel.key}`}
                                        value={option.level}
                                        checked={preferences[channel.key] === option.level}
                                        onChange={() => choose({[channel.key]: option.level})}
                                    />
                                    {option.label}
                                </label>
                            ))}
                        </fieldset>
                    ))}
                    <label className='cc-bell-option cc-bell-mute'>
                        <input
                            type='checkbox'
                            checked={preferences.muted}
                            onChange={(event) => choose({muted: event.target.checked})}
                        />
                        {'Mute this conversation'}
                    </label>
                    <p className='cc-bell-hint'>
                        {group ? 'Email goes out while you are away or offline.' : 'In a direct conversation every message is for you. Email goes out while you are away or offline.'}
                    </p>
                    <DigestSection conversation={conversation}/>
                    <ReceiptsSection/>
                </>
            ) : (
                !failure && <p className='cc-status'>{'Loading…'}</p>
            )}
        </section>
    );
}
