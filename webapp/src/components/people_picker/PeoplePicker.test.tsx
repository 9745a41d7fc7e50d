import {fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {bob, carol, renderWithConnect, staffPerson} from '../../../tests/unit/connect_fixtures';

import {PeoplePicker} from './PeoplePicker';

function renderPicker(props: Partial<React.ComponentProps<typeof PeoplePicker>> = {}) {
    const onSubmit = vi.fn(() => Promise.resolve());
    const onCancel = vi.fn();
    const rendered = renderWithConnect(
        <PeoplePicker
            title='New conversation'
            submitLabel='Start'
            onSubmit={onSubmit}
            onCancel={onCancel}
            {...props}
        />,
    );
    rendered.client.searchStaff.mockImplementation((text) => Promise.resolve({
        people: [bob, carol].filter((person) => person.display_name.toLowerCase().includes(text.toLowerCase())).map(staffPerson),
        has_more: false,
    }));
    return {...rendered, onSubmit, onCancel, input: screen.getByRole('combobox', {name: 'Search staff by name'})};
}

describe('PeoplePicker', () => {
    it('suggests staff as the user types, and picks with the keyboard', async () => {
        const {client, onSubmit, input} = renderPicker();

        fireEvent.change(input, {target: {value: 'a'}});
        await screen.findByRole('option', {name: /Carol Chen/});
        expect(client.searchStaff).toHaveBeenLastCalledWith('a');
        expect(input).toHaveAttribute('aria-expanded', 'true');
        expect(input).toHaveAttribute('aria-activedescendant', screen.getByRole('option', {name: /Bob Baker/}).id);

        fireEvent.keyDown(input, {key: 'ArrowDown'});
        expect(screen.getByRole('option', {name: /Carol Chen/})).toHaveAttribute('aria-selected', 'true');
        fireEvent.keyDown(input, {key: 'Enter'});

        expect(screen.getByRole('button', {name: 'Remove Carol Chen'})).toBeInTheDocument();
        expect(input).toHaveValue('');
        fireEvent.keyDown(input, {key: 'Enter'});
        await waitFor(() => expect(onSubmit).toHaveBeenCalledWith([staffPerson(carol)]));
    });

    it('picks several people for a group, leaving picked ones out of the suggestions', async () => {
        const {onSubmit, input} = renderPicker();

        fireEvent.change(input, {target: {value: 'b'}});
        fireEvent.click(await screen.findByRole('option', {name: /Bob Baker/}));
        fireEvent.change(input, {target: {value: 'a'}});
        await screen.findByRole('option', {name: /Carol Chen/});
        expect(screen.queryByRole('option', {name: /Bob Baker/})).not.toBeInTheDocument();
        fireEvent.click(screen.getByRole('option', {name: /Carol Chen/}));
        fireEvent.click(screen.getByRole('button', {name: 'Start'}));

        await waitFor(() => expect(onSubmit).toHaveBeenCalledWith([staffPerson(bob), staffPerson(carol)]));
    });

    it('drops the last pick with Backspace in the empty field', async () => {
        const {input} = renderPicker();
        fireEvent.change(input, {target: {value: 'bob'}});
        fireEvent.click(await screen.findByRole('option', {name: /Bob Baker/}));

        fireEvent.keyDown(input, {key: 'Backspace'});

        expect(screen.queryByRole('button', {name: 'Remove Bob Baker'})).not.toBeInTheDocument();
        expect(screen.getByRole('button', {name: 'Start'})).toBeDisabled();
    });

    it('leaves out people already in the conversation', async () => {
        const {input} = renderPicker({excludeIds: [bob.id]});

        fireEvent.change(input, {target: {value: 'a'}});
        await screen.findByRole('option', {name: /Carol Chen/});

        expect(screen.queryByRole('option', {name: /Bob Baker/})).not.toBeInTheDocument();
    });

    it('says when no staff match', async () => {
        const {input} = renderPicker();

        fireEvent.change(input, {target: {value: 'dave'}});

        expect(await screen.findByText('No staff match “dave”.')).toBeInTheDocument();
    });

    it('keeps the picks and shows the server\'s reason when starting fails', async () => {
        const onSubmit = vi.fn(() => Promise.reject(new Error('@dave is not ITIL staff: Connect conversations are for staff only.')));
        const {input} = renderPicker({onSubmit});
        fireEvent.change(input, {target: {value: 'bob'}});
        fireEvent.click(await screen.findByRole('option', {name: /Bob Baker/}));

        fireEvent.click(screen.getByRole('button', {name: 'Start'}));

        expect(await screen.findByRole('alert')).toHaveTextContent('@dave is not ITIL staff');
        expect(screen.getByRole('button', {name: 'Remove Bob Baker'})).toBeInTheDocument();
    });

    it('closes the suggestions, then itself, with Escape, without letting Escape go further', async () => {
        const outer = vi.fn();
        const {onCancel, input} = renderPicker();
        document.addEventListener('keydown', outer);
        fireEvent.change(input, {target: {value: 'bob'}});
        await screen.findByRole('option', {name: /Bob Baker/});

        fireEvent.keyDown(input, {key: 'Escape'});
        expect(input).toHaveValue('');
        expect(onCancel).not.toHaveBeenCalled();
        fireEvent.keyDown(input, {key: 'Escape'});

        expect(onCancel).toHaveBeenCalledOnce();
        expect(outer).not.toHaveBeenCalled();
        document.removeEventListener('keydown', outer);
    });
});
