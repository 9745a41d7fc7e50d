// Inside the Mattermost web app, messages go through the web app's own formatter, so that they
// read exactly as in a channel: its markdown, its emoji (custom ones too), mention popovers and
// code highlighting. window.PostUtils is what the web app offers plugins for that.
import type {ReactNode} from 'react';

import type {PostUtils} from '../../types/window';

// Mattermost's default autolinked URL schemes (the server's CustomUrlSchemes are not known here).
export const autolinkedUrlSchemes = ['http', 'https', 'ftp', 'mailto', 'tel', 'mattermost'];

export function hostPostUtils(): PostUtils | undefined {
    const postUtils = typeof window === 'undefined' ? undefined : window.PostUtils;
    return typeof postUtils?.formatText === 'function' && typeof postUtils.messageHtmlToComponent === 'function' ? postUtils : undefined;
}

export function renderWithHost(postUtils: PostUtils, text: string, currentUsername: string): ReactNode {
    const mentionKeys = currentUsername ? [`@${currentUsername}`, '@here', '@all', '@channel'].map((key) => ({key})) : [];
    const html = postUtils.formatText(text, {
        atMentions: true,
        mentionHighlight: true,
        markdown: true,
        autolinkedUrlSchemes,
        mentionKeys,
    });
    return postUtils.messageHtmlToComponent(html, {mentionHighlight: true});
}
