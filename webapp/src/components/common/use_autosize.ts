import {useLayoutEffect, type RefObject} from 'react';

function pixels(value: string): number {
    const number = parseFloat(value);
    return Number.isFinite(number) ? number : 0;
}

// Used when the line height is "normal" (or not computed, as in tests).
const fallbackLineHeight = 20;

// Makes a text field as tall as its text, up to maxLines lines; beyond that it scrolls. The height
// follows the field's scrollHeight each time the value changes, for either box-sizing.
export function useAutosize(ref: RefObject<HTMLTextAreaElement | null>, value: string, maxLines: number): void {
    useLayoutEffect(() => {
        const field = ref.current;
        if (!field) {
            return;
        }
        const style = window.getComputedStyle(field);
        const lineHeight = pixels(style.lineHeight) || fallbackLineHeight;
        const padding = pixels(style.paddingTop) + pixels(style.paddingBottom);
        const border = pixels(style.borderTopWidth) + pixels(style.borderBottomWidth);

        // Without a height of its own the field's scrollHeight is its text's (padding included),
        // so it can shrink again when text is deleted.
        field.style.height = 'auto';
        const textHeight = Math.max(field.scrollHeight - padding, 0);
        const maxTextHeight = lineHeight * maxLines;
        const shownHeight = Math.min(textHeight, maxTextHeight);
        const height = style.boxSizing === 'border-box' ? shownHeight + padding + border : shownHeight;
        field.style.height = `${height}px`;
        field.style.overflowY = textHeight > maxTextHeight ? 'auto' : 'hidden';
    }, [ref, value, maxLines]);
}
