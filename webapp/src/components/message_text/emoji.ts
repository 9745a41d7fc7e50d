import {emojiNames} from './emoji_names.generated';

// Not `name in emojiNames`, which would find "constructor" and "__proto__" on every object.
const hasOwn = (name: string) => Object.prototype.hasOwnProperty.call(emojiNames, name);

// The emoji a shortcode names ("smile", "+1", "white_check_mark"); undefined for a name that is
// not a standard emoji (custom emoji, a typo), whose text then stays as typed.
export function emojiFor(name: string): string | undefined {
    if (hasOwn(name)) {
        return emojiNames[name];
    }
    const lower = name.toLowerCase();
    return lower !== name && hasOwn(lower) ? emojiNames[lower] : undefined;
}
