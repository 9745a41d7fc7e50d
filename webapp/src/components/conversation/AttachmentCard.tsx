import React from 'react';

import {FollowButton} from '../follow/FollowButton';

import type {Card} from './attachments';

// Everything in a card is text: nothing from an attachment is ever interpreted as HTML.
export function AttachmentCard({card}: {card: Card}) {
    return (
        <div
            className='cc-card'
            style={{borderLeftColor: card.color}}
            data-testid='attachment-card'
        >
            {card.pretext && <p className='cc-card-pretext'>{card.pretext}</p>}
            {card.authorName && <p className='cc-card-footer'>{card.authorName}</p>}
            {card.title && (
                <p className='cc-card-title'>
                    {card.titleLink ? (
                        <a
                            href={card.titleLink}
                            target='_blank'
                            rel='noopener noreferrer'
                        >
                            {card.title}
                        </a>
                    ) : card.title}
                </p>
            )}
            {card.text && <p className='cc-card-text'>{card.text}</p>}
            {card.fields.length > 0 && (
                <dl className='cc-card-fields'>
                    {card.fields.map((field, index) => (
                        <div
                            key={index}
                            className={field.short ? 'cc-card-field' : 'cc-card-field cc-card-field--long'}
                        >
                            <dt>{field.title}</dt>
                            <dd>{field.value}</dd>
                        </div>
                    ))}
                </dl>
            )}
            {card.footer && <p className='cc-card-footer'>{card.footer}</p>}
            {card.record && <FollowButton record={card.record}/>}
        </div>
    );
}
