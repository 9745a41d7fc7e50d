import {fireEvent, render, screen} from '@testing-library/react';
import React, {createRef} from 'react';
import {describe, expect, it, vi} from 'vitest';

import {connectWrapper} from '../../../tests/unit/connect_fixtures';
import {englishIntl} from '../../i18n/intl';

import {Composer} from './Composer';
import {lengthNotice, messageLength} from './message_length';
import type {WaitingFile} from './use_composer_files';

function renderComposer(props: Partial<React.ComponentProps<typeof Composer>> = {}) {
    const handlers = {onDraftChange: vi.fn(), onSend: vi.fn(), onAttach: vi.fn(), onRemoveFile: vi.fn(), onEditLast: vi.fn()};
    const rendered = render(
        <Composer
            inputRef={createRef<HTMLTextAreaElement>()}
            conversationName='Bob Baker'
            draft=''
            {...handlers}
            {...props}
        />,
        {wrapper: connectWrapper()},
    );
    return {...rendered, ...handlers, field: screen.getByRole('textbox', {name: 'Write to Bob Baker'}), sendButton: screen.getByRole('button', {name: 'Send'})};
}

function waiting(name: string, type = 'text/plain', previewURL?: string): WaitingFile {
    return {key: `key-${name}`, file: new File(['x'.repeat(2048)], name, {type}), previewURL};
}

describe('the composer', () => {
    it('grows with its text up to eight lines, then scrolls', () => {
        // jsdom lays nothing out: a line is 20px (the hook's fallback line height), without padding.
        const scrollHeight = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
            return (this as HTMLTextAreaElement).value.split('\n').length * 20;
        });
        const inputRef = createRef<HTMLTextAreaElement>();
        const props = {inputRef, conversationName: 'Bob Baker', onDraftChange: vi.fn(), onSend: vi.fn(), onAttach: vi.fn()};
        const {rerender} = render(<Composer
            {...props}
            draft=''
        />, {wrapper: connectWrapper()});
        const field = screen.getByRole('textbox');
        field.style.padding = '0px';

        rerender(<Composer
            {...props}
            draft='Hi'
        />);
        expect(field.style.height).toBe('20px');
        expect(field.style.overflowY).toBe('hidden');

        rerender(<Composer
            {...props}
            draft={'1\n2\n3\n4'}
        />);
        expect(field.style.height).toBe('80px');

        rerender(<Composer
            {...props}
            draft={Array.from({length: 20}, (_, line) => `line ${line}`).join('\n')}
        />);
        expect(field.style.height).toBe('160px');
        expect(field.style.overflowY).toBe('auto');
        scrollHeight.mockRestore();
    });

    it('sends with Enter or the Send button, and not when empty', () => {
        const {field, sendButton, onSend, rerender} = renderComposer();
        expect(sendButton).toBeDisabled();
        fireEvent.keyDown(field, {key: 'Enter'});
        expect(onSend).not.toHaveBeenCalled();

        rerender(<Composer
            inputRef={createRef<HTMLTextAreaElement>()}
            conversationName='Bob Baker'
            draft='Hello'
            onDraftChange={vi.fn()}
            onSend={onSend}
            onAttach={vi.fn()}
        />);
        fireEvent.keyDown(screen.getByRole('textbox'), {key: 'Enter'});
        fireEvent.click(screen.getByRole('button', {name: 'Send'}));
        expect(onSend).toHaveBeenCalledTimes(2);
    });

    it('waits while a message is on its way', () => {
        const {field, sendButton, onSend} = renderComposer({draft: 'Hello', busy: true});

        fireEvent.keyDown(field, {key: 'Enter'});

        expect(sendButton).toBeDisabled();
        expect(onSend).not.toHaveBeenCalled();
    });

    it('says how many characters are left near the limit', () => {
        renderComposer({draft: 'a'.repeat(16_383 - 120)});

        expect(screen.getByText('120 characters left')).toBeInTheDocument();
        expect(screen.getByRole('textbox')).toHaveAccessibleDescription('120 characters left');
        expect(screen.getByRole('button', {name: 'Send'})).toBeEnabled();
    });

    it('says nothing about the length far from the limit', () => {
        renderComposer({draft: 'a'.repeat(15_000)});

        expect(screen.queryByText(/characters? left/)).toBeNull();
        expect(screen.queryByRole('alert')).toBeNull();
    });

    it('holds back a message over the limit, keeping its text', () => {
        const draft = 'a'.repeat(16_383 + 37);
        const {field, sendButton, onSend, onDraftChange} = renderComposer({draft});

        expect(screen.getByRole('alert')).toHaveTextContent('This message is 37 characters too long (the limit is 16,383).');
        expect(sendButton).toBeDisabled();
        expect(field).toHaveAttribute('aria-invalid', 'true');
        fireEvent.keyDown(field, {key: 'Enter'});
        expect(onSend).not.toHaveBeenCalled();
        expect(onDraftChange).not.toHaveBeenCalled();
        expect(field).toHaveValue(draft);
    });

    it('counts characters as the server does: an emoji is one, not two', () => {
        expect(messageLength('👍')).toBe(1);
        expect(lengthNotice(englishIntl(), '👍'.repeat(16_383))).toEqual({kind: 'near', text: '0 characters left'});
        expect(lengthNotice(englishIntl(), '👍'.repeat(16_384))).toEqual({kind: 'over', text: 'This message is 1 character too long (the limit is 16,383).'});
    });

    it('shows waiting files as chips that can be removed; an image with its thumbnail', () => {
        const report = waiting('report.pdf', 'application/pdf');
        const screenshot = waiting('screen.png', 'image/png', 'blob:screen');
        const {onRemoveFile, field} = renderComposer({files: [report, screenshot]});

        const chips = screen.getAllByTestId('waiting-file');
        expect(chips.map((chip) => chip.textContent)).toEqual(['report.pdf2 KB', 'screen.png2 KB']);
        expect(chips[0].querySelector('img')).toBeNull();
        expect(chips[1].querySelector('img')).toHaveAttribute('src', 'blob:screen');

        fireEvent.click(screen.getByRole('button', {name: 'Remove report.pdf'}));

        expect(onRemoveFile).toHaveBeenCalledWith(report);
        expect(field).toHaveFocus();
    });

    it('sends files without text', () => {
        const {field, sendButton, onSend} = renderComposer({files: [waiting('report.pdf')]});

        expect(sendButton).toBeEnabled();
        fireEvent.keyDown(field, {key: 'Enter'});
        expect(onSend).toHaveBeenCalledTimes(1);
    });

    it('hands picked files on', () => {
        const {onAttach} = renderComposer();
        const file = new File(['%PDF'], 'report.pdf', {type: 'application/pdf'});

        fireEvent.change(screen.getByTestId('attach-input'), {target: {files: [file]}});

        expect(onAttach).toHaveBeenCalledWith([file]);
    });

    it('asks to edit the last message on ArrowUp when empty, and only then', () => {
        const {field, onEditLast, rerender} = renderComposer();

        fireEvent.keyDown(field, {key: 'ArrowUp', shiftKey: true});
        expect(onEditLast).not.toHaveBeenCalled();
        fireEvent.keyDown(field, {key: 'ArrowUp'});
        expect(onEditLast).toHaveBeenCalledTimes(1);

        const props = {inputRef: createRef<HTMLTextAreaElement>(), conversationName: 'Bob Baker', onDraftChange: vi.fn(), onSend: vi.fn(), onAttach: vi.fn(), onEditLast};
        rerender(<Composer
            {...props}
            draft='Some text'
        />);
        fireEvent.keyDown(screen.getByRole('textbox'), {key: 'ArrowUp'});
        rerender(<Composer
            {...props}
            draft=''
            files={[waiting('report.pdf')]}
        />);
        fireEvent.keyDown(screen.getByRole('textbox'), {key: 'ArrowUp'});
        expect(onEditLast).toHaveBeenCalledTimes(1);
    });
});
