import React from 'react';

import {emojiFor} from '../message_text/emoji';

import type {EmojiCatalog} from './catalog';
import {useEmoji} from './emoji_store';

// The server's custom emoji, read (once a session) only when a reaction names an emoji that is
// not a standard one.
export function useReactionEmoji(names: string[]): EmojiCatalog | undefined {
    const unknown = names.some((name) => emojiFor(name) === undefined);
    return useEmoji({load: unknown ? 'once' : false}).catalog;
}

// A reaction's emoji: the character of a standard one, the image of a custom one, else its name.
export function ReactionEmoji({name, custom}: {name: string; custom?: EmojiCatalog}) {
    const text = emojiFor(name);
    const image = text === undefined ? custom?.byName.get(name)?.imageURL : undefined;
    if (image) {
        return (
            <img
                className='cc-emoji-image cc-reaction-image'
                src={image}
                alt=''
            />
        );
    }
    return <span aria-hidden='true'>{text ?? `:${name}:`}</span>;
}
