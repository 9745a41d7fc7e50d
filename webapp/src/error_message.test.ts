import {expect, it} from 'vitest';

import {ClientError} from './client';
import {errorMessage, messageTooLong} from './error_message';
import {englishIntl} from './i18n/intl';

it('tells the server\'s reason for a refused request', () => {
    expect(errorMessage(new ClientError(403, 'You may not do that.', 'https://chat.example.com/api/v4/posts'))).toBe('You may not do that.');
});

it('tells the message of any other error, or the thrown value itself', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorMessage('timeout')).toBe('timeout');
});

it('says in Connect\'s words that a message is too long', () => {
    expect(errorMessage(new ClientError(400, 'Post Message property is longer than the maximum permitted length.', 'https://chat.example.com/api/v4/posts')))
        .toBe('This message is too long (the limit is 16,383 characters).');
    expect(messageTooLong(englishIntl(), 37)).toBe('This message is 37 characters too long (the limit is 16,383).');
    expect(messageTooLong(englishIntl(), 1)).toBe('This message is 1 character too long (the limit is 16,383).');
});
