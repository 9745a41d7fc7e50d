import type {NotificationLevel, NotificationPreferences} from '../../types/notifications';

// The last known preferences per conversation, shared by every bell on the page, with the
// listeners of each. The server's notifications_changed event and every answer of the REST
// route feed it, so a change made in one window (or another client) shows in all of them.
type Listener = (preferences: NotificationPreferences) => void;

const known = new Map<string, NotificationPreferences>();
const listeners = new Map<string, Set<Listener>>();

// Counts the changes per conversation, so an answer to an older request can tell that something
// newer (an event from another client, say) has arrived since, and not undo it.
const versions = new Map<string, number>();

export function preferencesVersion(conversationId: string): number {
    return versions.get(conversationId) ?? 0;
}

export function knownPreferences(conversationId: string): NotificationPreferences | undefined {
    return known.get(conversationId);
}

export function preferencesChanged(conversationId: string, preferences: NotificationPreferences): void {
    versions.set(conversationId, preferencesVersion(conversationId) + 1);
    known.set(conversationId, preferences);
    listeners.get(conversationId)?.forEach((listener) => listener(preferences));
}

// Returns the unsubscribe function.
export function subscribePreferences(conversationId: string, listener: Listener): () => void {
    let set = listeners.get(conversationId);
    if (!set) {
        set = new Set();
        listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
        set.delete(listener);
        if (set.size === 0) {
            listeners.delete(conversationId);
        }
    };
}

// For tests: forget everything.
export function resetPreferences(): void {
    known.clear();
    versions.clear();
    listeners.clear();
}

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
