import {describe, expect, it} from 'vitest';

import {englishIntl} from '../../i18n/intl';

import {timeFormat} from './time';

// In the browser's zone, as the tests run: dates are local.
const time = timeFormat(englishIntl(), undefined);

describe('short times', () => {
    const now = new Date(2024, 4, 15, 15, 0).getTime();

    it.each([
        [now - 20_000, 'now'],
        [now - 5 * 60_000, '5m'],
        [now - 3 * 3_600_000, '3h'],
        [new Date(2024, 4, 14, 23, 0).getTime(), 'Yesterday'],
    ])('says %s as %s', (ms, expected) => {
        expect(time.short(ms, now)).toBe(expected);
    });

    it('names the weekday within a week, else the date', () => {
        expect(time.short(new Date(2024, 4, 11, 9, 0).getTime(), now)).toBe(new Date(2024, 4, 11).toLocaleDateString('en', {weekday: 'short'}));
        expect(time.short(new Date(2024, 0, 3).getTime(), now)).toBe(new Date(2024, 0, 3).toLocaleDateString('en', {month: 'short', day: 'numeric'}));
        expect(time.short(new Date(2023, 0, 3).getTime(), now)).toContain('2023');
    });
});

describe('day separators', () => {
    const now = new Date(2024, 4, 15, 15, 0).getTime();

    it('says today and yesterday, then the day with its date', () => {
        expect(time.day(new Date(2024, 4, 15, 0, 5).getTime(), now)).toBe('Today');
        expect(time.day(new Date(2024, 4, 14, 23, 59).getTime(), now)).toBe('Yesterday');
        expect(time.day(new Date(2024, 4, 13, 9, 0).getTime(), now)).toBe(new Date(2024, 4, 13).toLocaleDateString('en', {weekday: 'long', month: 'long', day: 'numeric'}));
        expect(time.day(new Date(2023, 11, 31).getTime(), now)).toContain('2023');
    });
});
