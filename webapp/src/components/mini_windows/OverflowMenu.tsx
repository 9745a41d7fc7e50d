import React, {useId} from 'react';
import {defineMessages} from 'react-intl';
import {useDispatch, useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {windowOpened} from '../../state/actions';
import {selectConversationsById} from '../../state/selectors';
import type {MiniWindow} from '../../state/types';
import {useMenu} from '../common/Menu';
import {UnreadBadge} from '../common/UnreadBadge';

const messages = defineMessages({
    chip: {id: 'connect.dock.overflow.chip', defaultMessage: '{count, plural, one {# more conversation} other {# more conversations}}'},
    menu: {id: 'connect.dock.overflow.menu', defaultMessage: 'More conversations'},
});

// The "+N" chip holding the windows that do not fit (F-21); choosing one brings it into the dock.
export function OverflowMenu({windows}: {windows: MiniWindow[]}) {
    const dispatch = useDispatch();
    const intl = useConnectIntl();
    const byId = useSelector(selectConversationsById);
    const {open, setOpen, containerRef, buttonRef, onMenuKeyDown, onBlur} = useMenu();
    const menuId = useId();
    const unread = windows.reduce((total, window) => total + (byId[window.id]?.unread_count ?? 0), 0);

    const choose = (id: string) => {
        setOpen(false);
        dispatch(windowOpened(id));
    };

    return (
        <div
            ref={containerRef}
            className='cc-overflow'
            onBlur={onBlur}
        >
            <button
                ref={buttonRef}
                type='button'
                className='cc-overflow-chip'
                aria-haspopup='menu'
                aria-expanded={open}
                aria-controls={menuId}
                aria-label={intl.formatMessage(messages.chip, {count: windows.length})}
                onClick={() => setOpen((shown) => !shown)}
            >
                {`+${windows.length}`}
                {unread > 0 && ' '}
                <UnreadBadge
                    count={unread}
                    decorative={true}
                />
            </button>
            {open && (
                <ul
                    id={menuId}
                    role='menu'
                    aria-label={intl.formatMessage(messages.menu)}
                    className='cc-overflow-menu'
                    onKeyDown={onMenuKeyDown}
                >
                    {windows.map((window) => (
                        <li
                            key={window.id}
                            role='none'
                        >
                            <button
                                type='button'
                                role='menuitem'
                                className='cc-overflow-item'
                                onClick={() => choose(window.id)}
                            >
                                <span className='cc-overflow-item-name'>{byId[window.id]?.name ?? 'Conversation'}</span>
                                <UnreadBadge
                                    count={byId[window.id]?.unread_count ?? 0}
                                    decorative={true}
                                />
                            </button>
                        </li>
                    ))}
                </ul>
            )}
        </div>
    );
}
