import {describe, expect, it} from 'vitest';

import {plainText} from './plain_text';

describe('plainText', () => {
    it.each([
        ['**bold** and *it* and ~~gone~~', 'bold and it and gone'],
        ['see [the docs](https://docs.example.com) now', 'see the docs now'],
        ['<https://example.com> and https://status.example.com', 'https://example.com and https://status.example.com'],
        ['run `make test` please', 'run make test please'],
        ['```sh\nmake test\nmake lint\n```', 'make test make lint'],
        ['- one\n- two\n  1. three', 'one two three'],
        ['3. first\n4. second', 'first second'],
        ['# Title\ntext', 'Title text'],
        ['> quoted\n\nreply', 'quoted reply'],
        ['ok :+1: :white_check_mark: :)', 'ok 👍 ✅ 🙂'],
        ['party :party_parrot:', 'party :party_parrot:'],
        ['@bob and ~town-square', '@bob and ~town-square'],
        ['![diagram](https://img.example.com/d.png)', 'diagram'],
        ['| a | b |\n|---|---|\n| 1 | 2 |', 'a b 1 2'],
        ['<b>raw</b> html', '<b>raw</b> html'],
        ['Tom &amp; Jerry \\*x\\*', 'Tom & Jerry *x*'],
        ['  lots   of\n\n\nspace  ', 'lots of space'],
        ['line one\nline two  \nline three', 'line one line two line three'],
        ['a\n\n---\n\nb', 'a b'],
        ['', ''],
    ])('%j reads %j', (markdown, text) => {
        expect(plainText(markdown)).toBe(text);
    });

    it('gives the same answer when asked again', () => {
        expect(plainText('**again**')).toBe('again');
        expect(plainText('**again**')).toBe('again');
    });

    it('copes with deep nesting', () => {
        expect(plainText(`${'>'.repeat(5000)} deep`)).toBe('deep');
    });
});
