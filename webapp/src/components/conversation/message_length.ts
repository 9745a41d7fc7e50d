import {defineMessages, type IntlShape} from 'react-intl';

import {messageTooLong, postMessageLimit} from '../../error_message';

const messages = defineMessages({
    left: {id: 'connect.message.characters_left', defaultMessage: '{count, plural, one {# character left} other {# characters left}}'},
});

// The composer shows how many characters are left from this many on.
export const nearLimitFrom = 500;

// Characters as Mattermost counts them: code points (Go runes), so an emoji is one or two, never
// its UTF-16 length.
export function messageLength(text: string): number {
    return Array.from(text).length;
}

export type LengthNotice =
    | {kind: 'none'}
    | {kind: 'near'; text: string}
    | {kind: 'over'; text: string};

// What the composer says about the length of the message it would send (the trimmed text).
export function lengthNotice(intl: IntlShape, message: string): LengthNotice {
    // Most messages are far from the limit; the length needs counting only near it.
    if (message.length <= postMessageLimit - nearLimitFrom) {
        return {kind: 'none'};
    }
    const left = postMessageLimit - messageLength(message);
    if (left < 0) {
        return {kind: 'over', text: messageTooLong(intl, -left)};
    }
    if (left <= nearLimitFrom) {
        return {kind: 'near', text: intl.formatMessage(messages.left, {count: left})};
    }
    return {kind: 'none'};
}

export function fitsInPost(message: string): boolean {
    return message.length <= postMessageLimit || messageLength(message) <= postMessageLimit;
}
