// The bell (F-51): one member's notification preferences for one conversation, as the server's
// GET/PUT /api/v1/conversations/{id}/notifications read and write them.
export type NotificationLevel = 'all' | 'mention' | 'none';

export interface NotificationPreferences {
    desktop: NotificationLevel;
    push: NotificationLevel;
    email: NotificationLevel;
    muted: boolean;
}
