// Connect in the user's language: the same components under the web app's IntlProvider with the
// French messages Connect registers, and times in the user's Mattermost time zone.
import {screen, within} from '@testing-library/react';
import React from 'react';
import {createIntl, IntlProvider} from 'react-intl';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

import {conversationsLoaded} from '../state/actions';
import {connectStore, directConversation, post, renderWithConnect} from '../../tests/unit/connect_fixtures';
import {AttachmentCard} from '../components/conversation/AttachmentCard';
import {cardsOf} from '../components/conversation/attachments';
import {timeFormat} from '../components/common/time';
import {ConversationNavigator} from '../components/sidebar/ConversationNavigator';

import {getTranslationsForLocale} from './catalogs';
import {englishIntl} from './intl';

function inLanguage(locale: string, ui: React.ReactElement): React.ReactElement {
    return (
        <IntlProvider
            locale={locale}
            defaultLocale='en'
            messages={getTranslationsForLocale(locale)}
        >
            {ui}
        </IntlProvider>
    );
}

const now = Date.UTC(2026, 11, 6, 14, 0, 0);

// A found record's card as server/records/cards.go sends it, its record last changed at updatedAt.
function foundCard(updatedAt: number) {
    const attachment = {
        title: 'INC0010001: Email server down.',
        title_link: 'https://acme.service-now.com/incident.do?sys_id=1',
        fields: [
            {title: 'State', value: 'In Progress', short: true},
            {title: 'Updated', value: '2026\\-12\\-06 13:55:00', short: true},
        ],
    };
    const record = {table: 'incident', number: 'INC0010001', status: 'found', found_table: 'incident', found_sys_id: 'a1', updated_at: new Date(updatedAt).toISOString()};
    return cardsOf(post({props: {attachments: [attachment], connect_records: [record]}}))[0];
}

beforeEach(() => {
    vi.useFakeTimers({toFake: ['Date']});
    vi.setSystemTime(now);
});

afterEach(() => {
    vi.useRealTimers();
});

describe('in French', () => {
    it('shows the sidebar in French', () => {
        const store = connectStore();
        store.dispatch(conversationsLoaded({conversations: [directConversation()], total_unread: 0, total_mentions: 0}));
        renderWithConnect(inLanguage('fr', (
            <ConversationNavigator
                label='Connect'
                onOpen={() => Promise.resolve()}
            />
        )), {store});

        expect(screen.getByRole('button', {name: 'Nouvelle conversation'})).toBeInTheDocument();
        expect(screen.getByRole('searchbox')).toHaveAttribute('placeholder', 'Filtrer les conversations');
        expect(screen.getByRole('list', {name: 'Conversations ouvertes'})).toBeInTheDocument();
        expect(screen.getByText('Vous êtes à jour')).toBeInTheDocument();
    });

    it('says when a card\'s record changed as the web app says it, in the user\'s time zone', () => {
        renderWithConnect(inLanguage('fr', <AttachmentCard card={foundCard(now - (5 * 60_000))}/>), {environment: {timeZone: () => 'Asia/Tokyo'}});

        const card = screen.getByTestId('attachment-card');
        const updated = within(card).getByText('il y a 5 minutes');
        expect(updated.closest('.cc-card-field')?.querySelector('dt')?.textContent).toBe('Mis à jour');
        // 13:55 UTC is 22:55 in Tokyo.
        expect(updated).toHaveAttribute('title', expect.stringContaining('22:55'));
        expect(updated).toHaveAttribute('dateTime', '2026-12-06T13:55:00.000Z');
    });

    it('keeps ServiceNow\'s text for a card that does not say when its record changed', () => {
        const [card] = cardsOf(post({props: {attachments: [{title: 'INC0010001', fields: [{title: 'Updated', value: '2026-11-20 09:14:03', short: true}]}]}}));
        renderWithConnect(inLanguage('fr', <AttachmentCard card={card}/>));

        expect(screen.getByText('Updated')).toBeInTheDocument();
        expect(screen.getByText('2026-11-20 09:14:03')).toBeInTheDocument();
    });
});

describe('times', () => {
    const english = timeFormat(englishIntl(), 'America/New_York');

    it('reads recent times as the web app does: now, minutes, hours, yesterday, then the date', () => {
        expect(english.relative(now - 20_000, now)).toBe('now');
        expect(english.relative(now - (5 * 60_000), now)).toBe('5 minutes ago');
        expect(english.relative(now - (3 * 3600_000), now)).toBe('3 hours ago');
        // 14:00 UTC on Dec 6 is 09:00 in New York; a day and a half before is yesterday there.
        expect(english.relative(now - (26 * 3600_000), now)).toBe('yesterday');
        expect(english.relative(Date.UTC(2026, 10, 20, 9, 14, 3), now)).toBe('Nov 20');
        expect(english.relative(Date.UTC(2025, 10, 20, 9, 14, 3), now)).toBe('Nov 20, 2025');
    });

    it('tells days apart in the user\'s zone, not the browser\'s', () => {
        const tokyo = timeFormat(englishIntl(), 'Asia/Tokyo');
        const lateInLondon = Date.UTC(2026, 11, 5, 23, 30);

        // 23:30 UTC on Dec 5 is already Dec 6 in Tokyo: "Today" there, still yesterday in New York.
        expect(tokyo.day(lateInLondon, now)).toBe('Today');
        expect(english.day(lateInLondon, now)).toBe('Yesterday');
        expect(tokyo.time(lateInLondon)).toMatch(/^8:30\sAM$/);
    });

    it('writes short times in the language\'s own words', () => {
        const french = timeFormat(createIntl({locale: 'fr', messages: getTranslationsForLocale('fr')}), 'Europe/Paris');
        expect(french.short(now - 20_000, now)).toBe('à l’instant');
        expect(french.short(now - (5 * 60_000), now)).toBe('5\u00a0min');
        expect(english.short(now - (5 * 60_000), now)).toBe('5m');
        expect(french.relative(now - (3 * 3600_000), now)).toBe('il y a 3 heures');
    });
});
