import {describe, expect, it} from 'vitest';

import {formatDay, formatRelativeTime} from './time';

describe('formatRelativeTime', () => {
    const now = new Date(2024, 4, 15, 15, 0).getTime();

    it.each([
        [now - 20_000, 'now'],
        [now - 5 * 60_000, '5m'],
        [now - 3 * 3_600_000, '3h'],
        [new Date(2024, 4, 14, 23, 0).getTime(), 'Yesterday'],
    ])('says %s as %s', (ms, expected) => {
        expect(formatRelativeTime(ms, now)).toBe(expected);
    });

    it('names the weekday within a week, else the date', () => {
        expect(formatRelativeTime(new Date(2024, 4, 11, 9, 0).getTime(), now)).toBe(new Date(2024, 4, 11).toLocaleDateString(undefined, {weekday: 'short'}));
        expect(formatRelativeTime(new Date(2024, 0, 3).getTime(), now)).toBe(new Date(2024, 0, 3).toLocaleDateString(undefined, {month: 'short', day: 'numeric'}));
        expect(formatRelativeTime(new Date(2023, 0, 3).getTime(), now)).toContain('2023');
    });
});

describe('formatDay', () => {
    const now = new Date(2024, 4, 15, 15, 0).getTime();

    it('says today and yesterday, then the day with its date', () => {
        expect(formatDay(new Date(2024, 4, 15, 0, 5).getTime(), now)).toBe('Today');
        expect(formatDay(new Date(2024, 4, 14, 23, 59).getTime(), now)).toBe('Yesterday');
        expect(formatDay(new Date(2024, 4, 13, 9, 0).getTime(), now)).toBe(new Date(2024, 4, 13).toLocaleDateString(undefined, {weekday: 'long', month: 'long', day: 'numeric'}));
        expect(formatDay(new Date(2023, 11, 31).getTime(), now)).toContain('2023');
    });
});
