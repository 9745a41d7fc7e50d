// Markdown of which only the links are kept: everything else reads as its text, emphasis and
// code without their marks. The web app shows an attachment's title without a link this way
// (its LinkOnlyRenderer, utils/markdown/link_only_renderer.tsx, with @-mentions off).
import type {Node} from '@mattermost/commonmark';
import React, {memo, useMemo} from 'react';

import {parseMarkdown} from './parse';
import {textOf, textParts} from './plain_text';
import {markdownLink, safeHref} from './render';

function linkElement(node: Node, key: number): React.ReactElement | undefined {
    const href = safeHref(node.destination);
    return href ? markdownLink(node, href, key, textOf(node)) : undefined;
}

// Blocks are set apart by spaces, which are not wanted at either end.
function trimEnds(parts: Array<string | React.ReactElement>): Array<string | React.ReactElement> {
    const trimmed = [...parts];
    if (typeof trimmed[0] === 'string') {
        trimmed[0] = trimmed[0].trimStart();
    }
    const last = trimmed.length - 1;
    if (typeof trimmed[last] === 'string') {
        trimmed[last] = trimmed[last].trimEnd();
    }
    return trimmed;
}

export const LinkOnlyText = memo(function LinkOnlyText({text}: {text: string}) {
    const parts = useMemo(() => {
        let links = 0;
        return trimEnds(textParts(parseMarkdown(text), (node) => linkElement(node, links++)));
    }, [text]);
    return <>{parts}</>;
});
