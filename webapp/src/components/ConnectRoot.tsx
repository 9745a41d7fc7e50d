import React from 'react';

import {MiniWindowDock} from './mini_windows/MiniWindowDock';
import {AppBarUnreadBadge} from './sidebar/AppBarUnreadBadge';

// What the plugin floats over every page: the mini windows and the app bar icon's badge.
export function ConnectRoot({appBarIconUrl}: {appBarIconUrl: string}) {
    return (
        <>
            <MiniWindowDock/>
            <AppBarUnreadBadge iconUrl={appBarIconUrl}/>
        </>
    );
}
