import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import type {Conversation} from '../../types/connect';

const messages = defineMessages({
    mentions: {id: 'connect.sidebar.mentions.toggle', defaultMessage: 'Mentions'},
    count: {id: 'connect.sidebar.mentions.count_label', defaultMessage: '{count, plural, one {, # conversation} other {, # conversations}}'},
    none: {id: 'connect.sidebar.mentions.none', defaultMessage: 'No unread mentions. Conversations where someone @mentions you show here until you read them.'},
});

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
    const intl = useConnectIntl();
    return (
        <button
            type='button'
            className='cc-mentions-toggle'
            aria-pressed={pressed}
            onClick={() => onChange(!pressed)}
        >
            {intl.formatMessage(messages.mentions)}
            {count > 0 && <span aria-label={intl.formatMessage(messages.count, {count})}>{` ${count}`}</span>}
        </button>
    );
}

export function NoMentions() {
    const intl = useConnectIntl();
    return <p className='cc-status'>{intl.formatMessage(messages.none)}</p>;
}
