// components/root/root.tsx: the routes. /login (and the other signed-out pages) stand alone;
// /_popout/ is the 11.x popout window; every other route sits in the root grid
// (sass/base/_structure.scss): the global header, the team sidebar, the main wrapper (lhs center
// rhs) holding the route, the plugins' global components and the right-hand sidebar, and the app
// bar. /plug/<plugin route> shows the plugin's custom route without LoggedIn; /admin_console and
// /:team are LoggedIn routes; "/" redirects.
import React, {useEffect} from 'react';
import {useSelector} from 'react-redux';

import {getCurrentUserId} from 'mattermost-redux/selectors/entities/users';

import {TeamController} from '../channel_view/TeamController';
import {LoginPage} from '../login/LoginPage';
import {gridAreaCenterClassName, Pluggable} from '../plugins/Pluggable';
import {getPluginComponents} from '../plugins/selectors';
import {useLocation} from '../routing/history';
import {matchesPrefix} from '../routing/match';
import {setHostStatus} from '../status';
import type {DevHostState} from '../store';
import {AdminConsole} from '../system_console/AdminConsole';
import {useAppliedTheme} from '../theme';

import {AppBar} from './AppBar';
import {GlobalHeader} from './GlobalHeader';
import {LoggedIn} from './LoggedIn';
import {PopoutController} from './PopoutController';
import {RootRedirect} from './RootRedirect';
import {SidebarRight} from './SidebarRight';
import {TeamSidebar} from './TeamSidebar';

function PlugRoute({id}: {id: string}) {
    const signedIn = useSelector((state: DevHostState) => Boolean(getCurrentUserId(state)));
    useEffect(() => setHostStatus(signedIn ? 'ready' : 'signed-out'), [signedIn]);
    return (
        <Pluggable
            pluggableName='CustomRouteComponent'
            pluggableId={id}
            className={gridAreaCenterClassName}
        />
    );
}

function MainRoute({pathname}: {pathname: string}) {
    const customRoutes = useSelector((state: DevHostState) => getPluginComponents(state, 'CustomRouteComponent'));
    const plugRoute = customRoutes.find((item) => matchesPrefix(pathname, `/plug/${item.route ?? ''}`));
    if (plugRoute) {
        return <PlugRoute id={plugRoute.id}/>;
    }
    if (matchesPrefix(pathname, '/admin_console')) {
        return <LoggedIn><AdminConsole/></LoggedIn>;
    }
    if (pathname === '/') {
        return <RootRedirect/>;
    }
    return <LoggedIn><TeamController/></LoggedIn>;
}

export function Root() {
    useAppliedTheme();
    const {pathname} = useLocation();
    if (matchesPrefix(pathname, '/login')) {
        return <LoginPage/>;
    }
    if (matchesPrefix(pathname, '/_popout')) {
        return <PopoutController/>;
    }
    return (
        <>
            <GlobalHeader/>
            <TeamSidebar/>
            <div className='main-wrapper'>
                <MainRoute pathname={pathname}/>
                <Pluggable pluggableName='Global'/>
                <SidebarRight/>
            </div>
            <AppBar/>
        </>
    );
}
