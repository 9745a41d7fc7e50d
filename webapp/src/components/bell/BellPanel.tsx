import React, {useEffect, useId, useRef, type KeyboardEvent} from 'react';
import {defineMessages, type MessageDescriptor} from 'react-intl';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import type {Conversation} from '../../types/connect';
import type {NotificationLevel, NotificationPreferences} from '../../types/notifications';
import {Alert} from '../common/Alert';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';

import {DigestSection} from './DigestSection';
import {ReceiptsSection} from './ReceiptsSection';
import {useNotificationPreferences} from './use_notification_preferences';

const messages = defineMessages({
    desktop: {id: 'connect.bell.channel.desktop', defaultMessage: 'Desktop'},
    push: {id: 'connect.bell.channel.push', defaultMessage: 'Mobile push'},
    email: {id: 'connect.bell.channel.email', defaultMessage: 'Email'},
    all: {id: 'connect.bell.level.all', defaultMessage: 'All activity'},
    mention: {id: 'connect.bell.level.mention', defaultMessage: 'Only @mentions'},
    never: {id: 'connect.bell.level.none', defaultMessage: 'Never'},
    title: {id: 'connect.bell.title', defaultMessage: 'Notification preferences'},
    close: {id: 'connect.bell.close', defaultMessage: 'Close notification preferences'},
    mute: {id: 'connect.bell.mute', defaultMessage: 'Mute this conversation'},
    groupHint: {id: 'connect.bell.hint.group', defaultMessage: 'Email goes out while you are away or offline.'},
    directHint: {id: 'connect.bell.hint.direct', defaultMessage: 'In a direct conversation every message is for you. Email goes out while you are away or offline.'},
});

type Channel = 'desktop' | 'push' | 'email';

const channels: ReadonlyArray<{key: Channel; label: MessageDescriptor}> = [
    {key: 'desktop', label: messages.desktop},
    {key: 'push', label: messages.push},
    {key: 'email', label: messages.email},
];

const levels: ReadonlyArray<{level: NotificationLevel; label: MessageDescriptor; groupsOnly?: boolean}> = [
    {level: 'all', label: messages.all},
    {level: 'mention', label: messages.mention, groupsOnly: true},
    {level: 'none', label: messages.never},
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
    const intl = useConnectIntl();
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
                    {intl.formatMessage(messages.title)}
                </h3>
                {onClose && (
                    <IconButton
                        small={true}
                        label={intl.formatMessage(messages.close)}
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
                            <legend>{intl.formatMessage(channel.label)}</legend>
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
                                    {intl.formatMessage(option.label)}
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
                        {intl.formatMessage(messages.mute)}
                    </label>
                    <p className='cc-bell-hint'>
                        {intl.formatMessage(group ? messages.groupHint : messages.directHint)}
                    </p>
                    <DigestSection conversation={conversation}/>
                    <ReceiptsSection/>
                </>
            ) : (
                !failure && <p className='cc-status'>{intl.formatMessage(commonMessages.loading)}</p>
            )}
        </section>
    );
}
