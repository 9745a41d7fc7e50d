import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import type {Reaction} from '../../types/mattermost';
import {ReactionEmoji, useReactionEmoji} from '../emoji/ReactionEmoji';

const messages = defineMessages({
    group: {id: 'connect.reactions.label', defaultMessage: 'Reactions'},
    you: {id: 'connect.reactions.you', defaultMessage: 'you'},
    by: {id: 'connect.reactions.by', defaultMessage: '{emoji} reaction by {who}'},
    reacted: {id: 'connect.reactions.reacted', defaultMessage: '{who} reacted with :{emoji}:'},
});

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

// The reactions under a message, as Mattermost shows them: one chip per emoji with its count;
// the user's own stand out, and a click adds or takes back theirs.
export function Reactions({reactions, currentUserId, nameOf, onToggle}: Props) {
    const customEmoji = useReactionEmoji(reactions.map((reaction) => reaction.emoji_name));
    const intl = useConnectIntl();
    if (reactions.length === 0) {
        return null;
    }
    return (
        <div
            className='cc-reactions'
            role='group'
            aria-label={intl.formatMessage(messages.group)}
        >
            {grouped(reactions).map(({emojiName, userIds}) => {
                const mine = userIds.includes(currentUserId);
                const who = intl.formatList(userIds.map((id) => (id === currentUserId ? intl.formatMessage(messages.you) : nameOf(id))), {type: 'conjunction'});
                return (
                    <button
                        key={emojiName}
                        type='button'
                        className={mine ? 'cc-reaction cc-reaction--mine' : 'cc-reaction'}
                        aria-pressed={mine}
                        aria-label={intl.formatMessage(messages.by, {emoji: emojiName.replace(/_/g, ' '), who})}
                        title={intl.formatMessage(messages.reacted, {emoji: emojiName, who})}
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
