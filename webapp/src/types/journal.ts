// Saving a conversation to a record, and a record conversation's journal field (issue 24): what
// POST /api/v1/conversations/{id}/saved and GET/PUT .../journal answer, as the server's Go
// types declare them: see wire.generated.ts.
import {defineMessages, type MessageDescriptor} from 'react-intl';

export type {JournalKind, SavedToRecord} from './wire.generated';

// Where a message goes in the record's journal: work notes (staff only) or comments (the caller
// sees them too).
export type Journal = 'work_notes' | 'comments';

// The post prop of a record conversation's message saying where it went (server/follow).
export const journalProp = 'connect_journal';

// ServiceNow's own names for the two journal fields, in the user's language.
export const journalLabels = defineMessages({
    work_notes: {id: 'connect.journal.work_notes', defaultMessage: 'Work note'},
    comments: {id: 'connect.journal.comments', defaultMessage: 'Comment'},
}) satisfies Record<Journal, MessageDescriptor>;

export function isJournal(value: unknown): value is Journal {
    return value === 'work_notes' || value === 'comments';
}

// What to save: the record (a number or link) and the messages, picked (post_ids) or from one
// to the end (from_post_id).
export interface SaveToRecordRequest {
    record: string;
    post_ids?: string[];
    from_post_id?: string;
    kind: Journal;
}
