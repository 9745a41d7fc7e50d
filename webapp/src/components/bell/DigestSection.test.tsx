import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it} from 'vitest';

import {deliverPluginEvent, digestOff, fakeClient, groupConversation, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';

import {DigestSection} from './DigestSection';

function renderDigest(settings = digestOff, inclusion = {included: true, reason: ''}) {
    const client = fakeClient();
    let stored = settings;
    client.getDigest.mockResolvedValue(settings);
    client.setDigest.mockImplementation((change) => {
        stored = {...stored, ...change};
        return Promise.resolve(stored);
    });
    client.getConversationDigest.mockResolvedValue(inclusion);
    return renderWithConnect(<DigestSection conversation={groupConversation()}/>, {client});
}

const digest = () => screen.findByRole('group', {name: 'Email digest'});
const turnedOn = () => screen.getByRole('checkbox', {name: 'Email me a digest of unread messages'});
const thisOne = () => screen.getByRole('checkbox', {name: 'Include this conversation'});

describe('DigestSection', () => {
    it('is off until the user turns it on, and then offers the intervals of the admin range', async () => {
        const {client} = renderDigest();
        await digest();
        expect(turnedOn()).not.toBeChecked();
        expect(thisOne()).toBeDisabled();
        expect(screen.queryByRole('combobox', {name: 'Every'})).toBeNull();

        fireEvent.click(turnedOn());
        await waitFor(() => expect(client.setDigest).toHaveBeenCalledWith({enabled: true}));
        const every = screen.getByRole('combobox', {name: 'Every'});
        expect(within(every).getAllByRole('option').map((option) => option.textContent)).toEqual(
            ['15 minutes', '30 minutes', '1 hour', '2 hours', '4 hours', '8 hours', '12 hours', '1 day'],
        );
        fireEvent.change(every, {target: {value: '240'}});
        await waitFor(() => expect(client.setDigest).toHaveBeenLastCalledWith({interval_minutes: 240}));
        expect(thisOne()).toBeEnabled();
    });

    it('leaves one conversation out, and says why one is out when its bell emails every message', async () => {
        const {client, store} = renderDigest({...digestOff, enabled: true});
        await digest();
        fireEvent.click(thisOne());
        await waitFor(() => expect(client.setConversationDigest).toHaveBeenCalledWith('group-1', false));
        expect(thisOne()).not.toBeChecked();

        act(() => deliverPluginEvent(store, 'digest_changed', {conversation_id: 'group-1', included: true, enabled: true, interval_minutes: 30}));
        expect(thisOne()).toBeChecked();
        expect(screen.getByRole('combobox', {name: 'Every'})).toHaveValue('30');
    });

    it('shows the reason the server gives for leaving the conversation out', async () => {
        renderDigest({...digestOff, enabled: true}, {included: false, reason: 'This conversation\'s bell already emails you every message.'});
        await digest();
        expect(thisOne()).toBeDisabled();
        expect(screen.getByText('This conversation\'s bell already emails you every message.')).toBeInTheDocument();
    });

    it('says when Mattermost cannot send email, and goes back when the server refuses', async () => {
        const {client} = renderDigest({...digestOff, email_available: false, problem: 'Mattermost\'s email notifications are off: no digest can be sent.'});
        await digest();
        expect(screen.getByText(/no digest can be sent/)).toBeInTheDocument();
        client.setDigest.mockRejectedValue(new ClientError(400, 'The digest is disabled by your system admin.', '/x'));
        fireEvent.click(turnedOn());
        expect(await screen.findByRole('alert')).toHaveTextContent('The digest is disabled by your system admin.');
        expect(turnedOn()).not.toBeChecked();
    });
});
