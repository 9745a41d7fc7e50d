import {defineMessages, type IntlShape} from 'react-intl';

import {currentIntl} from './i18n/intl';

// Mattermost's limit for a post's message, in characters (the server counts runes, code points).
export const postMessageLimit = 16_383;

const messages = defineMessages({
    tooLong: {id: 'connect.message.too_long', defaultMessage: 'This message is too long (the limit is {limit, number} characters).'},
    tooLongBy: {id: 'connect.message.too_long_by', defaultMessage: 'This message is {excess, plural, one {# character} other {# characters}} too long (the limit is {limit, number}).'},
});

// What Connect says about a message over the limit: by how much when it knows, as the composer does.
export function messageTooLong(intl: IntlShape, excess?: number): string {
    return excess === undefined ?
        intl.formatMessage(messages.tooLong, {limit: postMessageLimit}) :
        intl.formatMessage(messages.tooLongBy, {excess, limit: postMessageLimit});
}

// Server texts that Connect says in its own words.
const serverTexts = new Map([
    ['Post Message property is longer than the maximum permitted length.', (intl: IntlShape) => messageTooLong(intl)],
]);

// What the user reads about a failure. A ClientError's message already is one: the server's own
// reason (in the user's language), or "Could not reach the server: …"; anything else thrown says
// what it can.
export function errorMessage(error: unknown, intl: IntlShape = currentIntl()): string {
    const message = error instanceof Error ? error.message : String(error);
    return serverTexts.get(message.trim())?.(intl) ?? message;
}
