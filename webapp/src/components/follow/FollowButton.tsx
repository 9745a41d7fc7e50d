import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import type {RecordRef} from './follows';
import {useFollows} from './use_follows';

const messages = defineMessages({
    label: {id: 'connect.follow.label', defaultMessage: 'Follow {number}'},
    followingTitle: {id: 'connect.follow.following_title', defaultMessage: 'You follow {number}: its updates arrive in its record conversation. Click to unfollow.'},
    followTitle: {id: 'connect.follow.follow_title', defaultMessage: 'Follow {number}: join its record conversation'},
    following: {id: 'connect.follow.following', defaultMessage: 'Following'},
    follow: {id: 'connect.follow.follow', defaultMessage: 'Follow'},
});

// F-60/F-62: follow a record (join its record conversation) or, when following, unfollow it.
export function FollowButton({record}: {record: RecordRef}) {
    const {followOf, busy, failure, follow, unfollow} = useFollows();
    const following = Boolean(followOf(record));
    const intl = useConnectIntl();
    const number = {number: record.number};
    return (
        <span className='cc-follow'>
            <button
                type='button'
                className={following ? 'cc-follow-button cc-follow-button--on' : 'cc-follow-button'}
                aria-pressed={following}
                aria-label={intl.formatMessage(messages.label, number)}
                title={intl.formatMessage(following ? messages.followingTitle : messages.followTitle, number)}
                disabled={busy}
                onClick={() => void (following ? unfollow(record) : follow(record))}
            >
                {intl.formatMessage(following ? messages.following : messages.follow)}
            </button>
            {failure && (
                <span
                    role='alert'
                    className='cc-follow-failure'
                >
                    {failure}
                </span>
            )}
        </span>
    );
}
