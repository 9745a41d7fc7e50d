import React from 'react';

import type {Conversation} from '../../types/connect';

import {useTypingSentence} from './use_typing';

// F-80 "Bob is typing…" under the conversation. A polite live region that is always there, so
// screen readers announce the sentence when it changes, and only then (a renewed typing event
// leaves the same text, which React does not touch). Not a role=status: that is the
// conversation's line for what it is doing (sending, uploading).
export function TypingIndicator({conversation}: {conversation: Conversation}) {
    const sentence = useTypingSentence(conversation);
    return (
        <p
            className='cc-typing'
            aria-live='polite'
            aria-atomic='true'
            data-testid='typing-indicator'
        >
            {sentence}
        </p>
    );
}
