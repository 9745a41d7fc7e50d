import {fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {restFixtures} from '../../../tests/contract/fixtures';
import {bob, fakeClient, groupConversation, me, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import type {CreatedRecord} from '../../types/create';

import {CreateRecordDialog, fieldOfError} from './CreateRecordDialog';

// The server's own answer to a creation (webapp/tests/contract).
const createdAnswer = restFixtures().find((exchange) => exchange.route === 'POST /api/v1/conversations/{id}/records')?.body as CreatedRecord;

function renderDialog() {
    const client = fakeClient();
    client.follow.mockResolvedValue({table: 'incident', sys_id: createdAnswer.card!.sys_id, number: 'INC0010667', short_description: '', conversation_id: 'rec-1'});
    const onClose = vi.fn();
    const conversation = groupConversation();
    const result = renderWithConnect(
        <CreateRecordDialog
            conversation={conversation}
            onClose={onClose}
        />,
        {client},
    );
    return {...result, onClose, conversation};
}

const dialog = () => screen.getByRole('dialog', {name: 'Create a ServiceNow record'});

describe('CreateRecordDialog', () => {
    it('creates the record with the table, description, caller and recent messages, then offers to follow it', async () => {
        const {client, conversation} = renderDialog();
        client.createRecord.mockResolvedValue(createdAnswer);
        await waitFor(() => expect(screen.getByRole('combobox', {name: 'Table'})).toHaveValue('incident'));
        expect(screen.getByRole('textbox', {name: 'Short description'})).toHaveFocus();
        expect(screen.getByRole('combobox', {name: 'Caller'})).toHaveValue(me.id);
        expect(screen.getByRole('checkbox', {name: 'Include the last 20 messages as the first work note'})).toBeChecked();

        fireEvent.change(screen.getByRole('textbox', {name: 'Short description'}), {target: {value: ' Printer on 3 is on fire '}});
        fireEvent.change(screen.getByRole('combobox', {name: 'Caller'}), {target: {value: bob.id}});
        fireEvent.click(screen.getByRole('button', {name: 'Create'}));

        const status = await screen.findByRole('status');
        expect(status).toHaveTextContent('Created INC0010667');
        expect(within(status).getByRole('link', {name: 'INC0010667'})).toHaveAttribute('href', createdAnswer.link);
        expect(client.createRecord).toHaveBeenCalledWith(conversation.id, expect.objectContaining({
            table: 'incident', short_description: 'Printer on 3 is on fire', caller_id: bob.id, include_recent: true,
        }));
        expect(screen.getByRole('button', {name: 'Done'})).toHaveFocus();
        fireEvent.click(within(status).getByRole('button', {name: 'Follow INC0010667'}));
        await waitFor(() => expect(client.follow).toHaveBeenCalledWith({table: 'incident', sys_id: createdAnswer.card!.sys_id}));
    });

    it('shows a refusal beside the field it names, and sends the same request id again', async () => {
        const {client} = renderDialog();
        client.createRecord.mockRejectedValueOnce(new ClientError(400, 'The caller must be a member of this conversation.', ''));
        await waitFor(() => expect(screen.getByRole('combobox', {name: 'Table'})).toHaveValue('incident'));
        fireEvent.change(screen.getByRole('textbox', {name: 'Short description'}), {target: {value: 'VPN'}});
        fireEvent.click(screen.getByRole('button', {name: 'Create'}));

        const caller = screen.getByRole('combobox', {name: 'Caller'});
        await waitFor(() => expect(caller).toHaveAttribute('aria-invalid', 'true'));
        expect(caller).toHaveAccessibleDescription('The caller must be a member of this conversation.');

        client.createRecord.mockRejectedValueOnce(new ClientError(400, 'ServiceNow requires Category for a new incident.', ''));
        fireEvent.click(screen.getByRole('button', {name: 'Create'}));
        expect(await within(dialog()).findByRole('alert')).toHaveTextContent('ServiceNow requires Category for a new incident.');
        const [first, second] = client.createRecord.mock.calls;
        expect(second[1].request_id).toBe(first[1].request_id);
    });

    it('says so when the creation is queued, and closes with Escape', async () => {
        const {client, onClose} = renderDialog();
        client.createRecord.mockResolvedValue({queued: true});
        await waitFor(() => expect(screen.getByRole('combobox', {name: 'Table'})).toHaveValue('incident'));
        fireEvent.change(screen.getByRole('textbox', {name: 'Short description'}), {target: {value: 'VPN'}});
        fireEvent.click(screen.getByRole('checkbox', {name: 'Include the last 20 messages as the first work note'}));
        fireEvent.click(screen.getByRole('button', {name: 'Create'}));
        expect(await screen.findByRole('status')).toHaveTextContent('ServiceNow cannot be reached just now');
        expect(client.createRecord.mock.calls[0][1].include_recent).toBe(false);

        fireEvent.keyDown(dialog(), {key: 'Escape'});
        expect(onClose).toHaveBeenCalled();
    });

    it('asks for a short description before sending anything', async () => {
        const {client} = renderDialog();
        await waitFor(() => expect(screen.getByRole('combobox', {name: 'Table'})).toHaveValue('incident'));
        fireEvent.click(screen.getByRole('button', {name: 'Create'}));
        expect(screen.getByRole('textbox', {name: 'Short description'})).toHaveAccessibleDescription('Give the record a short description.');
        expect(client.createRecord).not.toHaveBeenCalled();
    });
});

describe('CreateRecordDialog with picked messages', () => {
    it('sends the picked messages in place of the last 20', async () => {
        const client = fakeClient();
        client.createRecord.mockResolvedValue(createdAnswer);
        const conversation = groupConversation();
        renderWithConnect(
            <CreateRecordDialog
                conversation={conversation}
                onClose={vi.fn()}
                picked={{messages: {post_ids: ['p1', 'p2']}, label: '2 messages picked'}}
            />,
            {client},
        );
        await waitFor(() => expect(screen.getByRole('combobox', {name: 'Table'})).toHaveValue('incident'));
        expect(screen.queryByRole('checkbox')).toBeNull();
        expect(dialog()).toHaveTextContent('First work note: 2 messages picked');
        fireEvent.change(screen.getByRole('textbox', {name: 'Short description'}), {target: {value: 'VPN'}});
        fireEvent.click(screen.getByRole('button', {name: 'Create'}));
        await screen.findByRole('status');
        expect(client.createRecord.mock.calls[0][1]).toEqual(expect.objectContaining({post_ids: ['p1', 'p2']}));
        expect(client.createRecord.mock.calls[0][1]).not.toHaveProperty('include_recent');
    });
});

describe('fieldOfError', () => {
    it.each([
        ['The short description is 170 characters; ServiceNow takes at most 160.', 'short_description'],
        ['Bob Baker cannot be the caller: ServiceNow has no single active user with the address bob@example.com.', 'caller'],
        ['Records can be created in incident only; "problem" is not one of them.', 'table'],
        ['ServiceNow requires Category for a new incident.', null],
    ])('%s', (message, field) => expect(fieldOfError(message)).toBe(field));
});
