// One post of the center channel (components/post): the author, the time, the message as markdown
// and its message attachments (props.attachments) by the web app's rules.
import React from 'react';
import {useSelector} from 'react-redux';

import {isMessageAttachmentArray} from '@mattermost/types/message_attachments';
import type {Post as PostType} from '@mattermost/types/posts';

import {getUser} from 'mattermost-redux/selectors/entities/users';
import {displayUsername} from 'mattermost-redux/utils/user_utils';

import {MessageAttachmentList} from '../attachments/MessageAttachmentList';
import type {DevHostState} from '../store';

import {Markdown} from './markdown';

export function Post({post}: {post: PostType}) {
    const author = useSelector((state: DevHostState) => getUser(state, post.user_id));
    const attachments = post.props?.attachments;
    const isSystem = (post.type || '').startsWith('system_');
    return (
        <article
            className={isSystem ? 'post post--system' : 'post'}
            data-testid='post'
            data-post-id={post.id}
        >
            <header className='post__header'>
                <strong className='post__author'>{author ? displayUsername(author, 'full_name') : post.user_id}</strong>
                <time dateTime={new Date(post.create_at).toISOString()}>{new Date(post.create_at).toLocaleTimeString()}</time>
            </header>
            {isSystem ? <p className='post__system'>{post.message}</p> : <Markdown text={post.message}/>}
            {isMessageAttachmentArray(attachments) && (
                <MessageAttachmentList
                    postId={post.id}
                    attachments={attachments}
                />
            )}
        </article>
    );
}
