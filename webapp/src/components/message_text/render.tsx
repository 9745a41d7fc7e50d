// Mattermost's markdown (its fork of commonmark.js) turned into React elements, for where the web
// app's own renderer is not there (the standalone page, the dev host, the tests). Every node
// becomes an element or text that React escapes: no HTML string is ever put into the page, so a
// message cannot inject markup. Raw HTML in a message shows as its text, as in Mattermost.
import type {Node} from '@mattermost/commonmark';
import React, {type ReactNode} from 'react';

import {emojiFor} from './emoji';
import {linkSchemes} from './parse';
import {textOf} from './plain_text';

// The fields the Mattermost fork sets that its type declarations name differently or not at all.
type MarkdownNode = Node & {
    emojiName?: string | null;
    channelName?: string | null;
    hashtag?: string | null;
};

export interface RenderOptions {
    // Mentions of this user (and @here, @all, @channel) are highlighted.
    currentUsername: string;

    // A person's name for a mention's tooltip; undefined for someone unknown.
    displayNameOf?: (username: string) => string | undefined;

    // The image of one of the server's custom emoji; undefined for a name that is none.
    customEmojiURL?: (name: string) => string | undefined;
}

// The URL a link may open: http(s), mailto or a path on this site; undefined for anything else
// (javascript:, data:, vbscript:, protocol-relative //host, relative paths).
export function safeHref(url: string | null | undefined): string | undefined {
    if (!url) {
        return undefined;
    }

    // Browsers drop leading controls and spaces and any tab or newline before reading a scheme.
    // eslint-disable-next-line no-control-regex
    const href = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
    if (scheme) {
        return linkSchemes.has(scheme[1].toLowerCase()) ? href : undefined;
    }
    return href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\') ? href : undefined;
}

const specialMentions = new Set(['here', 'all', 'channel']);

// The parser takes "@bob." whole; as in Mattermost, trailing dots, dashes and underscores are
// left out unless a username has them.
function splitMention(name: string, options: RenderOptions): {username: string; rest: string} {
    const current = options.currentUsername.toLowerCase();
    const known = (candidate: string) => {
        const lower = candidate.toLowerCase();
        return lower === current || specialMentions.has(lower) || options.displayNameOf?.(candidate) !== undefined;
    };
    for (let end = name.length; end > 0; end--) {
        const candidate = name.slice(0, end);
        if (known(candidate)) {
            return {username: candidate, rest: name.slice(end)};
        }
        if (!/[._-]$/.test(candidate)) {
            break;
        }
    }
    const username = name.replace(/[._-]+$/, '') || name;
    return {username, rest: name.slice(username.length)};
}

function mention(name: string, options: RenderOptions, key: number): ReactNode {
    const {username, rest} = splitMention(name, options);
    const lower = username.toLowerCase();
    const mine = (options.currentUsername !== '' && lower === options.currentUsername.toLowerCase()) || specialMentions.has(lower);
    return (
        <React.Fragment key={key}>
            <span
                className={mine ? 'cc-mention cc-mention--me' : 'cc-mention'}
                title={options.displayNameOf?.(username)}
                data-mention={username}
            >
                {`@${username}`}
            </span>
            {rest}
        </React.Fragment>
    );
}

function emoji(node: MarkdownNode, options: RenderOptions, key: number): ReactNode {
    const name = node.emojiName ?? '';
    const character = emojiFor(name);
    const image = character ? undefined : options.customEmojiURL?.(name);
    if (image) {
        return (
            <img
                key={key}
                className='cc-emoji cc-emoji--custom'
                src={image}
                alt={`:${name}:`}
                title={`:${name}:`}
            />
        );
    }
    if (!character) {
        // A made-up name (or a custom emoji not known yet): the text as typed.
        return <React.Fragment key={key}>{node.literal}</React.Fragment>;
    }
    return (
        <span
            key={key}
            className='cc-emoji'
            title={`:${name}:`}
            role='img'
            aria-label={`:${name}:`}
        >
            {character}
        </span>
    );
}

// Nesting deeper than this (a message of a thousand ">") shows as text rather than as elements.
const maxDepth = 48;

function children(node: Node, options: RenderOptions, depth: number, from: Node | null = node.firstChild): ReactNode[] {
    const elements: ReactNode[] = [];
    let key = 0;
    for (let child = from; child; child = child.next) {
        elements.push(renderNode(child, options, depth + 1, key));
        key += 1;
    }
    return elements;
}

// A markdown link whose destination passed safeHref, opening in a new tab.
export function markdownLink(node: Node, href: string, key: number, content: ReactNode): React.ReactElement {
    return (
        <a
            key={key}
            href={href}
            title={node.title || undefined}
            target='_blank'
            rel='noopener noreferrer'
        >
            {content}
        </a>
    );
}

function link(node: Node, options: RenderOptions, depth: number, key: number): ReactNode {
    const href = safeHref(node.destination);
    const content = children(node, options, depth);
    if (!href) {
        return <React.Fragment key={key}>{content}</React.Fragment>;
    }
    return markdownLink(node, href, key, content);
}

// No remote image is loaded: an image is a link to it, named by its alt text.
function image(node: Node, key: number): ReactNode {
    const href = safeHref(node.destination);
    const alt = textOf(node);
    if (!href) {
        return <React.Fragment key={key}>{alt}</React.Fragment>;
    }
    return (
        <a
            key={key}
            className='cc-md-image'
            href={href}
            title={node.title || href}
            target='_blank'
            rel='noopener noreferrer'
        >
            {alt || href}
        </a>
    );
}

function inTightList(paragraph: Node): boolean {
    const item = paragraph.parent;
    return item?.type === 'item' && item.parent?.type === 'list' && item.parent.listTight;
}

// Task list items ("- [ ] open", "- [x] done"): the parser gives the brackets as text nodes "[", " " or "x", "]".
function taskOf(item: Node): {checked: boolean; rest: Node} | undefined {
    const paragraph = item.firstChild;
    const open = paragraph?.type === 'paragraph' ? paragraph.firstChild : null;
    const mark = open?.next;
    const close = mark?.next;
    const rest = close?.next;
    if (open?.type !== 'text' || open.literal !== '[' || mark?.type !== 'text' || close?.type !== 'text' || close.literal !== ']') {
        return undefined;
    }
    if (!rest || rest.type !== 'text' || !rest.literal?.startsWith(' ') || !/^[ xX]$/.test(mark.literal ?? '')) {
        return undefined;
    }
    return {checked: mark.literal !== ' ', rest};
}

function listItem(node: Node, options: RenderOptions, depth: number, key: number): ReactNode {
    const task = taskOf(node);
    if (!task) {
        return <li key={key}>{children(node, options, depth)}</li>;
    }
    const paragraph = node.firstChild as Node;
    const firstLine = [
        <input
            key='checkbox'
            type='checkbox'
            checked={task.checked}
            disabled={true}
            readOnly={true}
        />,
        ' ',
        (task.rest.literal ?? '').slice(1),
        ...children(paragraph, options, depth + 1, task.rest.next),
    ];
    return (
        <li
            key={key}
            className='cc-md-task'
        >
            {inTightList(paragraph) ? firstLine : <p>{firstLine}</p>}
            {children(node, options, depth, paragraph.next)}
        </li>
    );
}

function tableCell(node: Node, options: RenderOptions, depth: number, key: number): ReactNode {
    const Cell = node.isHeading ? 'th' : 'td';
    const align = node.align;
    return (
        <Cell
            key={key}
            style={align ? {textAlign: align} : undefined}
        >
            {children(node, options, depth)}
        </Cell>
    );
}

function table(node: Node, options: RenderOptions, depth: number, key: number): ReactNode {
    const rows = children(node, options, depth);
    const headerRows = node.firstChild?.isHeading ? rows.slice(0, 1) : [];
    const bodyRows = rows.slice(headerRows.length);
    return (
        <div
            key={key}
            className='cc-md-table'
        >
            <table>
                {headerRows.length > 0 && <thead>{headerRows}</thead>}
                {bodyRows.length > 0 && <tbody>{bodyRows}</tbody>}
            </table>
        </div>
    );
}

function codeBlock(node: Node, key: number): ReactNode {
    const language = node.info?.trim().split(/\s+/)[0];
    return (
        <pre key={key}>
            <code className={language ? `language-${language}` : undefined}>
                {(node.literal ?? '').replace(/\n$/, '')}
            </code>
        </pre>
    );
}

function renderNode(node: MarkdownNode, options: RenderOptions, depth: number, key: number): ReactNode {
    if (depth > maxDepth) {
        return <React.Fragment key={key}>{textOf(node)}</React.Fragment>;
    }
    const type: string = node.type;
    switch (type) {
    case 'text':
    case 'html_inline':
        return <React.Fragment key={key}>{node.literal}</React.Fragment>;
    case 'softbreak':
        // Mattermost shows a single newline as a line break (.cc-markdown keeps newlines).
        return <React.Fragment key={key}>{'\n'}</React.Fragment>;
    case 'linebreak':
        return <br key={key}/>;
    case 'emph':
        return <em key={key}>{children(node, options, depth)}</em>;
    case 'strong':
        return <strong key={key}>{children(node, options, depth)}</strong>;
    case 'del':
        return <del key={key}>{children(node, options, depth)}</del>;
    case 'code':
        return <code key={key}>{node.literal}</code>;
    case 'link':
        return link(node, options, depth, key);
    case 'image':
        return image(node, key);
    case 'at_mention':
        return mention(node.mentionName ?? '', options, key);
    case 'emoji':
        return emoji(node, options, key);
    case 'channel_link':
        return (
            <span
                key={key}
                className='cc-md-channel'
            >
                {`~${node.channelName ?? ''}`}
            </span>
        );
    case 'paragraph':
        return inTightList(node) ? <React.Fragment key={key}>{children(node, options, depth)}</React.Fragment> : <p key={key}>{children(node, options, depth)}</p>;
    case 'heading': {
        const Heading = `h${Math.min(Math.max(node.level || 1, 1), 6)}` as 'h1';
        return (
            <Heading
                key={key}
                className='cc-md-heading'
            >
                {children(node, options, depth)}
            </Heading>
        );
    }
    case 'block_quote':
        return <blockquote key={key}>{children(node, options, depth)}</blockquote>;
    case 'list': {
        const items = children(node, options, depth);
        if (node.listType === 'ordered') {
            const start = node.listStart ?? 1;
            return (
                <ol
                    key={key}
                    start={start === 1 ? undefined : start}
                >
                    {items}
                </ol>
            );
        }
        return <ul key={key}>{items}</ul>;
    }
    case 'item':
        return listItem(node, options, depth, key);
    case 'code_block':
        return codeBlock(node, key);
    case 'html_block':
        return (
            <p
                key={key}
                className='cc-md-html'
            >
                {node.literal}
            </p>
        );
    case 'thematic_break':
        return <hr key={key}/>;
    case 'table':
        return table(node, options, depth, key);
    case 'table_row':
        return <tr key={key}>{children(node, options, depth)}</tr>;
    case 'table_cell':
        return tableCell(node, options, depth, key);
    default:
        // document, hashtag and inline latex (their text), and whatever a later parser adds.
        return <React.Fragment key={key}>{node.firstChild ? children(node, options, depth) : node.literal}</React.Fragment>;
    }
}

// True when the text names an emoji that is not a standard one (`:partyparrot:`).
export function hasUnknownEmoji(root: Node): boolean {
    const walker = root.walker();
    for (let step = walker.next(); step; step = walker.next()) {
        if (step.entering && step.node.type === 'emoji' && emojiFor((step.node as MarkdownNode).emojiName ?? '') === undefined) {
            return true;
        }
    }
    return false;
}

// True for a message of emoji alone (and spaces), which Mattermost shows larger.
export function emojiOnly(root: Node): boolean {
    const paragraph = root.firstChild;
    if (!paragraph || paragraph !== root.lastChild || paragraph.type !== 'paragraph') {
        return false;
    }
    let found = false;
    for (let child = paragraph.firstChild; child; child = child.next) {
        if (child.type === 'emoji' && emojiFor((child as MarkdownNode).emojiName ?? '')) {
            found = true;
        } else if (!(child.type === 'text' && !child.literal?.trim()) && child.type !== 'softbreak') {
            return false;
        }
    }
    return found;
}

export function renderMarkdown(root: Node, options: RenderOptions): ReactNode {
    return children(root, options, 0);
}
