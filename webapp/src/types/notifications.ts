// The bell (F-51): one member's notification preferences for one conversation, as the server's
// GET/PUT /api/v1/conversations/{id}/notifications read and write them: the server's Go types,
// see wire.generated.ts.
export type {NotificationLevel, NotificationPreferences} from './wire.generated';
