import React, {useEffect} from 'react';
import {useSelector} from 'react-redux';

import {authorName, selectUser} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Post} from '../../types/mattermost';
import {FileIcon} from '../common/icons';
import {formatFullTime, formatMessageTime} from '../common/time';
import {useConnectEnvironment} from '../connect_context';

import {AttachmentCard} from './AttachmentCard';
import {cardsOf, filesOf, isSystemMessage} from './attachments';

interface Props {
    post: Post;

    // Follows a message by the same author shortly before: the author and time are not repeated.
    continued: boolean;
}

function overrideName(post: Post): string | undefined {
    const name = post.props?.override_username;
    return typeof name === 'string' && name ? name : undefined;
}

// Cards Connect made carry connect_records; showing one asks the server whether its records
// changed, so a card shows the record's current state (within the server's cache time).
function useFreshCards(post: Post) {
    const {client} = useConnectEnvironment();
    const hasConnectCards = Boolean(post.props?.connect_records);
    useEffect(() => {
        if (hasConnectCards) {
            client.refreshCards(post.id).catch(() => {
                // The card keeps what it shows; the next view asks again.
            });
        }
    }, [client, post.id, hasConnectCards]);
}

export function Message({post, continued}: Props) {
    const {siteURL} = useConnectEnvironment();
    useFreshCards(post);
    const author = useSelector((state: ConnectRootState) => selectUser(state, post.user_id));
    const system = isSystemMessage(post);
    const files = filesOf(post);
    const cards = cardsOf(post);
    const name = overrideName(post) ?? authorName(author) ?? 'Someone';

    return (
        <div
            className={system ? 'cc-message cc-message--system' : 'cc-message'}
            data-testid='message'
            data-post-id={post.id}
        >
            {!continued && !system && (
                <div className='cc-message-head'>
                    <span className='cc-message-author'>{name}</span>
                    <time
                        className='cc-message-time'
                        dateTime={new Date(post.create_at).toISOString()}
                        title={formatFullTime(post.create_at)}
                    >
                        {formatMessageTime(post.create_at)}
                    </time>
                </div>
            )}
            {post.message && <p className='cc-message-text'>{post.message}</p>}
            {cards.map((card, index) => (
                <AttachmentCard
                    key={index}
                    card={card}
                />
            ))}
            {files.length > 0 && (
                <div className='cc-files'>
                    {files.map((file) => (
                        <a
                            key={file.id}
                            className='cc-file'
                            href={`${siteURL}/api/v4/files/${encodeURIComponent(file.id)}`}
                            target='_blank'
                            rel='noopener noreferrer'
                        >
                            <FileIcon/>
                            {file.name}
                        </a>
                    ))}
                </div>
            )}
        </div>
    );
}
