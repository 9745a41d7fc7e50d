import React, {useEffect} from 'react';
import {useSelector} from 'react-redux';

import {selectSiteURL} from '../../host/site_url';
import {replaceLocation} from '../../navigation';
import {workspacePageURL} from '../../routes';
import {fontStack, themeColors} from '../theme';

// Shown by the web app at /plug/connect-chat/workspace, where a login started from the
// workspace page lands; it loads the server-rendered workspace page.
export function WorkspaceReturn() {
    const workspaceURL = workspacePageURL(useSelector(selectSiteURL));

    useEffect(() => {
        replaceLocation(workspaceURL);
    }, [workspaceURL]);

    return (
        <p style={{padding: 24, fontFamily: fontStack, color: themeColors.centerChannelColor}}>
            {'Opening '}
            <a
                href={workspaceURL}
                style={{color: themeColors.linkColor}}
            >
                {'Connect Workspace'}
            </a>
            {'…'}
        </p>
    );
}
