import {fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {bob, connectStore, directConversation, fakeClient, me, post, renderWithConnect} from '../../../../tests/unit/connect_fixtures';
import {ClientError} from '../../../client';
import {conversationsLoaded} from '../../../state/actions';
import type {ConversationFile, ConversationFilePage} from '../../../types/workspace';

import {filesPageSize} from './AttachmentsTab';
import {ConversationTools} from './ConversationTools';

const site = 'https://chat.example.com';

function file(id: string, overrides: Partial<ConversationFile> = {}): ConversationFile {
    return {id, name: `${id}.pdf`, extension: 'pdf', mime_type: 'application/pdf', size: 2048, width: 0, height: 0, user_id: bob.id, post_id: `post-${id}`, create_at: Date.now() - 3 * 60_000, has_preview_image: false, ...overrides};
}

const screenshot = file('shot', {name: 'screenshot.png', extension: 'png', mime_type: 'image/png', size: 150_000, width: 800, height: 600, has_preview_image: true, user_id: me.id});
const report = file('report', {name: 'report.pdf', size: 2_500_000});

function renderAttachments(first: ConversationFilePage | Promise<ConversationFilePage>) {
    const client = fakeClient();
    client.getConversationFiles.mockImplementationOnce(() => Promise.resolve(first));
    const store = connectStore();
    const conversation = directConversation();
    store.dispatch(conversationsLoaded({conversations: [conversation], total_unread: 0, total_mentions: 0}));
    return renderWithConnect(
        <ConversationTools
            conversation={conversation}
            tab='attachments'
            onTabChange={vi.fn()}
            onOpenConversation={vi.fn()}
        />,
        {client, store},
    );
}

function fileRows(): HTMLElement[] {
    return screen.queryAllByTestId('conversation-file');
}

describe('the Attachments tab', () => {
    it('lists the files: a thumbnail for images, a type icon for others, size, who, when and a download link', async () => {
        const {client} = renderAttachments({files: [screenshot, report], has_more: false});

        await waitFor(() => expect(fileRows()).toHaveLength(2));
        expect(client.getConversationFiles).toHaveBeenCalledWith('dm-bob', 0, filesPageSize);
        const [image, other] = fileRows();

        expect(image.querySelector('img')).toHaveAttribute('src', `${site}/api/v4/files/shot/thumbnail`);
        expect(image).toHaveTextContent('screenshot.png');
        expect(image).toHaveTextContent('146 KB · Alice Archer · 3m');
        expect(within(image).getByRole('link', {name: 'Download screenshot.png'})).toHaveAttribute('href', `${site}/api/v4/files/shot?download=1`);

        expect(other.querySelector('img')).toBeNull();
        expect(other.querySelector('.cc-tools-file-icon')).toHaveTextContent('PDF');
        expect(other).toHaveTextContent('2.4 MB · Bob Baker · 3m');
        const download = within(other).getByRole('link', {name: 'Download report.pdf'});
        expect(download).toHaveAttribute('href', `${site}/api/v4/files/report?download=1`);
        expect(download).toHaveAttribute('rel', 'noopener noreferrer');
        expect(within(other).queryByRole('button')).toBeNull();
    });

    it('opens an image in the lightbox', async () => {
        renderAttachments({files: [screenshot], has_more: false});

        fireEvent.click(await screen.findByRole('button', {name: 'View screenshot.png'}));

        const dialog = screen.getByRole('dialog', {name: 'screenshot.png'});
        expect(within(dialog).getByRole('img', {name: 'screenshot.png'})).toHaveAttribute('src', `${site}/api/v4/files/shot/preview`);
        fireEvent.click(within(dialog).getByRole('button', {name: 'Close'}));
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(screen.getByRole('button', {name: 'View screenshot.png'})).toHaveFocus();
    });

    it('shows an image whose thumbnail fails as a file', async () => {
        renderAttachments({files: [screenshot], has_more: false});

        const thumbnail = await screen.findByRole('button', {name: 'View screenshot.png'});
        fireEvent.error(thumbnail.querySelector('img')!);

        expect(screen.queryByRole('button', {name: 'View screenshot.png'})).toBeNull();
        expect(fileRows()[0].querySelector('.cc-tools-file-icon')).toHaveTextContent('PNG');
    });

    it('loads more, page by page, until there is no more', async () => {
        const firstPage = Array.from({length: filesPageSize}, (_, index) => file(`f${index}`));
        const {client} = renderAttachments({files: firstPage, has_more: true});
        await waitFor(() => expect(fileRows()).toHaveLength(filesPageSize));

        client.getConversationFiles.mockResolvedValueOnce({files: [file('f19'), file('old-1'), file('old-2')], has_more: false});
        fireEvent.click(screen.getByRole('button', {name: 'Load more'}));

        await waitFor(() => expect(fileRows()).toHaveLength(filesPageSize + 2));
        expect(client.getConversationFiles).toHaveBeenLastCalledWith('dm-bob', 1, filesPageSize);
        expect(fileRows().at(-1)).toHaveTextContent('old-2.pdf');
        expect(screen.queryByRole('button', {name: 'Load more'})).toBeNull();
    });

    it('says so when there are no files, and shows a failure with a way to try again', async () => {
        const {client} = renderAttachments(Promise.reject(new ClientError(500, 'Something broke', 'url')));

        expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the files: Something broke');
        client.getConversationFiles.mockResolvedValueOnce({files: [], has_more: false});
        fireEvent.click(screen.getByRole('button', {name: 'Try again'}));

        expect(await screen.findByText('No files shared yet. Files sent in this conversation show up here.')).toBeInTheDocument();
        expect(screen.queryByRole('alert')).toBeNull();
    });

    it('sends the chosen files as one post, then lists the files again', async () => {
        const {client} = renderAttachments({files: [report], has_more: false});
        await waitFor(() => expect(fileRows()).toHaveLength(1));
        client.uploadFiles.mockResolvedValue([{id: 'new-1', name: 'a.txt'}, {id: 'new-2', name: 'b.png'}]);
        client.createPost.mockImplementation((sent) => Promise.resolve(post({channel_id: sent.channel_id, user_id: me.id, message: '', file_ids: sent.file_ids})));
        client.getConversationFiles.mockResolvedValueOnce({files: [file('new-2', {name: 'b.png'}), file('new-1', {name: 'a.txt'}), report], has_more: false});
        const chosen = [new File(['a'], 'a.txt', {type: 'text/plain'}), new File(['b'], 'b.png', {type: 'image/png'})];

        fireEvent.click(screen.getByRole('button', {name: 'Add a file'}));
        fireEvent.change(screen.getByTestId('add-file-input'), {target: {files: chosen}});

        await waitFor(() => expect(fileRows()).toHaveLength(3));
        expect(client.uploadFiles).toHaveBeenCalledTimes(1);
        expect(client.uploadFiles).toHaveBeenCalledWith('dm-bob', chosen);
        expect(client.createPost).toHaveBeenCalledTimes(1);
        expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: '', file_ids: ['new-1', 'new-2']});
        expect(client.getConversationFiles).toHaveBeenLastCalledWith('dm-bob', 0, filesPageSize);
        expect(fileRows()[0]).toHaveTextContent('b.png');
    });

    it('shows why a file could not be sent, and refuses more files than a message takes', async () => {
        const {client} = renderAttachments({files: [], has_more: false});
        await screen.findByText(/No files shared yet/);
        client.uploadFiles.mockRejectedValueOnce(new ClientError(413, 'Unable to upload file. File is too large.', 'url'));

        fireEvent.change(screen.getByTestId('add-file-input'), {target: {files: [new File(['x'], 'huge.iso')]}});
        expect(await screen.findByRole('alert')).toHaveTextContent('Unable to upload file. File is too large.');
        expect(client.createPost).not.toHaveBeenCalled();

        const eleven = Array.from({length: 11}, (_, index) => new File(['x'], `f${index}.txt`));
        fireEvent.change(screen.getByTestId('add-file-input'), {target: {files: eleven}});
        expect(await screen.findByRole('alert')).toHaveTextContent('A message takes at most 10 files: choose 10 or fewer.');
        expect(client.uploadFiles).toHaveBeenCalledTimes(1);
    });
});
