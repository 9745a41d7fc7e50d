// components/popout_controller (11.x): the window a thread, an RHS panel or the help opens in
// (/_popout/thread/:team/:postId, /_popout/rhs/:team/:identifier, /_popout/help/:page?). It is a
// LoggedIn page with the plugins' root components and no header, sidebars or app bar. The dev host
// renders that frame and its root components; the thread, RHS and help views are not imitated.
import React, {useEffect} from 'react';

import {Pluggable} from '../plugins/Pluggable';
import {setHostStatus} from '../status';

import {LoggedIn} from './LoggedIn';

function PopoutBody() {
    useEffect(() => setHostStatus('ready'), []);
    return (
        <>
            <Pluggable pluggableName='Root'/>
            <main className='devhost-not-imitated'>{'This popout view is not imitated by the dev host.'}</main>
        </>
    );
}

export function PopoutController() {
    useEffect(() => {
        document.body.classList.add('app__body', 'popout');
        return () => document.body.classList.remove('app__body', 'popout');
    }, []);
    return <LoggedIn><PopoutBody/></LoggedIn>;
}
