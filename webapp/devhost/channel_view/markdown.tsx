// Markdown as the dev host shows it: commonmark (@mattermost/commonmark, in safe mode: no raw
// HTML, no javascript: links). The web app's own renderer (utils/markdown, marked) does more
// (mentions, emoji, syntax highlighting); the dev host does not imitate that.
import React, {type ReactNode} from 'react';

import {HtmlRenderer, Parser, type Node} from '@mattermost/commonmark';

const parser = new Parser();
const renderer = new HtmlRenderer({safe: true});

export function Markdown({text}: {text: string}) {
    return (
        <div
            className='devhost-markdown'
            dangerouslySetInnerHTML={{__html: renderer.render(parser.parse(text))}}
        />
    );
}

function linkOnly(node: Node, key: string): ReactNode {
    if (node.type === 'text' || node.type === 'code') {
        return node.literal;
    }
    if (node.type === 'softbreak' || node.type === 'linebreak') {
        return ' ';
    }
    const children: ReactNode[] = [];
    for (let child = node.firstChild, index = 0; child; child = child.next, index += 1) {
        children.push(linkOnly(child, `${key}.${index}`));
    }
    if (node.type === 'link' && node.destination && /^(https?|mailto):/i.test(node.destination)) {
        return (
            <a
                key={key}
                className='theme markdown__link'
                href={node.destination}
                target='_blank'
                rel='noopener noreferrer'
            >
                {children}
            </a>
        );
    }
    return <React.Fragment key={key}>{children}</React.Fragment>;
}

// utils/markdown/link_only_renderer.tsx: markdown whose only formatting kept is links; the rest of
// the markup is dropped and its text kept.
export function LinkOnlyMarkdown({text}: {text: string}) {
    return <>{linkOnly(parser.parse(text), 'root')}</>;
}
