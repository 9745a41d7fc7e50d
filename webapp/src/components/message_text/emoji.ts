import {emojiNames} from './emoji_names.generated';

// Not `name in emojiNames`, which would find "constructor" and "__proto__" on every object.
const hasOwn = (name: string) => Object.prototype.hasOwnProperty.call(emojiNames, name);

// Mattermost's skin tones: the value its `emoji`/`emoji_skintone` preference holds and the
// suffix of a toned emoji's name (webapp/channels/build/emoji/make_emojis.mjs skinCodes:
// `+1_light_skin_tone`, `thumbsup_medium_dark_skin_tone`). "default" is no tone.
export const skinTones = [
    {code: '1F3FB', suffix: 'light_skin_tone'},
    {code: '1F3FC', suffix: 'medium_light_skin_tone'},
    {code: '1F3FD', suffix: 'medium_skin_tone'},
    {code: '1F3FE', suffix: 'medium_dark_skin_tone'},
    {code: '1F3FF', suffix: 'dark_skin_tone'},
] as const;

export type SkinToneCode = typeof skinTones[number]['code'];
export type SkinTone = SkinToneCode | 'default';

export function isSkinTone(value: string): value is SkinTone {
    return value === 'default' || skinTones.some((tone) => tone.code === value);
}

// The emoji with a skin tone: the modifier goes after the first character, in place of the
// variation selector that may follow it (true of every toned emoji of emoji-datasource:
// 👍 → 👍🏽, 🖐️ → 🖐🏽, 🏃‍♀️ → 🏃🏽‍♀️; emoji.test.ts checks the rule against the data).
export function withSkinTone(emoji: string, tone: SkinTone): string {
    if (tone === 'default') {
        return emoji;
    }
    const [first, ...rest] = Array.from(emoji);
    const tail = rest[0] === '\uFE0F' ? rest.slice(1) : rest;
    return [first, String.fromCodePoint(Number.parseInt(tone, 16)), ...tail].join('');
}

// The name Mattermost gives an emoji with a skin tone: "+1" → "+1_light_skin_tone".
export function tonedName(name: string, tone: SkinTone): string {
    const skin = skinTones.find((candidate) => candidate.code === tone);
    return skin ? `${name}_${skin.suffix}` : name;
}

// A toned name's base name and tone ("+1_light_skin_tone" → "+1", 1F3FB); undefined otherwise.
// The longer suffixes are tried first: "medium_light_skin_tone" also ends in "light_skin_tone".
export function splitSkinTone(name: string): {base: string; tone: SkinToneCode} | undefined {
    const bySuffixLength = [...skinTones].sort((a, b) => b.suffix.length - a.suffix.length);
    for (const skin of bySuffixLength) {
        const suffix = `_${skin.suffix}`;
        if (name.endsWith(suffix) && name.length > suffix.length) {
            return {base: name.slice(0, -suffix.length), tone: skin.code};
        }
    }
    return undefined;
}

function standardEmoji(name: string): string | undefined {
    if (hasOwn(name)) {
        return emojiNames[name];
    }
    const lower = name.toLowerCase();
    return lower !== name && hasOwn(lower) ? emojiNames[lower] : undefined;
}

// The emoji a shortcode names ("smile", "+1", "white_check_mark", "+1_medium_skin_tone");
// undefined for a name that is not a standard emoji (custom emoji, a typo), whose text then
// stays as typed.
export function emojiFor(name: string): string | undefined {
    const emoji = standardEmoji(name);
    if (emoji !== undefined) {
        return emoji;
    }
    const toned = splitSkinTone(name);
    const base = toned && standardEmoji(toned.base);
    return toned && base !== undefined ? withSkinTone(base, toned.tone) : undefined;
}
