import type {ConversationRecord, RecordCardStatus} from '../../../types/workspace';

// What the Info tab says about a record it has no details of, by its card's status.
const statusWords: Record<Exclude<RecordCardStatus, 'found'>, string> = {
    missing: 'Not found in ServiceNow',
    unavailable: 'ServiceNow is not answering right now',
    restricted: 'Details are shown only in conversations of ITIL staff',
    pending: 'Loading details from ServiceNow…',
};

// null for a found record: its details say it.
export function recordStatusWords(record: ConversationRecord): string | null {
    const status = record.card?.status;
    if (status === 'found') {
        return null;
    }
    return status && status in statusWords ? statusWords[status] : 'No details from ServiceNow yet';
}

// Newest mention first; records without a time go last, in the server's order.
export function newestFirst<T>(items: T[], timeOf: (item: T) => number | undefined): T[] {
    return items.map((item, index) => ({item, index, time: timeOf(item) ?? 0})).
        sort((a, b) => b.time - a.time || a.index - b.index).
        map(({item}) => item);
}
