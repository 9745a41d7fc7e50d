// The post box (components/advanced_create_post): Enter sends the message to the channel through
// mattermost-redux's createPost; Shift+Enter starts a new line.
import React, {useState, type KeyboardEvent} from 'react';
import {useDispatch, useSelector} from 'react-redux';

import type {Channel} from '@mattermost/types/channels';
import type {Post} from '@mattermost/types/posts';

import {createPost} from 'mattermost-redux/actions/posts';
import {getCurrentUserId} from 'mattermost-redux/selectors/entities/users';

export function PostBox({channel}: {channel: Channel}) {
    const dispatch = useDispatch();
    const userId = useSelector(getCurrentUserId);
    const [message, setMessage] = useState('');

    const send = () => {
        const text = message.trim();
        if (!text) {
            return;
        }
        const now = Date.now();
        setMessage('');
        void dispatch(createPost({channel_id: channel.id, user_id: userId, message: text, create_at: now} as Post));
    };

    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            send();
        }
    };

    return (
        <div className='post-create'>
            <textarea
                id='post_textbox'
                aria-label={`Write to ${channel.display_name || channel.name}`}
                placeholder={`Write to ${channel.display_name || channel.name}`}
                value={message}
                onChange={(event) => setMessage(event.target.value)}
                onKeyDown={onKeyDown}
            />
        </div>
    );
}
