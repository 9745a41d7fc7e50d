import React, {useEffect, useId, useRef, type KeyboardEvent, type MouseEvent, type SyntheticEvent} from 'react';
import {defineMessages} from 'react-intl';
import {createPortal} from 'react-dom';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';

const messages = defineMessages({
    download: {id: 'connect.lightbox.download', defaultMessage: 'Download'},
});

interface Props {
    title: string;
    imageURL: string;
    downloadURL: string;

    // Escape, the close button or a click outside the image; the opener takes focus back.
    onClose: () => void;
}

const focusable = 'a[href], button:not([disabled])';

// Stops an event in the lightbox from reaching the window it was opened from (React passes
// events up through a portal): Escape would close the window, focus moving inside would count as
// the window's.
function stop(event: SyntheticEvent) {
    event.stopPropagation();
}

// A larger view of an image over the page: a modal dialog that keeps focus inside it.
export function Lightbox({title, imageURL, downloadURL, onClose}: Props) {
    const titleId = useId();
    const intl = useConnectIntl();
    const dialogRef = useRef<HTMLDivElement>(null);
    const closeRef = useRef<HTMLButtonElement>(null);

    useEffect(() => {
        closeRef.current?.focus();
    }, []);

    const onKeyDown = (event: KeyboardEvent) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
            return;
        }
        if (event.key !== 'Tab' || !dialogRef.current) {
            return;
        }
        const stops = Array.from(dialogRef.current.querySelectorAll<HTMLElement>(focusable));
        const first = stops[0];
        const last = stops[stops.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first?.focus();
        }
    };

    const onBackdropClick = (event: MouseEvent) => {
        event.stopPropagation();
        if (event.target === event.currentTarget) {
            onClose();
        }
    };

    return createPortal(
        <div
            className='cc-lightbox'
            data-testid='lightbox-backdrop'
            onClick={onBackdropClick}
            onKeyDown={onKeyDown}
            onFocus={stop}
            onBlur={stop}
            onDragEnter={stop}
            onDragOver={stop}
            onDragLeave={stop}
            onDrop={stop}
        >
            <div
                ref={dialogRef}
                className='cc-lightbox-dialog'
                role='dialog'
                aria-modal='true'
                aria-labelledby={titleId}
            >
                <div className='cc-lightbox-bar'>
                    <h2
                        id={titleId}
                        className='cc-lightbox-title'
                    >
                        {title}
                    </h2>
                    <a
                        className='cc-lightbox-download'
                        href={downloadURL}
                        target='_blank'
                        rel='noopener noreferrer'
                    >
                        {intl.formatMessage(messages.download)}
                    </a>
                    <IconButton
                        ref={closeRef}
                        label={intl.formatMessage(commonMessages.close)}
                        onClick={onClose}
                    >
                        <CloseIcon/>
                    </IconButton>
                </div>
                <img
                    className='cc-lightbox-image'
                    src={imageURL}
                    alt={title}
                />
            </div>
        </div>,
        document.body,
    );
}
