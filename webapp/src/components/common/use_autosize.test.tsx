import {render} from '@testing-library/react';
import React, {useRef} from 'react';
import {afterEach, beforeEach, expect, it} from 'vitest';

import {useAutosize} from './use_autosize';

function Field({value, maxLines = 8}: {value: string; maxLines?: number}) {
    const ref = useRef<HTMLTextAreaElement>(null);
    useAutosize(ref, value, maxLines);
    return (
        <textarea
            ref={ref}
            aria-label='Field'
            value={value}
            readOnly={true}
            style={{padding: 0}}
        />
    );
}

// jsdom lays nothing out: the field's scrollHeight is its lines at 20px (the fallback line height),
// without padding.
let original: PropertyDescriptor | undefined;
beforeEach(() => {
    original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollHeight');
    Object.defineProperty(HTMLTextAreaElement.prototype, 'scrollHeight', {
        configurable: true,
        get(this: HTMLTextAreaElement) {
            return this.value.split('\n').length * 20;
        },
    });
});
afterEach(() => {
    Reflect.deleteProperty(HTMLTextAreaElement.prototype, 'scrollHeight');
    if (original) {
        Object.defineProperty(HTMLElement.prototype, 'scrollHeight', original);
    }
});

it('grows with the text, shrinks again, and scrolls past the most lines', () => {
    const {getByRole, rerender} = render(<Field value='one line'/>);
    const field = getByRole('textbox');
    expect(field.style.height).toBe('20px');
    expect(field.style.overflowY).toBe('hidden');

    rerender(<Field value={'1\n2\n3'}/>);
    expect(field.style.height).toBe('60px');

    rerender(<Field value={Array.from({length: 12}, (_, line) => String(line)).join('\n')}/>);
    expect(field.style.height).toBe('160px');
    expect(field.style.overflowY).toBe('auto');

    rerender(<Field value='short again'/>);
    expect(field.style.height).toBe('20px');
    expect(field.style.overflowY).toBe('hidden');
});

it('counts padding and border with border-box sizing', () => {
    const {getByRole, rerender} = render(<Field value={'1\n2'}/>);
    const field = getByRole('textbox');
    Object.assign(field.style, {boxSizing: 'border-box', lineHeight: '20px', paddingTop: '7px', paddingBottom: '7px', borderTopWidth: '1px', borderBottomWidth: '1px', borderStyle: 'solid'});

    // A scrollHeight of 60 holds the padding: 46 of text, plus 14 of padding and 2 of border.
    rerender(<Field value={'1\n2\n3'}/>);
    expect(field.style.height).toBe('62px');

    rerender(<Field
        value={'1\n2\n3\n4'}
        maxLines={2}
    />);
    expect(field.style.height).toBe('56px');
    expect(field.style.overflowY).toBe('auto');
});
