import React, {useState} from 'react';

import type {Conversation} from '../../types/connect';

import {GroupIcon} from './icons';

function initialsOf(name: string): string {
    const words = name.replace(/^@/, '').split(/\s+/).filter(Boolean);
    return words.slice(0, 2).map((word) => word[0]?.toUpperCase() ?? '').join('') || '?';
}

// The sizes' pixels, for the group icon inside; the stylesheet has them as cc-avatar--<size>.
const avatarPixels = {medium: 32, small: 24} as const;

export type AvatarSize = keyof typeof avatarPixels;

// A person's picture for a direct conversation, a group icon for a group. The name is always
// written next to it, so the picture itself is decorative.
export function ConversationAvatar({conversation, siteURL, size = 'medium'}: {conversation: Conversation; siteURL: string; size?: AvatarSize}) {
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
