import emojiData from 'emoji-datasource/emoji.json';
import {describe, expect, it} from 'vitest';

import {emojiFor, splitSkinTone, tonedName, withSkinTone} from '../message_text/emoji';

import {addRecentEmoji, buildCatalog, maximumRecentEmoji, parseRecentEmojis, pickerCategories, recentEmojis, searchEmojis, type EmojiCatalogFile} from './catalog';
import catalogFile from './emoji_catalog.generated.json';

const file: EmojiCatalogFile = catalogFile;
const imageURL = (id: string) => `https://chat.example.com/api/v4/emoji/${id}/image`;
const plain = buildCatalog(file, 'default', [], imageURL);

describe('the emoji catalog', () => {
    it('names emoji as Mattermost does, the primary name first', () => {
        expect(plain.byName.get('+1')).toMatchObject({name: '+1', text: '👍', names: ['+1', 'thumbsup']});
        expect(plain.byName.get('thumbsup')?.name).toBe('+1');
        expect(plain.byName.get('smile')?.text).toBe('😄');
        expect(plain.byName.get('white_check_mark')?.text).toBe('✅');
    });

    it('has Mattermost\'s categories in its order, without the skin tone swatches', () => {
        expect(plain.categories.map((category) => category.id)).toEqual([
            'smileys-emotion', 'people-body', 'animals-nature', 'food-drink', 'travel-places', 'activities', 'objects', 'symbols', 'flags',
        ]);
        expect(plain.byName.has('skin-tone-2')).toBe(false);
    });

    it('shows the emoji that take a tone in the chosen tone, named as Mattermost names them', () => {
        const medium = buildCatalog(file, '1F3FD', [], imageURL);
        const thumbs = medium.all.find((emoji) => emoji.names.includes('thumbsup_medium_skin_tone'));
        expect(thumbs).toMatchObject({name: '+1_medium_skin_tone', text: '👍🏽'});
        expect(medium.all.find((emoji) => emoji.names[0] === 'smile')?.text).toBe('😄');
        expect(medium.byName.get('+1_dark_skin_tone')?.text).toBe('👍🏿');
        expect(medium.byName.get('+1')?.text).toBe('👍');
    });

    it('adds the server\'s custom emoji in their own category, a standard name winning', () => {
        const catalog = buildCatalog(file, 'default', [{id: 'e1', name: 'partyparrot'}, {id: 'e2', name: 'smile'}], imageURL);
        expect(catalog.categories.at(-1)).toMatchObject({id: 'custom', label: 'Custom'});
        expect(catalog.byName.get('partyparrot')).toMatchObject({imageURL: 'https://chat.example.com/api/v4/emoji/e1/image'});
        expect(catalog.byName.get('smile')?.text).toBe('😄');
    });
});

describe('skin tone names', () => {
    it('map between a tone and Mattermost\'s name suffix', () => {
        expect(tonedName('+1', '1F3FB')).toBe('+1_light_skin_tone');
        expect(tonedName('+1', '1F3FC')).toBe('+1_medium_light_skin_tone');
        expect(tonedName('+1', 'default')).toBe('+1');
        expect(splitSkinTone('+1_medium_light_skin_tone')).toEqual({base: '+1', tone: '1F3FC'});
        expect(splitSkinTone('thumbsup_dark_skin_tone')).toEqual({base: 'thumbsup', tone: '1F3FF'});
        expect(splitSkinTone('traffic_light')).toBeUndefined();
        expect(emojiFor('+1_medium_dark_skin_tone')).toBe('👍🏾');
        expect(emojiFor('woman-running_light_skin_tone')).toBe('🏃🏻‍♀️');
    });

    it('put the tone where emoji-datasource has it, for every toned emoji', () => {
        const fromCodes = (unified: string) => String.fromCodePoint(...unified.split('-').map((hex) => Number.parseInt(hex, 16)));
        let checked = 0;
        for (const emoji of emojiData as Array<{unified: string; skin_variations?: Record<string, {unified: string}>}>) {
            for (const [tone, variation] of Object.entries(emoji.skin_variations ?? {})) {
                if (!tone.includes('-')) {
                    expect(withSkinTone(fromCodes(emoji.unified), tone as '1F3FB')).toBe(fromCodes(variation.unified));
                    checked++;
                }
            }
        }
        expect(checked).toBeGreaterThan(1000);
    });
});

describe('recently used emoji', () => {
    it('are kept as Mattermost keeps them: a use moves one to the end with its count raised, sorted by count', () => {
        let recent = parseRecentEmojis(JSON.stringify([{name: 'smile', usageCount: 1}, {name: 'eyes', usageCount: 2}]));
        recent = addRecentEmoji(recent, 'tada');
        expect(recent).toEqual([{name: 'smile', usageCount: 1}, {name: 'tada', usageCount: 1}, {name: 'eyes', usageCount: 2}]);
        recent = addRecentEmoji(recent, 'smile');
        expect(recent).toEqual([{name: 'tada', usageCount: 1}, {name: 'eyes', usageCount: 2}, {name: 'smile', usageCount: 2}]);
    });

    it('keep the last 27', () => {
        let recent = parseRecentEmojis(undefined);
        for (const emoji of plain.all.slice(0, 40)) {
            recent = addRecentEmoji(recent, emoji.name);
        }
        expect(recent).toHaveLength(maximumRecentEmoji);
        expect(recent.at(-1)?.name).toBe(plain.all[39].name);
    });

    it('read the older list of names, and nothing from a damaged value', () => {
        expect(parseRecentEmojis('["smile","+1"]')).toEqual([{name: 'smile', usageCount: 1}, {name: '+1', usageCount: 1}]);
        expect(parseRecentEmojis('not json')).toEqual([]);
        expect(parseRecentEmojis('{"a":1}')).toEqual([]);
    });

    it('show first in the picker, the most used first, in the user\'s tone', () => {
        const recent = [{name: 'smile', usageCount: 1}, {name: '+1', usageCount: 3}, {name: 'unknown_custom', usageCount: 5}];
        const light = buildCatalog(file, '1F3FB', [], imageURL);
        const shown = recentEmojis(light, recent, '1F3FB');
        expect(shown.map((emoji) => emoji.name)).toEqual(['+1_light_skin_tone', 'smile']);
        const categories = pickerCategories(light, shown);
        expect(categories[0]).toMatchObject({id: 'recent', label: 'Recently used'});
        expect(pickerCategories(light, [])[0].id).toBe('smileys-emotion');
    });
});

describe('searching emoji by name', () => {
    it('finds every emoji whose names contain the words, exact and prefix matches first', () => {
        const found = searchEmojis(plain, [], 'thumbs').map((emoji) => emoji.name);
        expect(found.slice(0, 2)).toEqual(['+1', '-1']);
        expect(searchEmojis(plain, [], 'thu')[0].name).toBe('+1');
        expect(searchEmojis(plain, [], 'smile')[0].name).toBe('smile');
        expect(searchEmojis(plain, [], ':SMILE:')[0].name).toBe('smile');
        expect(searchEmojis(plain, [], 'zzzznothing')).toEqual([]);
        expect(searchEmojis(plain, [], '  ')).toEqual([]);
    });

    it('puts the recently used first', () => {
        const recent = recentEmojis(plain, [{name: 'smiley_cat', usageCount: 1}], 'default');
        expect(searchEmojis(plain, recent, 'smile')[0].name).toBe('smiley_cat');
    });
});
