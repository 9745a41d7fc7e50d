import React, {useState} from 'react';

import type {Conversation} from '../../types/connect';

import {GroupIcon} from './icons';

function initialsOf(name: string): string {
    const words = name.replace(/^@/, '').split(/\s+/).filter(Boolean);
    return words.slice(0, 2).map((word) => word[0]?.toUpperCase() ?? '').join('') || '?';
}

// A person's picture for a direct conversation, a group icon for a group. The name is always
// written next to it, so the picture itself is decorative.
export function ConversationAvatar({conversation, siteURL, size = 32}: {conversation: Conversation; siteURL: string; size?: number}) {
    const [imageFailed, setImageFailed] = useState(false);
    const box = {width: size, height: size};

    if (!conversation.avatar_url) {
        return (
            <span
                className='cc-avatar cc-avatar--group'
                style={box}
                aria-hidden='true'
                data-testid='group-avatar'
            >
                <GroupIcon size={Math.round(size * 0.6)}/>
            </span>
        );
    }
    if (imageFailed) {
        return (
            <span
                className='cc-avatar'
                style={box}
                aria-hidden='true'
            >
                {initialsOf(conversation.name)}
            </span>
        );
    }
    return (
        <img
            className='cc-avatar'
            style={box}
            src={siteURL + conversation.avatar_url}
            alt=''
            onError={() => setImageFailed(true)}
        />
    );
}
