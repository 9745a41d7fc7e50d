// Creating a ServiceNow record from a conversation, as GET /api/v1/records/creatable and
// POST /api/v1/conversations/{id}/records answer: the server's Go types, see wire.generated.ts.
export type {CreatableTable, CreatableTables, CreatedRecord, CreatedRecordCard} from './wire.generated';

// What POST /api/v1/conversations/{id}/records takes.
export interface CreateRecordRequest {
    // Chosen once per dialog: a retried request answers the record it already created.
    request_id: string;
    table: string;
    short_description: string;

    // A member of the conversation (Mattermost user id); the caller themselves when empty.
    caller_id?: string;

    // The messages for the first work note (or from_post_id and every later one); neither: the
    // conversation's last 20, unless include_recent is false.
    post_ids?: string[];
    from_post_id?: string;
    include_recent?: boolean;
}
