import {fireEvent, render, screen, within} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';
import {describe, expect, it, vi} from 'vitest';

import fr from '../../i18n/fr.json';

import {CheckConnection} from './CheckConnection';
import type {ConnectionCheck} from './types';

const allGood: ConnectionCheck = {
    configured: true, instance: 'https://example.service-now.com', auth_mode: 'basic',
    reachable: true, authenticated: true, records_readable: true, task_count: 42, sample_number: 'INC0010001',
    roles_checked: true, roles_readable: true, role_grants: 3, latency_ms: 87, checked_at: '2026-12-06T20:00:00Z',
};

function renderCheck(answer: () => Promise<ConnectionCheck>) {
    const client = {checkConnection: vi.fn(answer)};
    render(
        <CheckConnection
            id='PluginSettings.Plugins.connect-chat.checkconnection'
            client={client}
        />,
    );
    return client;
}

const press = () => fireEvent.click(screen.getByRole('button', {name: 'Check connection'}));

describe('CheckConnection', () => {
    it('shows nothing until pressed, then every step the server checked', async () => {
        const client = renderCheck(() => Promise.resolve(allGood));
        expect(screen.getByRole('status')).toBeEmptyDOMElement();
        expect(screen.getByText(/Save first to check new values/)).toBeInTheDocument();
        expect(client.checkConnection).not.toHaveBeenCalled();

        press();

        expect(await screen.findByText('Connected in 87 ms.')).toBeInTheDocument();
        const steps = within(screen.getByRole('status')).getAllByRole('listitem');
        expect(steps.map((step) => [step.dataset.state, step.textContent])).toEqual([
            ['passed', '✓ ServiceNow answered at https://example.service-now.com'],
            ['passed', '✓ Signed in with basic authentication'],
            ['passed', '✓ Can read 42 task records, for example INC0010001'],
            ['passed', '✓ Can read the staff roles: 3 grants to active users'],
        ]);
        expect(client.checkConnection).toHaveBeenCalledOnce();
    });

    it('stops at the step that failed and says why', async () => {
        renderCheck(() => Promise.resolve({
            ...allGood, authenticated: false, records_readable: false, roles_checked: false, task_count: -1, role_grants: -1,
            problem: 'ServiceNow rejected the Connect credentials (401).',
        }));
        press();

        expect(await screen.findByText('The check failed: ServiceNow rejected the Connect credentials (401).')).toBeInTheDocument();
        const steps = within(screen.getByRole('status')).getAllByRole('listitem');
        expect(steps.map((step) => step.dataset.state)).toEqual(['passed', 'failed']);
        expect(steps[1]).toHaveTextContent('ServiceNow refused the credentials (basic authentication)');
    });

    it('says when no staff role is set, without failing the check', async () => {
        renderCheck(() => Promise.resolve({...allGood, roles_checked: false, roles_readable: false, role_grants: -1}));
        press();

        expect(await screen.findByText('Connected in 87 ms.')).toBeInTheDocument();
        expect(screen.getByText(/Staff roles not checked/).closest('li')).toHaveAttribute('data-state', 'skipped');
    });

    it('reports a refused request, and lets the admin try again', async () => {
        let calls = 0;
        const client = renderCheck(() => {
            calls += 1;
            return calls === 1 ? Promise.reject(new Error('Only system admins can do this.')) : Promise.resolve(allGood);
        });
        press();
        expect(await screen.findByText('Connect could not run the check: Only system admins can do this.')).toBeInTheDocument();

        press();
        expect(await screen.findByText('Connected in 87 ms.')).toBeInTheDocument();
        expect(screen.queryByText(/could not run the check/)).not.toBeInTheDocument();
        expect(client.checkConnection).toHaveBeenCalledTimes(2);
    });

    it('speaks the admin\'s language', async () => {
        const client = {checkConnection: vi.fn(() => Promise.resolve(allGood))};
        render(
            <IntlProvider
                locale='fr'
                messages={fr}
            >
                <CheckConnection
                    id='check'
                    client={client}
                />
            </IntlProvider>,
        );
        fireEvent.click(screen.getByRole('button', {name: 'Vérifier la connexion'}));
        expect(await screen.findByText('Connecté en 87 ms.')).toBeInTheDocument();
        expect(screen.getByText(/Peut lire 42 enregistrements de tâches, par exemple INC0010001/)).toBeInTheDocument();
    });
});
