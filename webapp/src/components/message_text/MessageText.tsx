// A message's text as Mattermost shows it: inside the web app through the web app's own
// formatter (host_renderer.ts), elsewhere through render.tsx.
import React, {memo, useEffect, useMemo} from 'react';

import type {PostUtils} from '../../types/window';

import {hostPostUtils, renderWithHost} from './host_renderer';
import {parseMarkdown} from './parse';
import {emojiOnly, hasUnknownEmoji, renderMarkdown} from './render';

export interface MessageTextProps {
    // The message as written: Mattermost's markdown.
    text: string;

    // The signed-in user's username: mentions of them (and @here, @all, @channel) stand out.
    currentUsername: string;

    // A person's display name for the tooltip of a mention of them; undefined when unknown.
    displayNameOf?: (username: string) => string | undefined;

    // The image of one of the server's custom emoji; undefined for a name that is none.
    customEmojiURL?: (name: string) => string | undefined;

    // Called when the text names an emoji that is not a standard one (a custom emoji, maybe).
    onUnknownEmoji?: () => void;
}

function OwnMessageText({text, currentUsername, displayNameOf, customEmojiURL, onUnknownEmoji}: MessageTextProps) {
    // Parsing is the costly part and depends on the text alone.
    const root = useMemo(() => parseMarkdown(text), [text]);
    const unknownEmoji = useMemo(() => hasUnknownEmoji(root), [root]);
    useEffect(() => {
        if (unknownEmoji) {
            onUnknownEmoji?.();
        }
    }, [unknownEmoji, onUnknownEmoji]);
    const content = useMemo(() => renderMarkdown(root, {currentUsername, displayNameOf, customEmojiURL}), [root, currentUsername, displayNameOf, customEmojiURL]);
    return <div className={emojiOnly(root) ? 'cc-markdown cc-markdown--emoji-only' : 'cc-markdown'}>{content}</div>;
}

function HostMessageText({postUtils, ...props}: MessageTextProps & {postUtils: PostUtils}) {
    const {text, currentUsername} = props;
    const content = useMemo(() => {
        try {
            return {rendered: renderWithHost(postUtils, text, currentUsername)};
        } catch {
            // The web app's formatter failed on this text: it is shown by render.tsx instead.
            return undefined;
        }
    }, [postUtils, text, currentUsername]);
    if (!content) {
        return <OwnMessageText {...props}/>;
    }
    return <div className='cc-markdown cc-markdown--host'>{content.rendered}</div>;
}

export const MessageText = memo(function MessageText(props: MessageTextProps) {
    const postUtils = hostPostUtils();
    return postUtils ? (
        <HostMessageText
            {...props}
            postUtils={postUtils}
        />
    ) : <OwnMessageText {...props}/>;
});
