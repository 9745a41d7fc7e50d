import React from 'react';
import {useSelector} from 'react-redux';

import {selectTotalUnread} from '../../state/selectors';
import {useConnectStylesheet} from '../../styles/stylesheet';
import {ConnectIcon} from '../common/icons';
import {UnreadBadge} from '../common/UnreadBadge';

// The channel header button's icon, with the total unread count on it, live.
export function SidebarToggleIcon() {
    useConnectStylesheet();
    const totalUnread = useSelector(selectTotalUnread);
    return (
        <span
            className='cc-header-icon'
            data-testid='connect-header-icon'
        >
            <ConnectIcon/>
            <UnreadBadge count={totalUnread}/>
        </span>
    );
}
