import {defineMessages, type IntlShape} from 'react-intl';

import type {FileInfo, Post} from '../../types/mattermost';

const messages = defineMessages({
    unnamed: {id: 'connect.file.unnamed', defaultMessage: 'Attached file'},
});

// A message attachment (post.props.attachments) as the window shows it, its text as sent:
// AttachmentCard reads each field by the web app's rule for it (markdown or plain text).
// Record cards are attachments too; the server fills them in later with a post edit.
export interface CardField {
    title: string;
    value: string;
    short: boolean;
}

export interface Card {
    color: string;
    pretext: string;
    authorName: string;
    authorLink: string | undefined;
    title: string;
    titleLink: string | undefined;
    text: string;
    fields: CardField[];
    footer: string;

    // The ServiceNow record of a Connect record card whose details were found.
    record?: {table: string; number: string; sys_id: string};

    // When that record last changed (ms since the epoch): the card's last field, "Updated",
    // then reads as a time in the viewer's language and zone rather than ServiceNow's text.
    updatedAt?: number;
}

const namedColors: Record<string, string> = {good: '#3db887', warning: '#ffbc1f', danger: '#d24b4e'};
const defaultColor = 'rgba(63, 67, 80, 0.32)';

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    return typeof value === 'number' ? String(value) : '';
}

// Only web links: a javascript: or data: URL in an attachment must never become a link.
export function safeLink(value: unknown): string | undefined {
    if (typeof value !== 'string') {
        return undefined;
    }
    try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
        return undefined;
    }
}

function colorOf(value: unknown): string {
    if (typeof value !== 'string') {
        return defaultColor;
    }
    if (/^#[0-9a-fA-F]{3,8}$/.test(value)) {
        return value;
    }
    return namedColors[value] ?? defaultColor;
}

function fieldOf(value: unknown): CardField | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const field = {title: textOf(value.title), value: textOf(value.value), short: value.short === true};
    return field.title || field.value ? field : undefined;
}

type FoundRecord = Pick<Card, 'record' | 'updatedAt'>;

function updatedAtOf(record: Record<string, unknown>): number | undefined {
    const ms = typeof record.updated_at === 'string' ? Date.parse(record.updated_at) : NaN;
    return Number.isNaN(ms) ? undefined : ms;
}

// Connect's record cards are the post's last attachments, one per entry of its connect_records prop;
// a found card names its record's own table and sys_id (found_table, found_sys_id) and when the
// record last changed (updated_at, RFC 3339).
function recordsOfCards(post: Post, attachmentCount: number): FoundRecord[] {
    const records = post.props?.connect_records;
    if (!Array.isArray(records) || records.length > attachmentCount) {
        return [];
    }
    const found = records.map((record: unknown): FoundRecord => {
        if (!isRecord(record) || record.status !== 'found') {
            return {};
        }
        const updatedAt = updatedAtOf(record);
        const hasRecord = typeof record.found_table === 'string' && typeof record.number === 'string' && typeof record.found_sys_id === 'string' && record.found_sys_id;
        return {
            ...(hasRecord ? {record: {table: record.found_table as string, number: record.number as string, sys_id: record.found_sys_id as string}} : {}),
            ...(updatedAt === undefined ? {} : {updatedAt}),
        };
    });
    return [...new Array<FoundRecord>(attachmentCount - records.length).fill({}), ...found];
}

export function cardsOf(post: Post): Card[] {
    const attachments = post.props?.attachments;
    if (!Array.isArray(attachments)) {
        return [];
    }
    const records = recordsOfCards(post, attachments.length);
    return attachments.map((attachment: unknown, index) => ({attachment, found: records[index] ?? {}})).
        filter((entry): entry is {attachment: Record<string, unknown>; found: FoundRecord} => isRecord(entry.attachment)).
        map(({attachment, found}) => ({
            color: colorOf(attachment.color),
            pretext: textOf(attachment.pretext),
            authorName: textOf(attachment.author_name),
            authorLink: safeLink(attachment.author_link),
            title: textOf(attachment.title),
            titleLink: safeLink(attachment.title_link),
            text: textOf(attachment.text),
            fields: Array.isArray(attachment.fields) ? attachment.fields.map(fieldOf).filter((field): field is CardField => Boolean(field)) : [],
            footer: textOf(attachment.footer),
            ...found,
        }));
}

// The post's files, named when the server sent their details.
export function filesOf(post: Post, intl: IntlShape): FileInfo[] {
    const detailed = post.metadata?.files;
    if (detailed?.length) {
        return detailed;
    }
    return (post.file_ids ?? []).map((id) => ({id, name: intl.formatMessage(messages.unnamed)}));
}

export function isSystemMessage(post: Post): boolean {
    return Boolean(post.type?.startsWith('system_'));
}
