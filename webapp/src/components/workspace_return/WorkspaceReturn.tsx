import React, {useEffect} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {hostSiteURL} from '../../host/site_url';
import {replaceLocation} from '../../navigation';
import {workspacePageURL} from '../../routes';
import {useConnectStylesheet} from '../../styles/stylesheet';

const messages = defineMessages({
    opening: {id: 'connect.workspace_return.opening', defaultMessage: 'Opening <link>Connect Workspace</link>…'},
});

// Shown by the web app at /plug/connect-chat/workspace, where a login started from the
// workspace page lands; it loads the server-rendered workspace page.
export function WorkspaceReturn() {
    useConnectStylesheet();
    const intl = useConnectIntl();
    const workspaceURL = workspacePageURL(hostSiteURL());

    useEffect(() => {
        replaceLocation(workspaceURL);
    }, [workspaceURL]);

    return (
        <p className='cc-workspace-return'>
            {intl.formatMessage(messages.opening, {link: (text: React.ReactNode[]) => <a href={workspaceURL}>{text}</a>})}
        </p>
    );
}
