import {act, fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {describe, expect, it} from 'vitest';

import {eventFixture} from '../../../tests/contract/fixtures';
import {deliverPluginEvent, fakeClient, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import {mine, selectKnown, selectKnownEntry} from '../../state/known';
import type {Follow} from '../../types/follow';

import {FollowButton} from './FollowButton';

const incident: Follow = {table: 'incident', sys_id: 'sys-1', number: 'INC0010001', short_description: 'Email down', conversation_id: 'rec-1'};

function renderButtons(follows: Follow[] = []) {
    const client = fakeClient();
    client.getFollows.mockResolvedValue({follows});
    client.follow.mockResolvedValue(incident);
    client.unfollow.mockResolvedValue(undefined);
    return renderWithConnect(
        <>
            <FollowButton record={{table: 'incident', number: 'INC0010001', sys_id: 'sys-1'}}/>
            <FollowButton record={{table: 'incident', number: 'INC0010001'}}/>
        </>,
        {client},
    );
}

const buttons = () => screen.getAllByRole('button', {name: 'Follow INC0010001'});

describe('FollowButton', () => {
    it('follows the record and every button for it says Following', async () => {
        const {client} = renderButtons();
        await waitFor(() => expect(client.getFollows).toHaveBeenCalledTimes(1));
        expect(buttons().map((button) => button.getAttribute('aria-pressed'))).toEqual(['false', 'false']);

        fireEvent.click(buttons()[0]);
        await waitFor(() => expect(buttons().map((button) => button.textContent)).toEqual(['Following', 'Following']));
        expect(client.follow).toHaveBeenCalledWith({table: 'incident', sys_id: 'sys-1'});
        expect(buttons()[1]).toHaveAttribute('aria-pressed', 'true');
    });

    it('follows by number where the sys_id is not known, and unfollows by the sys_id it learnt', async () => {
        const {client} = renderButtons([incident]);
        await waitFor(() => expect(buttons()[1]).toHaveAttribute('aria-pressed', 'true'));
        fireEvent.click(buttons()[1]);
        await waitFor(() => expect(buttons()[0]).toHaveAttribute('aria-pressed', 'false'));
        expect(client.unfollow).toHaveBeenCalledWith('incident', 'sys-1');

        fireEvent.click(buttons()[1]);
        await waitFor(() => expect(client.follow).toHaveBeenCalledWith({record: 'INC0010001'}));
    });

    it('follows changes made elsewhere (the follows_changed event, as the server sends it)', async () => {
        const started = eventFixture('follows_changed.started.json').data;
        const client = fakeClient();
        client.getFollows.mockResolvedValue({follows: []});
        const {store} = renderWithConnect(<FollowButton record={{table: 'incident', number: 'INC0010001', sys_id: String(started.sys_id)}}/>, {client});
        await waitFor(() => expect(selectKnown(store.getState(), 'follows', mine)).toEqual([]));

        act(() => deliverPluginEvent(store, 'follows_changed', started));
        expect(buttons()[0]).toHaveAttribute('aria-pressed', 'true');
        act(() => deliverPluginEvent(store, 'follows_changed', eventFixture('follows_changed.ended.json').data));
        expect(buttons()[0]).toHaveAttribute('aria-pressed', 'false');
    });

    it('offers Follow without a word when the list cannot be read, and reads it again where next shown', async () => {
        const client = fakeClient();
        client.getFollows.mockRejectedValueOnce(new Error('down'));
        const {store, unmount} = renderWithConnect(<FollowButton record={{table: 'incident', number: 'INC0010001'}}/>, {client});
        await waitFor(() => expect(selectKnownEntry(store.getState(), 'follows', mine)?.readFailure).toBe('down'));
        expect(buttons()[0]).toHaveAttribute('aria-pressed', 'false');
        expect(screen.queryByRole('alert')).toBeNull();
        unmount();

        client.getFollows.mockResolvedValue({follows: [incident]});
        renderWithConnect(<FollowButton record={{table: 'incident', number: 'INC0010001'}}/>, {client, store});
        await waitFor(() => expect(buttons()[0]).toHaveAttribute('aria-pressed', 'true'));
        expect(client.getFollows).toHaveBeenCalledTimes(2);
    });

    it('says why when following is refused', async () => {
        const {client} = renderButtons();
        await waitFor(() => expect(client.getFollows).toHaveBeenCalled());
        client.follow.mockRejectedValue(new ClientError(400, 'Records of table incident cannot be followed.', '/x'));
        fireEvent.click(buttons()[0]);
        expect(await screen.findByRole('alert')).toHaveTextContent('Records of table incident cannot be followed.');
        expect(buttons()[0]).toHaveAttribute('aria-pressed', 'false');
    });
});
