import {render, screen} from '@testing-library/react';
import React from 'react';
import {describe, expect, it} from 'vitest';

import {fieldRows, isUrlSafe, MessageAttachment, truncateFooter} from './MessageAttachment';

describe('a message attachment by the web app\'s rules (message_attachment.tsx)', () => {
    it('shows a title with a title_link as plain text in the link', () => {
        render(<MessageAttachment attachment={{title: 'A: b. **not bold**', title_link: 'https://example.com/a'}}/>);
        const title = screen.getByRole('heading');
        expect(title).toHaveTextContent('A: b. **not bold**');
        expect(screen.getByRole('link')).toHaveAttribute('href', 'https://example.com/a');
    });

    it('shows a title without a link as markdown that keeps only links', () => {
        render(<MessageAttachment attachment={{title: '**Bold** and [a link](https://example.com)'}}/>);
        const title = screen.getByRole('heading');
        expect(title).toHaveTextContent('Bold and a link');
        expect(title.querySelector('strong')).toBeNull();
        expect(screen.getByRole('link', {name: 'a link'})).toHaveAttribute('href', 'https://example.com');
    });

    it('does not link an unsafe title_link, and shows the title as markdown then', () => {
        render(<MessageAttachment attachment={{title: 'Click', title_link: 'javascript:alert(1)'}}/>);
        expect(screen.queryByRole('link')).toBeNull();
        expect(isUrlSafe('java%73cript:alert(1)')).toBe(false);
    });

    it('renders text and field values as markdown, field titles and the footer as plain text', () => {
        render(
            <MessageAttachment
                attachment={{
                    text: 'Some **bold** text',
                    fields: [{title: '**Priority**', value: '*high*', short: true}],
                    footer: '**ServiceNow**',
                }}
            />,
        );
        expect(screen.getByText('bold').tagName).toBe('STRONG');
        expect(screen.getByRole('columnheader')).toHaveTextContent('**Priority**');
        expect(screen.getByText('high').tagName).toBe('EM');
        expect(screen.getByText('**ServiceNow**')).toBeInTheDocument();
    });

    it('shows the pretext above, a hex color as the left border, and buttons for actions with an id and a name', () => {
        const {container} = render(
            <MessageAttachment
                attachment={{
                    pretext: 'Before',
                    color: '#ff0000',
                    text: 'Body',
                    actions: [{id: 'go', name: 'Go', type: 'button'}, {name: 'No id'}],
                }}
            />,
        );
        expect(screen.getByText('Before')).toBeInTheDocument();
        expect(container.querySelector('.attachment__container')).toHaveStyle({borderLeftColor: '#ff0000'});
        expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Go']);
    });

    it('puts up to two short fields in a row, and a long field in a row of its own', () => {
        const rows = fieldRows([
            {title: 'a', short: true},
            {title: 'b', short: true},
            {title: 'c', short: true},
            {title: 'd'},
            {title: 'e', short: true},
        ]);
        expect(rows.map((row) => row.map((field) => field.title))).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);

        // As the web app does, a long first field is preceded by an empty table.
        expect(fieldRows([{title: 'd'}]).map((row) => row.length)).toEqual([0, 1]);
    });

    it('cuts the footer at 300 characters', () => {
        expect(truncateFooter('x'.repeat(301))).toHaveLength(300);
        expect(truncateFooter('short')).toBe('short');
    });
});
