// Stands in for the xregexp package, which @mattermost/commonmark uses only for XRegExp.cache with
// Unicode property escapes (\pL, \p{L}). Native regular expressions with the `u` flag do that;
// the real package brings ~300 KB of Unicode tables. Under `u`, escapes that mean nothing special
// are errors, so the few the patterns use are written plainly.

const syntaxCharacters = new Set('^$\\.*+?()[]{}|/');
const classEscapes = new Set('dDsSwW');

// Rewrites an XRegExp pattern into one the native `u` flag accepts with the same meaning.
export function toUnicodePattern(pattern: string): string {
    let out = '';
    let inClass = false;
    for (let index = 0; index < pattern.length; index += 1) {
        const char = pattern[index];
        if (char !== '\\') {
            if (char === '[' && !inClass) {
                inClass = true;
            } else if (char === ']' && inClass) {
                inClass = false;
            }
            out += char;
            continue;
        }
        const next = pattern[index + 1] ?? '';
        index += 1;
        if (next === 'p' || next === 'P') {
            // \pL is XRegExp's short form of \p{L}.
            if (pattern[index + 1] === '{') {
                out += `\\${next}`;
            } else {
                out += `\\${next}{${pattern[index + 1]}}`;
                index += 1;
            }
        } else if (classEscapes.has(next) && inClass && pattern[index + 1] === '-' && pattern[index + 2] !== ']') {
            // [\d-.] is a range from a class under `u`, an error: the hyphen is meant literally.
            out += `\\${next}\\-`;
            index += 1;
        } else if (/[A-Za-z0-9]/.test(next) || syntaxCharacters.has(next) || (next === '-' && inClass)) {
            out += `\\${next}`;
        } else {
            out += next;
        }
    }
    return out;
}

const cached = new Map<string, RegExp>();

function cache(pattern: string, flags = ''): RegExp {
    const key = `${flags}/${pattern}`;
    let regExp = cached.get(key);
    if (!regExp) {
        regExp = new RegExp(toUnicodePattern(pattern), flags.includes('u') ? flags : `${flags}u`);
        cached.set(key, regExp);
    }
    return regExp;
}

const XRegExp = {cache};
export default XRegExp;
