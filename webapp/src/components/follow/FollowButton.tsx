import React from 'react';

import type {RecordRef} from './follows';
import {useFollows} from './use_follows';

// F-60/F-62: follow a record (join its record conversation) or, when following, unfollow it.
export function FollowButton({record}: {record: RecordRef}) {
    const {followOf, busy, failure, follow, unfollow} = useFollows();
    const following = Boolean(followOf(record));
    return (
        <span className='cc-follow'>
            <button
                type='button'
                className={following ? 'cc-follow-button cc-follow-button--on' : 'cc-follow-button'}
                aria-pressed={following}
                aria-label={`Follow ${record.number}`}
                title={following ? `You follow ${record.number}: its updates arrive in its record conversation. Click to unfollow.` : `Follow ${record.number}: join its record conversation`}
                disabled={busy}
                onClick={() => void (following ? unfollow(record) : follow(record))}
            >
                {following ? 'Following' : 'Follow'}
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
