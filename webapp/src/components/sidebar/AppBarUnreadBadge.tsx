import React, {useEffect, useState} from 'react';
import {createPortal} from 'react-dom';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {selectTotalUnread} from '../../state/selectors';
import {unreadLabel} from '../common/UnreadBadge';

interface Corner {
    top: number;
    left: number;
}

function iconCorner(iconUrl: string): Corner | null {
    const icon = Array.from(document.querySelectorAll('img')).find((image) => image.getAttribute('src') === iconUrl);
    if (!icon) {
        return null;
    }
    const rect = icon.getBoundingClientRect();
    return rect.width > 0 ? {top: Math.round(rect.top), left: Math.round(rect.right)} : null;
}

// The web app's app bar takes only an icon URL, with no way to badge it. This draws the total
// unread count over the top right corner of the plugin's app bar icon, which it finds by its
// URL, following it as the page changes. Without an app bar icon on the page it draws nothing;
// the channel header icon and the sidebar heading carry the same count.
export function AppBarUnreadBadge({iconUrl}: {iconUrl: string}) {
    const totalUnread = useSelector(selectTotalUnread);
    const intl = useConnectIntl();
    const [corner, setCorner] = useState<Corner | null>(null);
    const shown = totalUnread > 0;

    useEffect(() => {
        if (!shown) {
            return undefined;
        }
        let frame = 0;
        const measure = () => {
            frame = 0;
            const next = iconCorner(iconUrl);
            setCorner((current) => (current?.top === next?.top && current?.left === next?.left ? current : next));
        };
        const schedule = () => {
            if (!frame) {
                frame = requestAnimationFrame(measure);
            }
        };
        measure();
        const observer = new MutationObserver(schedule);
        observer.observe(document.body, {childList: true, subtree: true});
        window.addEventListener('resize', schedule);
        return () => {
            cancelAnimationFrame(frame);
            observer.disconnect();
            window.removeEventListener('resize', schedule);

            // Shown again later, the badge waits for a new measurement.
            setCorner(null);
        };
    }, [iconUrl, shown]);

    if (!shown || !corner) {
        return null;
    }
    return createPortal(
        <span
            className='cc-badge cc-app-bar-badge'
            style={{top: corner.top, left: corner.left}}
            title={unreadLabel(intl, totalUnread)}
            aria-hidden='true'
            data-testid='app-bar-unread-badge'
        >
            {totalUnread > 99 ? '99+' : totalUnread}
        </span>,
        document.body,
    );
}
