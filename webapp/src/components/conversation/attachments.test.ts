import {describe, expect, it} from 'vitest';

import {post} from '../../../tests/unit/connect_fixtures';
import {englishIntl} from '../../i18n/intl';

import {cardsOf, filesOf, isSystemMessage, safeLink} from './attachments';

describe('attachments', () => {
    it('reads cards defensively from post props, their text as sent', () => {
        const cards = cardsOf(post({props: {attachments: [{title: 'INC\\-1', color: 'danger', author_link: 'javascript:x', fields: [{title: 'State', value: 3}, 'junk', {}]}, 'junk']}}));

        expect(cards).toEqual([{
            color: '#d24b4e',
            pretext: '',
            authorName: '',
            authorLink: undefined,
            title: 'INC\\-1',
            titleLink: undefined,
            text: '',
            fields: [{title: 'State', value: '3', short: false}],
            footer: '',
        }]);
        expect(cardsOf(post({props: {attachments: 'nope'}}))).toEqual([]);
        expect(cardsOf(post())).toEqual([]);
    });

    it('knows the record of each Connect card, after the attachments of others', () => {
        const records = [
            {table: 'incident', number: 'INC0010001', found_table: 'incident', found_sys_id: 'a1', status: 'found'},
            {table: 'problem', number: 'PRB0040001', status: 'pending'},
        ];
        const cards = cardsOf(post({props: {attachments: [{title: 'a bot'}, {title: 'INC0010001'}, {title: 'PRB0040001'}], connect_records: records}}));

        expect(cards.map((card) => card.record)).toEqual([undefined, {table: 'incident', number: 'INC0010001', sys_id: 'a1'}, undefined]);
        expect(cardsOf(post({props: {attachments: [{title: 'x'}], connect_records: records}}))[0].record).toBeUndefined();
    });

    it('knows when the record of a found card last changed', () => {
        const records = [
            {table: 'incident', number: 'INC0010001', found_table: 'incident', found_sys_id: 'a1', status: 'found', updated_at: '2026-11-20T09:14:03Z'},
            {table: 'problem', number: 'PRB0040001', status: 'found', updated_at: 'yesterday'},
            {table: 'change_request', number: 'CHG0030001', status: 'pending', updated_at: '2026-11-20T09:14:03Z'},
        ];
        const cards = cardsOf(post({props: {attachments: [{title: 'INC0010001'}, {title: 'PRB0040001'}, {title: 'CHG0030001'}], connect_records: records}}));

        expect(cards.map((card) => card.updatedAt)).toEqual([Date.UTC(2026, 10, 20, 9, 14, 3), undefined, undefined]);
    });

    it('links only to web addresses', () => {
        expect(safeLink('https://example.com/a')).toBe('https://example.com/a');
        expect(safeLink('javascript:alert(1)')).toBeUndefined();
        expect(safeLink('data:text/html,hi')).toBeUndefined();
        expect(safeLink('not a url')).toBeUndefined();
    });

    it('names files from the post metadata, else by id', () => {
        expect(filesOf(post({metadata: {files: [{id: 'f1', name: 'a.txt'}]}, file_ids: ['f1']}), englishIntl())).toEqual([{id: 'f1', name: 'a.txt'}]);
        expect(filesOf(post({file_ids: ['f2']}), englishIntl())).toEqual([{id: 'f2', name: 'Attached file'}]);
    });

    it('tells system messages', () => {
        expect(isSystemMessage(post({type: 'system_add_to_channel'}))).toBe(true);
        expect(isSystemMessage(post({type: ''}))).toBe(false);
    });
});
