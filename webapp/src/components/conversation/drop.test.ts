import {describe, expect, it} from 'vitest';

import {carriesDroppable, droppedContent, isRecordReference, type DropData} from './drop';

function data(items: Record<string, string>, files: File[] = []): DropData {
    const types = [...Object.keys(items), ...(files.length ? ['Files'] : [])];
    return {types, files: files as unknown as FileList, getData: (type) => items[type] ?? ''};
}

describe('what a drop carries', () => {
    it.each([
        ['INC0010001', true],
        ['RITM0010002', true],
        ['KB1234', true],
        ['https://example.service-now.com/incident.do?sys_id=1', true],
        ['http://intranet/ticket/7', true],
        ['inc0010001', false],
        ['INC001', false],
        ['INC0010001 Email down', false],
        ['javascript:alert(1)', false],
        ['ftp://files.example.com/a', false],
    ])('%s is a record reference: %s', (text, expected) => {
        expect(isRecordReference(text)).toBe(expected);
    });

    it('prefers files, then a link from text/uri-list, then plain text', () => {
        const file = new File(['x'], 'a.txt');
        expect(droppedContent(data({'text/plain': 'INC0010001'}, [file]))).toEqual({kind: 'files', files: [file]});
        expect(droppedContent(data({'text/uri-list': '#comment\r\nhttps://sn.example.com/a', 'text/plain': 'INC0010001'}))).toEqual({kind: 'record', text: 'https://sn.example.com/a'});
        expect(droppedContent(data({'text/plain': '  CHG0030001\n'}))).toEqual({kind: 'record', text: 'CHG0030001'});
        expect(droppedContent(data({'text/plain': 'please check'}))).toEqual({kind: 'text', text: 'please check'});
        expect(droppedContent(data({'text/plain': '   '}))).toEqual({kind: 'nothing'});
    });

    it('accepts files, links and text only', () => {
        expect(carriesDroppable({types: ['Files']})).toBe(true);
        expect(carriesDroppable({types: ['text/plain']})).toBe(true);
        expect(carriesDroppable({types: ['application/x-moz-node']})).toBe(false);
    });
});
