import {defineMessages, type IntlShape, type MessageDescriptor} from 'react-intl';

import type {ConversationRecord, RecordCardStatus} from '../../../types/workspace';

// What the Info tab says about a record it has no details of, by its card's status.
const statusWords = defineMessages({
    missing: {id: 'connect.info.record.missing', defaultMessage: 'Not found in ServiceNow'},
    unavailable: {id: 'connect.info.record.unavailable', defaultMessage: 'ServiceNow is not answering right now'},
    restricted: {id: 'connect.info.record.restricted', defaultMessage: 'Details are shown only in conversations of ITIL staff'},
    pending: {id: 'connect.info.record.pending', defaultMessage: 'Loading details from ServiceNow…'},
    none: {id: 'connect.info.record.none', defaultMessage: 'No details from ServiceNow yet'},
}) satisfies Record<Exclude<RecordCardStatus, 'found'> | 'none', MessageDescriptor>;

// null for a found record: its details say it.
export function recordStatusWords(intl: IntlShape, record: ConversationRecord): string | null {
    const status = record.card?.status;
    if (status === 'found') {
        return null;
    }
    return intl.formatMessage(status && status in statusWords ? statusWords[status] : statusWords.none);
}

// Newest mention first; records without a time go last, in the server's order.
export function newestFirst<T>(items: T[], timeOf: (item: T) => number | undefined): T[] {
    return items.map((item, index) => ({item, index, time: timeOf(item) ?? 0})).
        sort((a, b) => b.time - a.time || a.index - b.index).
        map(({item}) => item);
}
