// One message attachment by the rules of components/post_view/message_attachments/
// message_attachment/message_attachment.tsx: pretext (markdown) above; then, in a container whose
// left border has the color when it is a #hex (else a color class): the author (icon, plain name,
// linked when author_link is safe), the title (plain text in a link when title_link is safe,
// otherwise markdown keeping only links), the text (markdown), fields in tables of up to two
// short fields per row (titles plain, values markdown), the footer (plain, cut at 300
// characters) and the action buttons (only actions with an id and a name; their names plain).
// Not imitated: images, thumbnails, select menus, "show more" and running an action.
import React from 'react';

import type {MessageAttachment as Attachment, MessageAttachmentField} from '@mattermost/types/message_attachments';

import {LinkOnlyMarkdown, Markdown} from '../channel_view/markdown';

// utils/url isUrlSafe: no javascript:, vbscript: or data: links.
export function isUrlSafe(url: string): boolean {
    const unescaped = decodeURIComponent(url).replace(/[^\w:]/g, '').toLowerCase();
    return !unescaped.startsWith('javascript:') && !unescaped.startsWith('vbscript:') && !unescaped.startsWith('data:');
}

// Constants.MAX_ATTACHMENT_FOOTER_LENGTH, with lodash truncate's "…".
const maxFooterLength = 300;

export function truncateFooter(footer: string): string {
    return footer.length > maxFooterLength ? `${footer.slice(0, maxFooterLength - 1)}…` : footer;
}

function ExternalLink({href, className, children}: {href: string; className?: string; children: React.ReactNode}) {
    return (
        <a
            href={href}
            className={className}
            target='_blank'
            rel='noopener noreferrer'
        >
            {children}
        </a>
    );
}

function Author({attachment}: {attachment: Attachment}) {
    if (!attachment.author_name && !attachment.author_icon) {
        return null;
    }
    const parts = (
        <>
            {attachment.author_icon && (
                <img
                    alt='attachment author icon'
                    className='attachment__author-icon'
                    src={attachment.author_icon}
                    height='14'
                    width='14'
                />
            )}
            {attachment.author_name && <span className='attachment__author-name'>{attachment.author_name}</span>}
        </>
    );
    if (attachment.author_link && isUrlSafe(attachment.author_link)) {
        return <ExternalLink href={attachment.author_link}>{parts}</ExternalLink>;
    }
    return parts;
}

function Title({attachment}: {attachment: Attachment}) {
    if (!attachment.title) {
        return null;
    }
    if (attachment.title_link && isUrlSafe(attachment.title_link)) {
        return (
            <h1 className='attachment__title'>
                <ExternalLink
                    className='attachment__title-link'
                    href={attachment.title_link}
                >
                    {attachment.title}
                </ExternalLink>
            </h1>
        );
    }
    return (
        <h1 className='attachment__title'>
            <LinkOnlyMarkdown text={attachment.title}/>
        </h1>
    );
}

// A new table starts after two short fields in a row, or around a field that is not short (so a
// long first field comes after an empty table, as in the web app).
export function fieldRows(fields: MessageAttachmentField[]): MessageAttachmentField[][] {
    const rows: MessageAttachmentField[][] = [];
    let row: MessageAttachmentField[] = [];
    let lastWasLong = false;
    for (const field of fields) {
        if (row.length === 2 || field.short !== true || lastWasLong) {
            rows.push(row);
            row = [];
        }
        row.push(field);
        lastWasLong = field.short !== true;
    }
    rows.push(row);
    return rows;
}

function Fields({fields}: {fields: MessageAttachmentField[]}) {
    return (
        <div>
            {fieldRows(fields).map((row, index) => (
                <table
                    key={index}
                    className='attachment-fields'
                >
                    <thead>
                        <tr>
                            {row.map((field, column) => <th key={column} className='attachment-field__caption'>{field.title}</th>)}
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            {row.map((field, column) => (
                                <td
                                    key={column}
                                    className='attachment-field'
                                >
                                    <Markdown text={String(field.value)}/>
                                </td>
                            ))}
                        </tr>
                    </tbody>
                </table>
            ))}
        </div>
    );
}

function Actions({attachment}: {attachment: Attachment}) {
    const actions = (attachment.actions ?? []).filter((action) => action.id && action.name);
    if (actions.length === 0) {
        return null;
    }
    return (
        <div className='attachment-actions'>
            {actions.map((action) => (
                <button
                    key={action.id}
                    type='button'
                    data-action-id={action.id}
                    data-action-cookie={action.cookie}
                    disabled={action.disabled}
                >
                    {action.name}
                </button>
            ))}
        </div>
    );
}

export function MessageAttachment({attachment}: {attachment: Attachment}) {
    const fields = attachment.fields ?? [];
    const hasContent = Boolean(attachment.author_name || attachment.author_icon || attachment.title || attachment.text ||
        fields.length || attachment.footer || attachment.actions?.length);
    const colorIsHex = attachment.color?.startsWith('#');
    return (
        <div
            className={attachment.pretext ? 'attachment attachment--pretext' : 'attachment'}
            data-testid='message-attachment'
        >
            {attachment.pretext && (
                <div className='attachment__thumb-pretext'>
                    <Markdown text={attachment.pretext}/>
                </div>
            )}
            {hasContent && (
                <div className='attachment__content'>
                    <div
                        className={colorIsHex ? 'attachment__container' : `attachment__container attachment__container--${attachment.color ?? ''}`}
                        style={colorIsHex ? {borderLeftColor: attachment.color} : undefined}
                    >
                        <Author attachment={attachment}/>
                        <Title attachment={attachment}/>
                        <div className='attachment__body'>
                            {attachment.text && <Markdown text={attachment.text}/>}
                            {fields.length > 0 && <Fields fields={fields}/>}
                            {attachment.footer && (
                                <div className='attachment__footer-container'>
                                    <span>{truncateFooter(attachment.footer)}</span>
                                </div>
                            )}
                            <Actions attachment={attachment}/>
                        </div>
                    </div>
                </div>
            )}
        </div>
    );
}
