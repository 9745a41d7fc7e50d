import React from 'react';

import type {Reaction} from '../../types/mattermost';
import {ReactionEmoji, useReactionEmoji} from '../emoji/ReactionEmoji';

interface Props {
    reactions: Reaction[];
    currentUserId: string;
    nameOf: (userId: string) => string;
    onToggle: (emojiName: string) => void;
}

interface Group {
    emojiName: string;
    userIds: string[];
}

function grouped(reactions: Reaction[]): Group[] {
    const groups = new Map<string, string[]>();
    for (const reaction of [...reactions].sort((a, b) => (a.create_at ?? 0) - (b.create_at ?? 0))) {
        groups.set(reaction.emoji_name, [...(groups.get(reaction.emoji_name) ?? []), reaction.user_id]);
    }
    return [...groups].map(([emojiName, userIds]) => ({emojiName, userIds}));
}

function namesList(names: string[]): string {
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// The reactions under a message, as Mattermost shows them: one chip per emoji with its count;
// the user's own stand out, and a click adds or takes back theirs.
export function Reactions({reactions, currentUserId, nameOf, onToggle}: Props) {
    const customEmoji = useReactionEmoji(reactions.map((reaction) => reaction.emoji_name));
    if (reactions.length === 0) {
        return null;
    }
    return (
        <div
            className='cc-reactions'
            role='group'
            aria-label='Reactions'
        >
            {grouped(reactions).map(({emojiName, userIds}) => {
                const mine = userIds.includes(currentUserId);
                const who = namesList(userIds.map((id) => (id === currentUserId ? 'you' : nameOf(id))));
                return (
                    <button
                        key={emojiName}
                        type='button'
                        className={mine ? 'cc-reaction cc-reaction--mine' : 'cc-reaction'}
                        aria-pressed={mine}
                        aria-label={`${emojiName.replace(/_/g, ' ')} reaction by ${who}`}
                        title={`${who} reacted with :${emojiName}:`}
                        onClick={() => onToggle(emojiName)}
                    >
                        <ReactionEmoji
                            name={emojiName}
                            custom={customEmoji}
                        />
                        <span className='cc-reaction-count'>{userIds.length}</span>
                    </button>
                );
            })}
        </div>
    );
}
