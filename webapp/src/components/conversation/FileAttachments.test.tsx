import {fireEvent, render, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import type {FileInfo} from '../../types/mattermost';

import {FileAttachments, isImageFile} from './FileAttachments';
import {englishIntl} from '../../i18n/intl';

import {formatFileSize} from './file_size';

const siteURL = 'https://chat.example.com';
const screenshot: FileInfo = {id: 'img1', name: 'screen.png', mime_type: 'image/png', size: 48_000, has_preview_image: true, width: 1600, height: 900, extension: 'png'};
const report: FileInfo = {id: 'pdf1', name: 'report.pdf', mime_type: 'application/pdf', size: 1_250_000, extension: 'pdf'};

function renderFiles(files: FileInfo[]) {
    return render(
        <FileAttachments
            files={files}
            siteURL={siteURL}
        />,
    );
}

describe('a post\'s files', () => {
    it('shows an image as its thumbnail and another file as a download chip', () => {
        renderFiles([screenshot, report]);

        const thumbnail = screen.getByRole('button', {name: 'screen.png'});
        const image = within(thumbnail).getByRole('img', {name: 'screen.png'});
        expect(image).toHaveAttribute('src', 'https://chat.example.com/api/v4/files/img1/thumbnail');
        expect(image).toHaveAttribute('width', '120');
        expect(image).toHaveAttribute('height', '68');

        const chip = screen.getByRole('link', {name: /report\.pdf/});
        expect(chip).toHaveAttribute('href', 'https://chat.example.com/api/v4/files/pdf1?download=1');
        expect(chip).toHaveTextContent('report.pdf1.2 MB');
        expect(chip.querySelector('img')).toBeNull();
        expect(screen.queryByRole('link', {name: /screen\.png/})).toBeNull();
    });

    it('tells images by their type or their preview', () => {
        expect(isImageFile({id: 'a', name: 'a.jpg', mime_type: 'image/jpeg'})).toBe(true);
        expect(isImageFile({id: 'b', name: 'b', has_preview_image: true})).toBe(true);
        expect(isImageFile({id: 'c', name: 'c.txt', mime_type: 'text/plain'})).toBe(false);
        expect(isImageFile({id: 'd', name: 'Attached file'})).toBe(false);
    });

    it('falls back to a chip when the thumbnail does not load', () => {
        renderFiles([{...screenshot, has_preview_image: false, mime_type: 'image/svg+xml', name: 'logo.svg'}]);

        fireEvent.error(screen.getByRole('img', {name: 'logo.svg'}));

        expect(screen.getByRole('link', {name: /logo\.svg/})).toHaveAttribute('href', 'https://chat.example.com/api/v4/files/img1?download=1');
        expect(screen.queryByRole('button', {name: 'logo.svg'})).toBeNull();
    });

    it('opens an image in a lightbox; Escape closes it and focus goes back to the thumbnail', async () => {
        const onWindowKeyDown = vi.fn();
        render(
            <div onKeyDown={onWindowKeyDown}>
                <FileAttachments
                    files={[screenshot]}
                    siteURL={siteURL}
                />
            </div>,
        );
        const thumbnail = screen.getByRole('button', {name: 'screen.png'});
        thumbnail.focus();

        fireEvent.click(thumbnail);

        const dialog = screen.getByRole('dialog', {name: 'screen.png'});
        expect(dialog).toHaveAttribute('aria-modal', 'true');
        expect(within(dialog).getByRole('img', {name: 'screen.png'})).toHaveAttribute('src', 'https://chat.example.com/api/v4/files/img1/preview');
        expect(within(dialog).getByRole('link', {name: 'Download'})).toHaveAttribute('href', 'https://chat.example.com/api/v4/files/img1?download=1');
        await waitFor(() => expect(within(dialog).getByRole('button', {name: 'Close'})).toHaveFocus());

        fireEvent.keyDown(within(dialog).getByRole('button', {name: 'Close'}), {key: 'Escape'});

        expect(screen.queryByRole('dialog')).toBeNull();
        expect(thumbnail).toHaveFocus();

        // Escape in the lightbox is not also the window's (which would close it).
        expect(onWindowKeyDown).not.toHaveBeenCalled();
    });

    it('closes the lightbox with a click outside the image or its close button, and keeps Tab inside', async () => {
        renderFiles([screenshot]);
        const thumbnail = screen.getByRole('button', {name: 'screen.png'});

        fireEvent.click(thumbnail);
        const dialog = screen.getByRole('dialog');
        fireEvent.click(within(dialog).getByRole('img'));
        expect(screen.getByRole('dialog')).toBeInTheDocument();
        const close = within(dialog).getByRole('button', {name: 'Close'});
        await waitFor(() => expect(close).toHaveFocus());
        fireEvent.keyDown(close, {key: 'Tab'});
        expect(within(dialog).getByRole('link', {name: 'Download'})).toHaveFocus();
        fireEvent.keyDown(within(dialog).getByRole('link', {name: 'Download'}), {key: 'Tab', shiftKey: true});
        expect(close).toHaveFocus();

        fireEvent.click(screen.getByTestId('lightbox-backdrop'));
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(thumbnail).toHaveFocus();

        fireEvent.click(thumbnail);
        fireEvent.click(screen.getByRole('button', {name: 'Close'}));
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(thumbnail).toHaveFocus();
    });

    it('writes sizes the way Mattermost does', () => {
        expect(formatFileSize(englishIntl(), 512)).toBe('512 B');
        expect(formatFileSize(englishIntl(), 2048)).toBe('2 KB');
        expect(formatFileSize(englishIntl(), 1_250_000)).toBe('1.2 MB');
        expect(formatFileSize(englishIntl(), 50 * 1024 * 1024)).toBe('50 MB');
    });
});
