import {afterEach, describe, expect, it, vi} from 'vitest';

import {knownPreferences, onNotificationsChanged, preferencesOf, resetPreferences, subscribePreferences} from './preferences_store';

describe('preferences_store', () => {
    afterEach(resetPreferences);

    it('reads only well-formed preferences', () => {
        expect(preferencesOf({desktop: 'all', push: 'mention', email: 'none', muted: true})).toEqual({desktop: 'all', push: 'mention', email: 'none', muted: true});
        expect(preferencesOf({desktop: 'all', push: 'mention', email: 'none'})).toBeUndefined();
        expect(preferencesOf({desktop: 'mentions', push: 'all', email: 'all', muted: false})).toBeUndefined();
        expect(preferencesOf('all')).toBeUndefined();
        expect(preferencesOf(null)).toBeUndefined();
    });

    it('tells the listeners of that conversation only, until they unsubscribe', () => {
        const listener = vi.fn();
        const other = vi.fn();
        const unsubscribe = subscribePreferences('c1', listener);
        subscribePreferences('c2', other);
        const preferences = {desktop: 'none', push: 'none', email: 'none', muted: true} as const;
        onNotificationsChanged({conversation_id: 'c1', preferences});
        expect(listener).toHaveBeenCalledWith(preferences);
        expect(other).not.toHaveBeenCalled();
        expect(knownPreferences('c1')).toEqual(preferences);

        unsubscribe();
        onNotificationsChanged({conversation_id: 'c1', preferences: {...preferences, muted: false}});
        expect(listener).toHaveBeenCalledTimes(1);
        onNotificationsChanged({preferences});
        expect(knownPreferences('c1')?.muted).toBe(false);
    });
});
