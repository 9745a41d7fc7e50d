import {screen, within} from '@testing-library/react';
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';

import {post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import type {PostUtils} from '../../types/window';

import {AttachmentCard} from './AttachmentCard';
import {cardsOf} from './attachments';

const wordJoiner = /\u2060/g;

function renderCard(attachment: Record<string, unknown>) {
    const [card] = cardsOf(post({props: {attachments: [attachment]}}));
    renderWithConnect(<AttachmentCard card={card}/>);
    return screen.getByTestId('attachment-card');
}

function shown(element: Element): string {
    return (element.textContent ?? '').replace(wordJoiner, '');
}

// A found record's card as server/records/cards.go sends it.
const recordCard = {
    color: '#f5a623',
    title: 'INC0010001: Email server down.',
    title_link: 'https://acme.service-now.com/incident.do?sys_id=1',
    fields: [
        {title: 'State', value: 'In Progress', short: true},
        {title: 'Priority', value: '2 \\- High', short: true},
        {title: 'Assigned to', value: '\\*bold\\* from ServiceNow @\u2060all \\[x\\]\\(https:\u2060//evil\\.example\\)', short: true},
        {title: 'Updated', value: '2026\\-11\\-20 09:\u206014:\u206003', short: true},
    ],
    footer: 'ServiceNow · Incident',
    fallback: 'INC0010001: Email server down. (In Progress, 2 - High)',
};

afterEach(() => {
    vi.unstubAllGlobals();
});

describe('AttachmentCard', () => {
    it('shows a record card as it reads in the web app: the linked title as written, field values as markdown', () => {
        const card = renderCard(recordCard);

        const title = within(card).getByRole('link', {name: 'INC0010001: Email server down.'});
        expect(title).toHaveAttribute('href', recordCard.title_link);
        expect(title.textContent).toBe('INC0010001: Email server down.');
        expect(card.textContent).not.toContain('\\');
        const values = [...card.querySelectorAll('dd')].map(shown);
        expect(values).toEqual(['In Progress', '2 - High', '*bold* from ServiceNow @all [x](https://evil.example)', '2026-11-20 09:14:03']);
        expect(card.querySelector('dd em, dd strong, dd .cc-mention')).toBeNull();
        expect(within(card).getAllByRole('link')).toEqual([title]);
        expect(within(card).getByText('ServiceNow · Incident')).toHaveClass('cc-card-footer');
    });

    it('leaves markdown in plain fields alone: a linked title, field titles, the author and the footer', () => {
        const card = renderCard({
            author_name: '**Monitoring**',
            title: '*Disk* full: [see](https://evil.example) `df`',
            title_link: 'https://monitoring.example.com/alert/1',
            fields: [{title: '_Host_', value: 'db-01', short: true}],
            footer: '**Nightly** \\- check',
        });

        expect(within(card).getByRole('link').textContent).toBe('*Disk* full: [see](https://evil.example) `df`');
        expect(card.querySelector('dt')?.textContent).toBe('_Host_');
        expect(within(card).getByText('**Monitoring**')).toBeInTheDocument();
        expect(within(card).getByText('**Nightly** \\- check')).toBeInTheDocument();
        expect(card.querySelector('em, strong, code')).toBeNull();
    });

    it('reads text and pretext as markdown', () => {
        const card = renderCard({pretext: 'Heads up, **team**', text: 'Mail is _back_, see https://status.example.com'});

        expect(card.querySelector('.cc-card-pretext strong')).toHaveTextContent('team');
        expect(card.querySelector('.cc-card-text em')).toHaveTextContent('back');
        expect(within(card).getByRole('link', {name: 'https://status.example.com'})).toHaveAttribute('href', 'https://status.example.com');
    });

    it('reads a title without a link as markdown of which only links are kept', () => {
        const card = renderCard({title: '**Build** failed: [log](https://ci.example.com/1) `main` [bad](javascript:alert(1))'});

        const title = card.querySelector('.cc-card-title');
        expect(title?.textContent).toBe('Build failed: log main bad');
        expect(within(card).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://ci.example.com/1']);
        expect(title?.querySelector('strong, code')).toBeNull();
    });

    it('links the author only to a web address and cuts the footer as the web app does', () => {
        const card = renderCard({author_name: 'Nagios', author_link: 'https://nagios.example.com', title: 'x', footer: 'f'.repeat(400)});

        expect(within(card).getByRole('link', {name: 'Nagios'})).toHaveAttribute('href', 'https://nagios.example.com/');
        const footer = within(card).getByText(/^f+…$/);
        expect(footer.textContent).toHaveLength(300);
    });

    it('inside the web app, formats only the markdown fields with its formatter', () => {
        const formatText = vi.fn<PostUtils['formatText']>((text) => `<p>${text}</p>`);
        vi.stubGlobal('PostUtils', {
            formatText,
            messageHtmlToComponent: vi.fn<PostUtils['messageHtmlToComponent']>(() => <span>{'formatted'}</span>),
        });

        renderCard({...recordCard, text: 'Loading details from ServiceNow…'});

        expect(formatText.mock.calls.map(([text]) => text)).toEqual(['Loading details from ServiceNow…', ...recordCard.fields.map((field) => field.value)]);
    });
});
