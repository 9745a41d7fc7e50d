import {fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {restFixtures} from '../../../tests/contract/fixtures';
import {fakeClient, groupConversation, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import {openConversationEvent} from '../workspace/open_conversation_event';
import type {SwarmPlan, SwarmResult} from '../../types/swarm';

import {SwarmButton} from './SwarmButton';

// The plan as the server answers it: bob can be added, carol is in already, a customer is not
// staff and someone has no Mattermost account.
const answer = (route: string) => restFixtures().find((exchange) => exchange.route === route)?.body;
const plan = answer('GET /api/v1/swarm/{table}/{sys_id}') as SwarmPlan;
const result = answer('POST /api/v1/swarm/{table}/{sys_id}') as SwarmResult;
const record = {table: 'incident', number: 'INC0010001', sys_id: plan.record.sys_id};

function renderButton() {
    const client = fakeClient();
    client.getSwarmPlan.mockResolvedValue(plan);
    client.bringInTeam.mockResolvedValue(result);
    client.getConversation.mockResolvedValue(groupConversation({id: result.conversation_id}));
    return {...renderWithConnect(<SwarmButton record={record}/>, {client}), client};
}

const bob = plan.people[0];

describe('SwarmButton', () => {
    it('lists the plan: the addable ticked, the others greyed with the reason', async () => {
        const {client} = renderButton();
        fireEvent.click(screen.getByRole('button', {name: 'Bring in the team of INC0010001'}));
        const dialog = await screen.findByRole('dialog', {name: 'Bring in the team of INC0010001'});
        expect(client.getSwarmPlan).toHaveBeenCalledWith('incident', record.sys_id);
        const boxes = await screen.findAllByRole('checkbox');
        expect(boxes).toHaveLength(4);
        expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, true, false, false]);
        expect(boxes.map((box) => (box as HTMLInputElement).disabled)).toEqual([false, true, true, true]);
        expect(dialog).toHaveTextContent('not staff');
        expect(dialog).toHaveTextContent('no Mattermost account');
        expect(dialog).toHaveTextContent('already in the conversation');
    });

    it('brings in only the ticked people, then opens the record conversation', async () => {
        const {client} = renderButton();
        const opened = vi.fn((event: Event) => event.preventDefault());
        window.addEventListener(openConversationEvent, opened);
        fireEvent.click(screen.getByRole('button', {name: 'Bring in the team of INC0010001'}));
        const bobBox = await screen.findByRole('checkbox', {name: new RegExp(`@${bob.username}`)});
        fireEvent.click(bobBox);
        expect(bobBox).not.toBeChecked();
        fireEvent.click(screen.getByRole('button', {name: 'Bring in'}));
        await waitFor(() => expect(client.bringInTeam).toHaveBeenCalledWith('incident', record.sys_id, []));
        await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
        expect((opened.mock.calls[0][0] as CustomEvent).detail).toBe(result.conversation_id);
        expect(screen.queryByRole('dialog')).toBeNull();
        window.removeEventListener(openConversationEvent, opened);
    });

    it('keeps Tab within the dialog', async () => {
        renderButton();
        fireEvent.click(screen.getByRole('button', {name: 'Bring in the team of INC0010001'}));
        const boxes = await screen.findAllByRole('checkbox');
        const bringIn = screen.getByRole('button', {name: 'Bring in'});
        bringIn.focus();
        fireEvent.keyDown(bringIn, {key: 'Tab'});
        expect(boxes[0]).toHaveFocus();
        fireEvent.keyDown(boxes[0], {key: 'Tab', shiftKey: true});
        expect(bringIn).toHaveFocus();
    });

    it('says why bringing in failed and keeps the dialog; Escape closes it', async () => {
        const {client} = renderButton();
        client.bringInTeam.mockRejectedValue(new ClientError(503, 'ServiceNow could not be reached; try again in a moment.', ''));
        fireEvent.click(screen.getByRole('button', {name: 'Bring in the team of INC0010001'}));
        await screen.findAllByRole('checkbox');
        fireEvent.click(screen.getByRole('button', {name: 'Bring in'}));
        expect(await screen.findByRole('alert')).toHaveTextContent('ServiceNow could not be reached');
        expect(client.bringInTeam).toHaveBeenCalledWith('incident', record.sys_id, [bob.user_id]);
        fireEvent.keyDown(screen.getByRole('dialog'), {key: 'Escape'});
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(screen.getByRole('button', {name: 'Bring in the team of INC0010001'})).toHaveFocus();
    });
});
