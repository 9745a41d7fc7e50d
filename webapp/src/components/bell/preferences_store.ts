import type {NotificationLevel, NotificationPreferences} from '../../types/notifications';

import {createKeyedStore} from '../common/keyed_store';

// The last known preferences per conversation, shared by every bell on the page.
export const preferencesStore = createKeyedStore<NotificationPreferences>();

export const knownPreferences = preferencesStore.known;
export const preferencesChanged = preferencesStore.changed;
export const subscribePreferences = preferencesStore.subscribe;
export const resetPreferences = preferencesStore.reset;

const levels = new Set<unknown>(['all', 'mention', 'none']);

function isLevel(value: unknown): value is NotificationLevel {
    return levels.has(value);
}

// The preferences in a websocket event's data, when they are well formed.
export function preferencesOf(value: unknown): NotificationPreferences | undefined {
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const {desktop, push, email, muted} = value as Record<string, unknown>;
    if (!isLevel(desktop) || !isLevel(push) || !isLevel(email) || typeof muted !== 'boolean') {
        return undefined;
    }
    return {desktop, push, email, muted};
}

// The notifications_changed event: {conversation_id, preferences}.
export function onNotificationsChanged(data: Record<string, unknown>): void {
    const preferences = preferencesOf(data.preferences);
    if (typeof data.conversation_id === 'string' && preferences) {
        preferencesChanged(data.conversation_id, preferences);
    }
}
