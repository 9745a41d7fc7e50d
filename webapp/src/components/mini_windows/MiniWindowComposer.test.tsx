import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {connectStore, directConversation, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import {conversationsLoaded, dockCapacityChanged, windowOpened} from '../../state/actions';
import type {FileInfo} from '../../types/mattermost';

import {MiniWindowDock} from './MiniWindowDock';

// The message field of a mini window with files waiting in it (F-06).
function renderWindow() {
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [directConversation()], total_unread: 0, total_mentions: 0}));
    store.dispatch(dockCapacityChanged(5));
    const rendered = renderWithConnect(<MiniWindowDock/>, {store});
    rendered.client.getPosts.mockResolvedValue({posts: [], reachedStart: true});
    rendered.client.viewChannel.mockResolvedValue(undefined);
    act(() => {
        store.dispatch(windowOpened('dm-bob'));
    });
    const composer = screen.getByRole('textbox', {name: 'Write to Bob Baker'});
    return {...rendered, composer, window: screen.getByRole('region', {name: 'Bob Baker'})};
}

function pick(...files: File[]) {
    fireEvent.change(screen.getByTestId('attach-input'), {target: {files}});
}

function infosOf(files: File[]): FileInfo[] {
    return files.map((file, index) => ({id: `f${index + 1}`, name: file.name}));
}

const report = new File(['%PDF'], 'report.pdf', {type: 'application/pdf'});
const screenshot = new File(['png'], 'screen.png', {type: 'image/png'});

function stubObjectURLs() {
    let count = 0;
    const create = vi.fn(() => {
        count += 1;
        return `blob:preview-${count}`;
    });
    const revoke = vi.fn();
    vi.stubGlobal('URL', Object.assign(class extends URL {}, {createObjectURL: create, revokeObjectURL: revoke}));
    return {create, revoke};
}

describe('files in the message field', () => {
    it('go with the text as one post, and leave the field when it is sent', async () => {
        const {client, composer} = renderWindow();
        client.uploadFiles.mockImplementation((_channelId, files) => Promise.resolve(infosOf(files)));
        client.createPost.mockImplementation((newPost) => Promise.resolve(post({...newPost, user_id: 'user-alice'})));

        pick(report, screenshot);
        fireEvent.change(composer, {target: {value: 'The report and the error'}});
        fireEvent.keyDown(composer, {key: 'Enter'});

        expect(await screen.findByRole('status')).toHaveTextContent('Uploading 2 files…');
        await waitFor(() => expect(screen.queryAllByTestId('waiting-file')).toHaveLength(0));
        expect(client.uploadFiles).toHaveBeenCalledTimes(1);
        expect(client.uploadFiles).toHaveBeenCalledWith('dm-bob', [report, screenshot]);
        expect(client.createPost).toHaveBeenCalledTimes(1);
        expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: 'The report and the error', file_ids: ['f1', 'f2']});
        expect(composer).toHaveValue('');
        expect(screen.queryByRole('status')).toBeNull();
    });

    it('stay with the text when the upload fails, with the reason', async () => {
        const {client, composer, window} = renderWindow();
        client.uploadFiles.mockRejectedValue(new ClientError(413, 'Unable to upload file(s). File is too large.', 'url'));

        pick(report);
        fireEvent.change(composer, {target: {value: 'The report'}});
        fireEvent.click(screen.getByRole('button', {name: 'Send'}));

        expect(await within(window).findByRole('alert')).toHaveTextContent('Unable to upload file(s). File is too large.');
        expect(client.createPost).not.toHaveBeenCalled();
        expect(composer).toHaveValue('The report');
        expect(screen.getByRole('button', {name: 'Remove report.pdf'})).toBeInTheDocument();
    });

    it('stay with the text when the post is refused, in Connect\'s words for a message too long', async () => {
        const {client, composer, window} = renderWindow();
        client.uploadFiles.mockResolvedValue([{id: 'f1', name: 'report.pdf'}]);
        client.createPost.mockRejectedValue(new ClientError(400, 'Post Message property is longer than the maximum permitted length.', 'url'));

        pick(report);
        fireEvent.change(composer, {target: {value: 'The report'}});
        fireEvent.keyDown(composer, {key: 'Enter'});

        expect(await within(window).findByRole('alert')).toHaveTextContent('This message is too long (the limit is 16,383 characters).');
        expect(composer).toHaveValue('The report');
        expect(screen.getAllByTestId('waiting-file')).toHaveLength(1);
    });

    it('can be removed before sending, and an image shows a local preview until then', async () => {
        const {create, revoke} = stubObjectURLs();
        const {client, composer} = renderWindow();
        client.uploadFiles.mockImplementation((_channelId, files) => Promise.resolve(infosOf(files)));
        client.createPost.mockImplementation((newPost) => Promise.resolve(post(newPost)));

        pick(report, screenshot, new File(['png'], 'second.png', {type: 'image/png'}));
        expect(create).toHaveBeenCalledTimes(2);
        expect(screen.getAllByTestId('waiting-file')[1].querySelector('img')).toHaveAttribute('src', 'blob:preview-1');

        fireEvent.click(screen.getByRole('button', {name: 'Remove screen.png'}));
        expect(revoke).toHaveBeenCalledWith('blob:preview-1');
        expect(screen.getAllByTestId('waiting-file').map((chip) => chip.textContent)).toEqual(['report.pdf4 B', 'second.png3 B']);

        fireEvent.keyDown(composer, {key: 'Enter'});

        await waitFor(() => expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: '', file_ids: ['f1', 'f2']}));
        expect(client.uploadFiles).toHaveBeenCalledWith('dm-bob', [report, expect.objectContaining({name: 'second.png'})]);
        await waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:preview-2'));
    });

    it('are at most ten: the eleventh is refused, saying why', () => {
        const {window} = renderWindow();
        const files = Array.from({length: 9}, (_, index) => new File(['x'], `notes-${index + 1}.txt`));

        pick(...files);
        expect(within(window).queryByRole('alert')).toBeNull();
        pick(new File(['x'], 'notes-10.txt'), new File(['x'], 'notes-11.txt'));

        expect(screen.getAllByTestId('waiting-file')).toHaveLength(10);
        expect(within(window).getByRole('alert')).toHaveTextContent('A message takes at most 10 files: notes-11.txt was not added.');
        expect(screen.queryByText('notes-11.txt')).toBeNull();

        pick(new File(['x'], 'a.txt'), new File(['x'], 'b.txt'));
        expect(within(window).getByRole('alert')).toHaveTextContent('A message takes at most 10 files: 2 files were not added.');
        expect(screen.getAllByTestId('waiting-file')).toHaveLength(10);
    });

    it('do not stop a dropped record from being posted at once, on its own', async () => {
        const {client, window} = renderWindow();
        client.createPost.mockImplementation((newPost) => Promise.resolve(post(newPost)));
        pick(report);

        const dataTransfer = {types: ['text/plain'], files: [], getData: (type: string) => (type === 'text/plain' ? 'INC0010001' : ''), dropEffect: 'none'};
        fireEvent.dragEnter(window, {dataTransfer});
        fireEvent.drop(window, {dataTransfer});

        await waitFor(() => expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: 'INC0010001'}));
        expect(client.uploadFiles).not.toHaveBeenCalled();
        expect(screen.getAllByTestId('waiting-file')).toHaveLength(1);
    });
});

describe('an image in a message', () => {
    it('opens in a lightbox over the page; Escape closes the lightbox, not the window', async () => {
        const store = connectStore();
        store.dispatch(conversationsLoaded({conversations: [directConversation()], total_unread: 0, total_mentions: 0}));
        store.dispatch(dockCapacityChanged(5));
        const {client} = renderWithConnect(<MiniWindowDock/>, {store});
        const image: FileInfo = {id: 'img1', name: 'screen.png', mime_type: 'image/png', has_preview_image: true, width: 800, height: 600};
        client.getPosts.mockResolvedValue({posts: [post({message: '', file_ids: ['img1'], metadata: {files: [image]}})], reachedStart: true});
        client.viewChannel.mockResolvedValue(undefined);
        act(() => {
            store.dispatch(windowOpened('dm-bob'));
        });

        const thumbnail = await screen.findByRole('button', {name: 'screen.png'});
        thumbnail.focus();
        fireEvent.click(thumbnail);
        const dialog = screen.getByRole('dialog', {name: 'screen.png'});
        expect(screen.getByRole('region', {name: 'Bob Baker'})).not.toContainElement(dialog);
        await waitFor(() => expect(within(dialog).getByRole('button', {name: 'Close'})).toHaveFocus());

        fireEvent.keyDown(within(dialog).getByRole('button', {name: 'Close'}), {key: 'Escape'});

        expect(screen.queryByRole('dialog')).toBeNull();
        expect(screen.getByRole('region', {name: 'Bob Baker'})).toBeInTheDocument();
        expect(thumbnail).toHaveFocus();
    });
});
