import React from 'react';

import {FollowButton} from '../follow/FollowButton';
import {LinkOnlyText} from '../message_text/LinkOnlyText';
import {MessageText} from '../message_text/MessageText';
import {useMessageTextUsers} from '../message_text/use_message_users';
import {SwarmButton} from '../swarm/SwarmButton';

import type {Card} from './attachments';

// The web app cuts a footer at this length (utils/constants: MAX_ATTACHMENT_FOOTER_LENGTH).
const footerLength = 300;

function shortened(text: string, length: number): string {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function ExternalLink({href, children}: {href: string; children: React.ReactNode}) {
    return (
        <a
            href={href}
            target='_blank'
            rel='noopener noreferrer'
        >
            {children}
        </a>
    );
}

// An attachment read field by field as the Mattermost web app reads it
// (webapp/channels/src/components/post_view/message_attachments/message_attachment/message_attachment.tsx),
// so that a card here says what it says in the channel view: pretext, text and field values are
// markdown; a title with a link, the author, field titles and the footer are plain text; a
// title without a link is markdown of which only links are kept. Nothing from an attachment is
// ever put into the page as HTML.
export function AttachmentCard({card}: {card: Card}) {
    const users = useMessageTextUsers();
    const author = card.authorName && (card.authorLink ? <ExternalLink href={card.authorLink}>{card.authorName}</ExternalLink> : card.authorName);
    return (
        <div
            className='cc-card'
            style={{borderLeftColor: card.color}}
            data-testid='attachment-card'
        >
            {card.pretext && (
                <div className='cc-card-pretext'>
                    <MessageText
                        text={card.pretext}
                        {...users}
                    />
                </div>
            )}
            {author && <p className='cc-card-footer'>{author}</p>}
            {card.title && (
                <p className='cc-card-title'>
                    {card.titleLink ? <ExternalLink href={card.titleLink}>{card.title}</ExternalLink> : <LinkOnlyText text={card.title}/>}
                </p>
            )}
            {card.text && (
                <div className='cc-card-text'>
                    <MessageText
                        text={card.text}
                        {...users}
                    />
                </div>
            )}
            {card.fields.length > 0 && (
                <dl className='cc-card-fields'>
                    {card.fields.map((field, index) => (
                        <div
                            key={index}
                            className={field.short ? 'cc-card-field' : 'cc-card-field cc-card-field--long'}
                        >
                            <dt>{field.title}</dt>
                            <dd>
                                <MessageText
                                    text={field.value}
                                    {...users}
                                />
                            </dd>
                        </div>
                    ))}
                </dl>
            )}
            {card.footer && <p className='cc-card-footer'>{shortened(card.footer, footerLength)}</p>}
            {card.record && <FollowButton record={card.record}/>}
            {card.record && <SwarmButton record={card.record}/>}
        </div>
    );
}
