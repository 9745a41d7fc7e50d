import {describe, expect, it} from 'vitest';

import {decodeHTMLStrict} from './entities';
import XRegExp, {toUnicodePattern} from './xregexp';

describe('the xregexp stand-in', () => {
    it('writes XRegExp\'s Unicode escapes and the escapes `u` refuses in native form', () => {
        expect(toUnicodePattern('[\\pL\\d.\\-]+[.]\\pL{2,4}')).toBe('[\\p{L}\\d.\\-]+[.]\\p{L}{2,4}');
        expect(toUnicodePattern('[A-Za-z\\d-.+]*')).toBe('[A-Za-z\\d\\-.+]*');
        expect(toUnicodePattern('\\"[a]+\\"@')).toBe('"[a]+"@');
        expect(toUnicodePattern('\\\\\\[\\p{Nd}')).toBe('\\\\\\[\\p{Nd}');
    });

    it('matches letters of every script, as XRegExp does', () => {
        const hashtag = XRegExp.cache('^#(\\pL[\\pL\\d\\-_.]*[\\pL\\d])');
        expect(hashtag.exec('#störung-42 now')?.[1]).toBe('störung-42');
        expect(hashtag.exec('#привет')?.[1]).toBe('привет');
        expect(XRegExp.cache('^#(\\pL[\\pL\\d\\-_.]*[\\pL\\d])')).toBe(hashtag);
    });
});

describe('the entities stand-in', () => {
    it('decodes named and numeric entities, and leaves unknown ones', () => {
        expect(decodeHTMLStrict('&amp;')).toBe('&');
        expect(decodeHTMLStrict('&copy;')).toBe('©');
        expect(decodeHTMLStrict('&#x1F600;')).toBe('😀');
        expect(decodeHTMLStrict('&nosuchthing;')).toBe('&nosuchthing;');
        expect(decodeHTMLStrict('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    });
});
