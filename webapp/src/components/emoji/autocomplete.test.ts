import {describe, expect, it} from 'vitest';

import {emojiInsertion, emojiQueryAt, replaceRange} from './autocomplete';

describe('the :name suggestions', () => {
    it('open after a colon and two characters, at the start or after a space', () => {
        expect(emojiQueryAt(':thu', 4)).toEqual({start: 0, end: 4, term: 'thu'});
        expect(emojiQueryAt('great :Th', 9)).toEqual({start: 6, end: 9, term: 'th'});
        expect(emojiQueryAt('line\n:ok', 8)).toEqual({start: 5, end: 8, term: 'ok'});
    });

    it('stay closed for one character, inside a word, after a finished :name: or a space', () => {
        expect(emojiQueryAt(':t', 2)).toBeUndefined();
        expect(emojiQueryAt('http://x', 8)).toBeUndefined();
        expect(emojiQueryAt('a:thu', 5)).toBeUndefined();
        expect(emojiQueryAt(':smile:', 7)).toBeUndefined();
        expect(emojiQueryAt(':thu up', 7)).toBeUndefined();
    });

    it('read only what is before the caret', () => {
        expect(emojiQueryAt(':thu and more', 4)).toEqual({start: 0, end: 4, term: 'thu'});
    });

    it('put in the emoji itself for a standard one, :name: for a custom one, then a space', () => {
        expect(emojiInsertion({name: '+1', names: ['+1'], category: 'people-body', text: '👍'})).toBe('👍 ');
        expect(emojiInsertion({name: 'parrot', names: ['parrot'], category: 'custom', imageURL: 'x'})).toBe(':parrot: ');
        expect(replaceRange('well :thu', 5, 9, '👍 ')).toEqual({text: 'well 👍 ', caret: 8});
    });
});
