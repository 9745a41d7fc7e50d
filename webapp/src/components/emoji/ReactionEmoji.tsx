import React from 'react';

import {emojiFor} from '../message_text/emoji';

import {useCustomEmoji} from './emoji_store';

// The images of custom emoji for a message's reactions; the custom emoji are read (once a
// session) only when a reaction names an emoji that is not a standard one.
export function useReactionEmoji(names: string[]): (name: string) => string | undefined {
    return useCustomEmoji(names.some((name) => emojiFor(name) === undefined));
}

// A reaction's emoji: the character of a standard one, the image of a custom one, else its name.
export function ReactionEmoji({name, custom}: {name: string; custom: (name: string) => string | undefined}) {
    const text = emojiFor(name);
    const image = text === undefined ? custom(name) : undefined;
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
