import React, {useEffect} from 'react';

import {hostSiteURL} from '../../host/site_url';
import {replaceLocation} from '../../navigation';
import {workspacePageURL} from '../../routes';
import {useConnectStylesheet} from '../../styles/stylesheet';

// Shown by the web app at /plug/connect-chat/workspace, where a login started from the
// workspace page lands; it loads the server-rendered workspace page.
export function WorkspaceReturn() {
    useConnectStylesheet();
    const workspaceURL = workspacePageURL(hostSiteURL());

    useEffect(() => {
        replaceLocation(workspaceURL);
    }, [workspaceURL]);

    return (
        <p className='cc-workspace-return'>
            {'Opening '}
            <a href={workspaceURL}>{'Connect Workspace'}</a>
            {'…'}
        </p>
    );
}
