import {describe, expect, it} from 'vitest';

import {connectStore, deliverPluginEvent} from '../../../tests/unit/connect_fixtures';
import {selectKnown, selectKnownEntry} from '../../state/known';

import {preferencesOf} from './preferences';

describe('notification preferences', () => {
    it('reads only well-formed preferences', () => {
        expect(preferencesOf({desktop: 'all', push: 'mention', email: 'none', muted: true})).toEqual({desktop: 'all', push: 'mention', email: 'none', muted: true});
        expect(preferencesOf({desktop: 'all', push: 'mention', email: 'none'})).toBeUndefined();
        expect(preferencesOf({desktop: 'mentions', push: 'all', email: 'all', muted: false})).toBeUndefined();
        expect(preferencesOf('all')).toBeUndefined();
        expect(preferencesOf(null)).toBeUndefined();
    });

    it('changes that conversation\'s only, and only for a well-formed event', () => {
        const store = connectStore();
        const known = (id: string) => selectKnown(store.getState(), 'notificationPreferences', id);
        deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'c2', preferences: {desktop: 'all', push: 'all', email: 'all', muted: false}});
        const other = selectKnownEntry(store.getState(), 'notificationPreferences', 'c2');
        const preferences = {desktop: 'none', push: 'none', email: 'none', muted: true} as const;

        deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'c1', preferences});
        expect(known('c1')).toEqual(preferences);
        expect(selectKnownEntry(store.getState(), 'notificationPreferences', 'c2')).toBe(other);

        deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'c1', preferences: {...preferences, muted: false}});
        expect(known('c1')?.muted).toBe(false);
        deliverPluginEvent(store, 'notifications_changed', {preferences});
        deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'c1', preferences: {desktop: 'loud'}});
        expect(known('c1')?.muted).toBe(false);
    });
});
