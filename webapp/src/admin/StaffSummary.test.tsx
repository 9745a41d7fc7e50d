import {fireEvent, render, screen, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {StaffSummary} from './StaffSummary';
import type {StaffSummary as Summary} from './types';

const summary: Summary = {
    total: 5, mode: 'enforce',
    teams: [{name: 'itil', staff: 3, open: true, missing: false}, {name: 'ghost', staff: 0, open: false, missing: true}],
    groups: [{name: 'desk', staff: 1, missing: false}],
    roles: {roles: ['itil', 'itil_admin'], staff: 2, unverified: 1, holders: 4, last_success: '2026-12-06T19:00:00Z'},
};

function renderSummary(answers: Summary[]) {
    const client = {staffSummary: vi.fn(() => Promise.resolve(answers.shift()!))};
    render(
        <StaffSummary
            id='PluginSettings.Plugins.connect-chat.staffsummary'
            client={client}
        />,
    );
    return client;
}

describe('StaffSummary', () => {
    it('counts the staff by source, flags the open team and the missing one', async () => {
        renderSummary([summary]);

        expect(await screen.findByText('5 people are ITIL staff.')).toBeInTheDocument();
        const rows = within(screen.getByRole('table', {name: 'ITIL staff by source'})).getAllByRole('row').slice(1);
        expect(rows.map((row) => row.textContent)).toEqual([
            'Team itilOpen: anyone can join3 people',
            'Team ghostNo such team0 people',
            'User group @desk1 person',
            'ServiceNow roles itil, itil_admin1 more holds a role, but with an unverified address2 people',
        ]);
        expect(screen.getByText(/The staff team itil is open: anyone with an account on this server can join it/)).toBeInTheDocument();
    });

    it('counts again on request', async () => {
        const client = renderSummary([summary, {...summary, total: 6}]);
        await screen.findByText('5 people are ITIL staff.');

        fireEvent.click(screen.getByRole('button', {name: 'Count again'}));

        expect(await screen.findByText('6 people are ITIL staff.')).toBeInTheDocument();
        expect(client.staffSummary).toHaveBeenCalledTimes(2);
    });

    it('says when nothing makes anyone staff, and when the role sync failed', async () => {
        renderSummary([{
            total: 0, mode: 'enforce', teams: [], groups: [],
            roles: {roles: [], staff: 0, unverified: 0, holders: 0, last_success: '0001-01-01T00:00:00Z', last_error: 'ServiceNow is unavailable (503)'},
        }]);

        expect(await screen.findByText('Nobody is ITIL staff.')).toBeInTheDocument();
        expect(screen.getByText(/No staff team, group or ServiceNow role is set/)).toBeInTheDocument();
        expect(screen.getByText('The last role sync failed: ServiceNow is unavailable (503)')).toBeInTheDocument();
    });
});
