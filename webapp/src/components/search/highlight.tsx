import React, {type ReactNode} from 'react';

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The text with each highlighted word (case-insensitive, also inside longer words, as a search
// for "print" finds "printer") marked.
export function highlighted(text: string, words: string[]): ReactNode[] {
    const wanted = words.map((word) => word.trim()).filter(Boolean).sort((a, b) => b.length - a.length);
    if (wanted.length === 0) {
        return [text];
    }
    const pattern = new RegExp(`(${wanted.map(escapeRegExp).join('|')})`, 'gi');
    return text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part));
}
