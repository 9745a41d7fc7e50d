import React from 'react';

import type {Conversation} from '../../types/connect';

// F-88: the conversations where the user was @mentioned and has not read it (Mattermost's
// channel member mention_count), newest first as the list already is.
export function mentionedIds(openIds: string[], byId: Record<string, Conversation>): string[] {
    return openIds.filter((id) => (byId[id]?.mention_count ?? 0) > 0);
}

interface Props {
    pressed: boolean;
    count: number;
    onChange: (pressed: boolean) => void;
}

// The switch between every open conversation and only those with unread mentions.
export function MentionsToggle({pressed, count, onChange}: Props) {
    return (
        <button
            type='button'
            className='cc-mentions-toggle'
            aria-pressed={pressed}
            onClick={() => onChange(!pressed)}
        >
            {'Mentions'}
            {count > 0 && <span aria-label={`, ${count} conversations`}>{` ${count}`}</span>}
        </button>
    );
}

export function NoMentions() {
    return <p className='cc-status'>{'No unread mentions. Conversations where someone @mentions you show here until you read them.'}</p>;
}
