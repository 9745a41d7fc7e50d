// What a drop on a mini window carries (F-06, F-41). Files are uploaded; a ticket number or a
// link (say, dragged from a ServiceNow list in another tab) is posted at once so the server
// turns it into a record card; any other text goes into the composer to be finished there.
export type DroppedContent =
    | {kind: 'files'; files: File[]}
    | {kind: 'record'; text: string}
    | {kind: 'text'; text: string}
    | {kind: 'nothing'};

const ticketNumber = /^[A-Z]{2,10}\d{4,12}$/;

function isWebLink(text: string): boolean {
    if (/\s/.test(text)) {
        return false;
    }
    try {
        const url = new URL(text);
        return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
        return false;
    }
}

export function isRecordReference(text: string): boolean {
    return ticketNumber.test(text) || isWebLink(text);
}

// text/uri-list holds one URL a line, with # comment lines.
function firstURI(uriList: string): string {
    return uriList.split(/\r?\n/).map((line) => line.trim()).find((line) => line && !line.startsWith('#')) ?? '';
}

export type DropData = Pick<DataTransfer, 'files' | 'types' | 'getData'>;

export function carriesDroppable(data: Pick<DataTransfer, 'types'>): boolean {
    return Array.from(data.types).some((type) => type === 'Files' || type === 'text/uri-list' || type === 'text/plain');
}

export function droppedContent(data: DropData): DroppedContent {
    const files = Array.from(data.files ?? []);
    if (files.length > 0) {
        return {kind: 'files', files};
    }
    const uri = firstURI(data.getData('text/uri-list'));
    if (uri && isWebLink(uri)) {
        return {kind: 'record', text: uri};
    }
    const text = data.getData('text/plain').trim();
    if (!text) {
        return {kind: 'nothing'};
    }
    return isRecordReference(text) ? {kind: 'record', text} : {kind: 'text', text};
}
