import type {ReactNode} from 'react';

import type {WebappPlugin} from './registry';

// The web app's message formatter, which it puts on window for plugins (see
// components/message_text/host_renderer.ts): formatText gives HTML, messageHtmlToComponent
// turns that HTML into React elements with the web app's mentions, emoji and code blocks.
export interface PostUtils {
    formatText(text: string, options?: {
        atMentions?: boolean;
        mentionHighlight?: boolean;
        markdown?: boolean;
        autolinkedUrlSchemes?: string[];
        mentionKeys?: Array<{key: string; caseSensitive?: boolean}>;
    }): string;
    // Recent web apps take (html, options); older ones took (html, isRHS, options), and recent ones
    // still accept that form through a shim. Connect calls the two-argument form, which every version
    // takes without error (an old one reads the options as isRHS and keeps its defaults).
    messageHtmlToComponent(html: string, options?: {mentionHighlight?: boolean}): ReactNode;
}

declare global {
    interface Window {
        registerPlugin(pluginId: string, plugin: WebappPlugin): void;

        // Set by the Mattermost web app when it is served under a subpath.
        basename?: string;

        // Set by the Mattermost web app; absent on the standalone page and the dev host.
        PostUtils?: PostUtils;
    }
}

export {};
