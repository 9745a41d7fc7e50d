import {expect, it} from 'vitest';

import {ClientError} from './client';
import {errorMessage} from './error_message';

it('tells the server\'s reason for a refused request', () => {
    expect(errorMessage(new ClientError(403, 'You may not do that.', 'https://chat.example.com/api/v4/posts'))).toBe('You may not do that.');
});

it('tells the message of any other error, or the thrown value itself', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorMessage('timeout')).toBe('timeout');
});
