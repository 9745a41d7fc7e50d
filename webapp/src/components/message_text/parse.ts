import {Parser, type Node} from '@mattermost/commonmark';

// The schemes a link may have; anything else (javascript:, data:, vbscript:) stays text.
export const linkSchemes: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

// Autolinking (bare URLs in the text) stops at those schemes, so that "note:this" stays text.
// Schemeless matches ("www.example.com") are linked with http.
function autolinkAllowed(url: string): boolean {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
    return !scheme || linkSchemes.has(scheme[1].toLowerCase());
}

const parser = new Parser({urlFilter: autolinkAllowed});

// Mattermost's flavour of markdown: commonmark with tables, strikethrough, autolinks, @mentions,
// ~channels, #hashtags and :emoji:.
export function parseMarkdown(text: string): Node {
    return parser.parse(text);
}
