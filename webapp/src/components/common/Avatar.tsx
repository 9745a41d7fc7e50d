import React, {useState} from 'react';

import type {Conversation} from '../../types/connect';
import {useOptionalConnectEnvironment} from '../connect_context';
import {PresenceDot} from '../live/PresenceDot';

import {GroupIcon} from './icons';

function initialsOf(name: string): string {
    const words = name.replace(/^@/, '').split(/\s+/).filter(Boolean);
    return words.slice(0, 2).map((word) => word[0]?.toUpperCase() ?? '').join('') || '?';
}

// The sizes' pixels, for the group icon inside; the stylesheet has them as cc-avatar--<size>.
const avatarPixels = {medium: 32, small: 24} as const;

export type AvatarSize = keyof typeof avatarPixels;

interface AvatarProps {
    conversation: Conversation;
    siteURL: string;
    size?: AvatarSize;

    // Whose presence dot the picture carries: by default the other person of a direct conversation.
    presenceOf?: string;

    // The dot's id, for a button around the picture (whose content is presentational) to be
    // described by it.
    presenceId?: string;
}

// A person's picture for a direct conversation, a group icon for a group, with the person's
// presence dot (F-82). The name is always written next to it, so the picture itself is decorative;
// the dot says its status in words.
export function ConversationAvatar({presenceOf, presenceId, ...props}: AvatarProps) {
    const environment = useOptionalConnectEnvironment();
    const {conversation} = props;
    const person = presenceOf ?? (conversation.kind === 'direct' ? conversation.members.find((member) => member.id !== environment?.currentUserId)?.id : undefined);
    if (!person || !environment) {
        return <AvatarPicture {...props}/>;
    }
    return (
        <span className='cc-avatar-with-presence'>
            <AvatarPicture {...props}/>
            <PresenceDot
                userId={person}
                id={presenceId}
            />
        </span>
    );
}

function AvatarPicture({conversation, siteURL, size = 'medium'}: Omit<AvatarProps, 'presenceOf' | 'presenceId'>) {
    const [imageFailed, setImageFailed] = useState(false);
    const sizeClass = `cc-avatar--${size}`;

    if (!conversation.avatar_url) {
        return (
            <span
                className={`cc-avatar cc-avatar--group ${sizeClass}`}
                aria-hidden='true'
                data-testid='group-avatar'
            >
                <GroupIcon size={Math.round(avatarPixels[size] * 0.6)}/>
            </span>
        );
    }
    if (imageFailed) {
        return (
            <span
                className={`cc-avatar ${sizeClass}`}
                aria-hidden='true'
            >
                {initialsOf(conversation.name)}
            </span>
        );
    }
    return (
        <img
            className={`cc-avatar ${sizeClass}`}
            src={siteURL + conversation.avatar_url}
            alt=''
            loading='lazy'
            decoding='async'
            onError={() => setImageFailed(true)}
        />
    );
}
