import {changeKnown, type StateDeps} from '../../state/known';
import type {NotificationLevel, NotificationPreferences} from '../../types/notifications';

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
export function onNotificationsChanged(deps: StateDeps, data: Record<string, unknown>): void {
    const preferences = preferencesOf(data.preferences);
    if (typeof data.conversation_id === 'string' && preferences) {
        changeKnown(deps, 'notificationPreferences', data.conversation_id, () => preferences);
    }
}
