import {searchEmojis, type EmojiCatalog, type PickerEmoji} from './catalog';

// As Mattermost's web app (components/suggestion/emoticon_provider.tsx): a colon at the start of
// the text or after a space, then at least two characters that are neither colons nor spaces.
export const minimumEmojiQuery = 2;
const trigger = /(^|\s)(:([^:\s]*))$/;

export interface EmojiQuery {
    // Where the `:name` typed so far starts and ends in the text.
    start: number;
    end: number;
    // What was typed after the colon, lower-cased.
    term: string;
}

// The `:name` being typed just before the caret, if it asks for suggestions.
export function emojiQueryAt(text: string, caret: number): EmojiQuery | undefined {
    const before = text.slice(0, caret);
    const match = trigger.exec(before);
    if (!match || match[3].length < minimumEmojiQuery) {
        return undefined;
    }
    return {start: caret - match[2].length, end: caret, term: match[3].toLowerCase()};
}

// The suggestions for a term, the recently used first (as the web app orders them).
export function emojiSuggestions(catalog: EmojiCatalog, recent: PickerEmoji[], term: string, limit = 20): PickerEmoji[] {
    return searchEmojis(catalog, recent, term, limit);
}

// What picking an emoji puts in the text: the emoji itself for a standard one (as the web app
// does), `:name:` for a custom one; then a space.
export function emojiInsertion(emoji: PickerEmoji): string {
    return `${emoji.text ?? `:${emoji.name}:`} `;
}

// The text with the typed `:name` (or the selection) replaced, and where the caret goes.
export function replaceRange(text: string, start: number, end: number, insertion: string): {text: string; caret: number} {
    return {text: text.slice(0, start) + insertion + text.slice(end), caret: start + insertion.length};
}
