import {describe, expect, it} from 'vitest';

import {englishIntl} from '../../i18n/intl';

import {intervalChoices, intervalLabel} from './digest_intervals';

describe('digest intervals', () => {
    it('offers the usual intervals within the admin range, its ends and the current one', () => {
        expect(intervalChoices(15, 1440, 60)).toEqual([15, 30, 60, 120, 240, 480, 720, 1440]);
        expect(intervalChoices(20, 100, 45)).toEqual([20, 30, 45, 60, 100]);
    });

    it('names them in minutes, hours or days', () => {
        expect(intervalLabel(englishIntl(), 1)).toBe('1 minute');
        expect(intervalLabel(englishIntl(), 45)).toBe('45 minutes');
        expect(intervalLabel(englishIntl(), 60)).toBe('1 hour');
        expect(intervalLabel(englishIntl(), 120)).toBe('2 hours');
        expect(intervalLabel(englishIntl(), 90)).toBe('90 minutes');
        expect(intervalLabel(englishIntl(), 1440)).toBe('1 day');
    });
});
