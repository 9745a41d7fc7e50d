import type {CustomEmoji} from '../../types/mattermost';
import {tonedName, withSkinTone, type SkinTone} from '../message_text/emoji';

// The catalog build.mjs ships as emoji.json (scripts/emoji-names.mjs writes it from
// emoji-datasource): categories in Mattermost's order, and each emoji with its names (the first
// is the one Mattermost saves), its category and whether it takes a skin tone.
export interface EmojiCatalogFile {
    source: string;
    categories: Array<{id: string; name: string}>;
    emojis: Array<{n: string[]; e: string; c: number; t?: number}>;
}


// One emoji the picker can offer: a standard one (its character) or a custom one (its image).
export interface PickerEmoji {
    // What a reaction or `:name:` names it by: Mattermost's name, with the skin tone if any.
    name: string;
    // Every name it is found by (aliases; for a toned emoji, the toned aliases).
    names: string[];
    category: string;
    // The character(s) of a standard emoji.
    text?: string;
    // The image of a custom emoji.
    imageURL?: string;
}

export interface EmojiCategory {
    id: string;
    label: string;
    emojis: PickerEmoji[];
}

export interface EmojiCatalog {
    // Standard emoji with the tone applied, then the custom ones.
    all: PickerEmoji[];
    byName: ReadonlyMap<string, PickerEmoji>;
    categories: EmojiCategory[];
}

const recentCategory = 'recent';
const customCategory = 'custom';

function standardEmoji(file: EmojiCatalogFile, entry: EmojiCatalogFile['emojis'][number], tone: SkinTone): PickerEmoji {
    const toned = Boolean(entry.t) && tone !== 'default';
    return {
        name: toned ? tonedName(entry.n[0], tone) : entry.n[0],
        names: toned ? entry.n.map((name) => tonedName(name, tone)) : entry.n,
        category: file.categories[entry.c]?.id ?? 'symbols',
        text: toned ? withSkinTone(entry.e, tone) : entry.e,
    };
}

// The emoji as the user sees them in the picker: standard ones in the user's skin tone (as
// Mattermost's picker shows only the emoji of the chosen tone), and the server's custom emoji.
// A name of every tone stays findable in byName, so a recent "+1_dark_skin_tone" still shows.
export function buildCatalog(file: EmojiCatalogFile, tone: SkinTone, custom: CustomEmoji[], imageURL: (id: string) => string): EmojiCatalog {
    const all: PickerEmoji[] = file.emojis.map((entry) => standardEmoji(file, entry, tone));
    const byName = new Map<string, PickerEmoji>();
    for (const entry of file.emojis) {
        const plain = standardEmoji(file, entry, 'default');
        for (const name of plain.names) {
            byName.set(name, plain);
        }
    }
    for (const entry of file.emojis.filter((candidate) => candidate.t)) {
        for (const code of ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'] as const) {
            const variant = standardEmoji(file, entry, code);
            byName.set(variant.name, variant);
        }
    }
    const customEmojis = custom.map((emoji) => ({name: emoji.name, names: [emoji.name], category: customCategory, imageURL: imageURL(emoji.id)}));
    for (const emoji of customEmojis) {
        // A standard name wins, as in Mattermost's EmojiMap.
        if (!byName.has(emoji.name)) {
            byName.set(emoji.name, emoji);
        }
    }
    all.push(...customEmojis);
    const categories: EmojiCategory[] = file.categories.map((category) => ({
        id: category.id,
        label: category.name,
        emojis: all.filter((emoji) => emoji.category === category.id),
    }));
    if (customEmojis.length > 0) {
        categories.push({id: customCategory, label: 'Custom', emojis: customEmojis});
    }
    return {all, byName, categories};
}

// Mattermost's recently used emoji (the `recent_emojis` preference, named after the user):
// [{name, usageCount}], kept in ascending order of use, the last the most used
// (webapp/channels/src/actions/emoji_actions.js addRecentEmojis).
export interface RecentEmoji {
    name: string;
    usageCount: number;
}

export const maximumRecentEmoji = 27;

export function parseRecentEmojis(value: string | undefined): RecentEmoji[] {
    if (!value) {
        return [];
    }
    try {
        const parsed: unknown = JSON.parse(value);
        if (!Array.isArray(parsed)) {
            return [];
        }
        return parsed.flatMap((item: unknown) => {
            if (typeof item === 'string') {
                // The form before usage counts.
                return [{name: item, usageCount: 1}];
            }
            const {name, usageCount} = (item ?? {}) as Partial<RecentEmoji>;
            return typeof name === 'string' && name ? [{name, usageCount: typeof usageCount === 'number' ? usageCount : 1}] : [];
        });
    } catch {
        return [];
    }
}

// The list after using an emoji, as Mattermost writes it: a used emoji moves to the end with
// its count raised, a new one joins at the end with 1, the list keeps its last 27, and is then
// sorted by count (a stable sort: among equals, the latest used stays last).
export function addRecentEmoji(recent: RecentEmoji[], name: string): RecentEmoji[] {
    const existing = recent.find((emoji) => emoji.name === name);
    const others = recent.filter((emoji) => emoji.name !== name);
    const updated = [...others, {name, usageCount: (existing?.usageCount ?? 0) + 1}].slice(-maximumRecentEmoji);
    return updated.sort((a, b) => a.usageCount - b.usageCount);
}

// The recently used emoji as the picker shows them: the most used first; a standard emoji used
// without a tone shows in the user's tone, as Mattermost's picker shows it.
export function recentEmojis(catalog: EmojiCatalog, recent: RecentEmoji[], tone: SkinTone): PickerEmoji[] {
    const seen = new Set<string>();
    const shown: PickerEmoji[] = [];
    for (const {name} of [...recent].reverse()) {
        let emoji = catalog.byName.get(name);
        if (emoji?.text !== undefined && tone !== 'default' && emoji.name === name) {
            emoji = catalog.byName.get(tonedName(name, tone)) ?? emoji;
        }
        if (emoji && !seen.has(emoji.name)) {
            seen.add(emoji.name);
            shown.push(emoji);
        }
    }
    return shown;
}

// The picker's categories: recently used first when there are any.
export function pickerCategories(catalog: EmojiCatalog, recent: PickerEmoji[]): EmojiCategory[] {
    return recent.length > 0 ? [{id: recentCategory, label: 'Recently used', emojis: recent}, ...catalog.categories] : catalog.categories;
}

// How well an emoji's names match: 0 a name is the term, 1 a name starts with it, 2 one
// contains it; and the name that matched best, by which equals sort (as Mattermost's
// utils/emoji_utils compareEmojis sorts by the matching name).
function match(emoji: PickerEmoji, term: string): {rank: number; name: string} {
    const names = emoji.names.map((name) => name.toLowerCase());
    const exact = names.find((name) => name === term);
    if (exact !== undefined) {
        return {rank: 0, name: exact};
    }
    const prefix = names.filter((name) => name.startsWith(term)).sort()[0];
    if (prefix !== undefined) {
        return {rank: 1, name: prefix};
    }
    return {rank: 2, name: names.filter((name) => name.includes(term)).sort()[0] ?? names[0]};
}

// Thumbs up before thumbs down, and custom emoji after the standard ones, as Mattermost's
// compareEmojis orders them.
const thumbsUp = new Set(['+1', 'thumbsup']);
const thumbsDown = new Set(['-1', 'thumbsdown']);

function thumbsFirst(a: string, b: string): number {
    if (thumbsUp.has(a) && thumbsDown.has(b)) {
        return -1;
    }
    return thumbsDown.has(a) && thumbsUp.has(b) ? 1 : 0;
}

function customLast(a: PickerEmoji, b: PickerEmoji): number {
    return Number(a.imageURL !== undefined) - Number(b.imageURL !== undefined);
}

// The emoji whose names contain the words typed (lower-cased, as Mattermost's picker matches):
// the recently used among them first, then exact names, names that start with it, the rest;
// alphabetical by the matching name within each.
export function searchEmojis(catalog: EmojiCatalog, recent: PickerEmoji[], query: string, limit = Infinity): PickerEmoji[] {
    const term = query.trim().toLowerCase().replace(/^:|:$/g, '');
    if (!term) {
        return [];
    }
    const recentNames = new Set(recent.map((emoji) => emoji.name));
    const matches = catalog.all.
        filter((emoji) => emoji.names.some((name) => name.toLowerCase().includes(term))).
        map((emoji) => ({emoji, recent: recentNames.has(emoji.name) ? 0 : 1, ...match(emoji, term)}));
    return matches.
        sort((a, b) => a.recent - b.recent || a.rank - b.rank || thumbsFirst(a.name, b.name) || customLast(a.emoji, b.emoji) || a.name.localeCompare(b.name)).
        slice(0, limit).
        map((found) => found.emoji);
}
