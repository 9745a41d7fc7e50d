// The text a reader sees in a message, its markup left out: for the sidebar's preview of the
// last message and for notifications.
import type {Node} from '@mattermost/commonmark';

import {emojiFor} from './emoji';
import {parseMarkdown} from './parse';

type MarkdownNode = Node & {emojiName?: string | null; channelName?: string | null};

// Blocks are kept apart by a space, so "- one\n- two" reads "one two".
const blockTypes = new Set([
    'paragraph', 'heading', 'block_quote', 'list', 'item', 'code_block', 'html_block', 'thematic_break',
    'table', 'table_row', 'table_cell',
]);

function nodeText(node: MarkdownNode): string | undefined {
    switch (node.type as string) {
    case 'text':
    case 'code':
    case 'html_inline':
    case 'html_block':
    case 'code_block':
        return node.literal ?? '';
    case 'softbreak':
    case 'linebreak':
        return ' ';
    case 'emoji':
        return emojiFor(node.emojiName ?? '') ?? node.literal ?? '';
    case 'at_mention':
        return `@${node.mentionName ?? ''}`;
    case 'channel_link':
        return `~${node.channelName ?? ''}`;
    default:
        return undefined;
    }
}

// The text of a node and everything in it, as it reads (an image's alt text, for one), in
// parts; link, when given, stands in for each link and what it holds. Walks the tree without
// recursion, so that deep nesting cannot exhaust the stack.
export function textParts<T>(root: Node, link?: (node: Node) => T | undefined): Array<string | T> {
    const parts: Array<string | T> = [];
    const walker = root.walker();
    for (let step = walker.next(); step; step = walker.next()) {
        const node = step.node as MarkdownNode;
        if (!step.entering) {
            continue;
        }
        if (node !== root && blockTypes.has(node.type)) {
            parts.push(' ');
        }
        const linked = node.type === 'link' && link ? link(node) : undefined;
        if (linked !== undefined) {
            parts.push(linked);
            walker.resumeAt(node, false);
            continue;
        }
        const text = nodeText(node);
        if (text !== undefined) {
            parts.push(text);
        }
    }
    return parts;
}

export function textOf(root: Node): string {
    return textParts(root).join('');
}

// The same text comes back for each render of the sidebar; a few hundred are kept.
const cache = new Map<string, string>();
const cacheSize = 500;

export function forgetPlainText(): void {
    cache.clear();
}

export function plainText(markdown: string): string {
    const cached = cache.get(markdown);
    if (cached !== undefined) {
        return cached;
    }
    const text = textOf(parseMarkdown(markdown)).replace(/\s+/g, ' ').trim();
    if (cache.size >= cacheSize) {
        cache.clear();
    }
    cache.set(markdown, text);
    return text;
}
