import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {useNow, useTimeFormat} from '../common/time';
import {FollowButton} from '../follow/FollowButton';
import {LinkOnlyText} from '../message_text/LinkOnlyText';
import {MessageText} from '../message_text/MessageText';
import {useMessageTextUsers} from '../message_text/use_message_users';
import {SwarmButton} from '../swarm/SwarmButton';

import type {Card, CardField} from './attachments';

const messages = defineMessages({
    updated: {id: 'connect.card.updated', defaultMessage: 'Updated'},
});

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

// A found record's "Updated" (the card's last field) as the web app writes times: "5 minutes
// ago", "yesterday", a date, in the viewer's language and time zone, the whole moment in its
// tooltip. The server's text (ServiceNow's, in the instance's zone) stays for Mattermost's own
// clients, which show the same attachment.
function UpdatedValue({at}: {at: number}) {
    const time = useTimeFormat();
    const now = useNow(15_000);
    return (
        <time
            dateTime={new Date(at).toISOString()}
            title={time.full(at)}
        >
            {time.relative(at, now)}
        </time>
    );
}

function FieldValue({field, updatedAt, users}: {field: CardField; updatedAt?: number; users: ReturnType<typeof useMessageTextUsers>}) {
    if (updatedAt !== undefined) {
        return <UpdatedValue at={updatedAt}/>;
    }
    return (
        <MessageText
            text={field.value}
            {...users}
        />
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
    const intl = useConnectIntl();
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
                    {card.fields.map((field, index) => {
                        const updatedAt = index === card.fields.length - 1 ? card.updatedAt : undefined;
                        return (
                            <div
                                key={index}
                                className={field.short ? 'cc-card-field' : 'cc-card-field cc-card-field--long'}
                            >
                                <dt>{updatedAt === undefined ? field.title : intl.formatMessage(messages.updated)}</dt>
                                <dd>
                                    <FieldValue
                                        field={field}
                                        updatedAt={updatedAt}
                                        users={users}
                                    />
                                </dd>
                            </div>
                        );
                    })}
                </dl>
            )}
            {card.footer && <p className='cc-card-footer'>{shortened(card.footer, footerLength)}</p>}
            {card.record && <FollowButton record={card.record}/>}
            {card.record && <SwarmButton record={card.record}/>}
        </div>
    );
}
