import {expect, it} from 'vitest';

import {displayName} from './display_name';

it.each([
    [{username: 'alice', first_name: 'Alice', last_name: 'Archer'}, 'Alice Archer'],
    [{username: 'alice', first_name: 'Alice', last_name: ''}, 'Alice'],
    [{username: 'alice', first_name: '', last_name: 'Archer'}, 'Archer'],
    [{username: 'alice', first_name: '  ', last_name: ''}, '@alice'],
    [{username: 'alice', first_name: '', last_name: ''}, '@alice'],
])('names %o as %s', (user, expected) => {
    expect(displayName(user)).toBe(expected);
});
