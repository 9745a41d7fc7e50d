import React, {useState, type ComponentType, type ReactNode} from 'react';
import {useSelector} from 'react-redux';

import type {HostChannel, HostChannelMembership} from '../src/types/registry';

import {HostHeader, SignedInAccount} from './HostHeader';
import type {HarnessState} from './store';

// Stands in for the channel the web app would have open.
const currentChannel: HostChannel = {
    id: 'harness-channel',
    team_id: 'harness-team',
    type: 'O',
    name: 'town-square',
    display_name: 'Town Square',
};

function textOf(node: ReactNode): string | undefined {
    return typeof node === 'string' ? node : undefined;
}

function useHarness<T>(select: (harness: HarnessState['harness']) => T): T {
    return useSelector((state: HarnessState) => select(state.harness));
}

function useCurrentMembership(): HostChannelMembership {
    const userId = useSelector((state: HarnessState) => state.entities.users.currentUserId);
    return {channel_id: currentChannel.id, user_id: userId};
}

function PluginButton({label, onClick, children}: {label: ReactNode; onClick: () => void; children: ReactNode}) {
    return (
        <button
            type='button'
            aria-label={textOf(label)}
            title={textOf(label)}
            onClick={onClick}
        >
            {children}
        </button>
    );
}

function AppBar() {
    const items = useHarness((harness) => harness.components.appBar);
    const membership = useCurrentMembership();
    return (
        <nav
            aria-label='App bar'
            className='host-app-bar'
        >
            {items.map((item) => (
                <PluginButton
                    key={item.id}
                    label={item.tooltipText}
                    onClick={() => item.action(currentChannel, membership)}
                >
                    <img
                        src={item.iconUrl}
                        alt=''
                        width={24}
                        height={24}
                    />
                </PluginButton>
            ))}
        </nav>
    );
}

function ChannelHeader() {
    const items = useHarness((harness) => harness.components.channelHeader);
    const membership = useCurrentMembership();
    return (
        <div
            role='toolbar'
            aria-label='Channel header'
            className='host-channel-header'
        >
            <strong>{currentChannel.display_name}</strong>
            {items.map((item) => (
                <PluginButton
                    key={item.id}
                    label={item.tooltipText}
                    onClick={() => item.action(currentChannel, membership)}
                >
                    {item.icon}
                </PluginButton>
            ))}
        </div>
    );
}

function RightHandSidebar() {
    const open = useHarness((harness) => harness.components.rightHandSidebar.find((item) => item.id === harness.openRightHandSidebarId));
    if (!open) {
        return null;
    }
    const Component = open.component;
    return (
        <aside
            aria-label='Right-hand sidebar'
            className='host-rhs'
        >
            <div className='host-rhs-title'>{open.title}</div>
            <Component/>
        </aside>
    );
}

// Like the web app's root pluggables: mounted on every signed-in page.
function RootComponents() {
    const items = useHarness((harness) => harness.components.root);
    return (
        <>
            {items.map((item) => {
                const Component = item.component;
                return <Component key={item.id}/>;
            })}
        </>
    );
}

function matchingRoute(routes: Array<{route: string; component: ComponentType}>, pathname: string) {
    return routes.find((item) => pathname === item.route || pathname.startsWith(`${item.route}/`));
}

// /<team name>/<plugin id>/<route>: the team name is any first segment.
function withoutTeam(pathname: string): string {
    return pathname.replace(/^\/[^/]+/, '');
}

function PageContent({pathname}: {pathname: string}) {
    const customRoutes = useHarness((harness) => harness.components.customRoutes);
    const teamRoutes = useHarness((harness) => harness.components.teamRoutes);
    const route = matchingRoute(customRoutes, pathname) ?? matchingRoute(teamRoutes, withoutTeam(pathname));
    if (route) {
        const RouteComponent = route.component;
        return (
            <main className='host-custom-route'>
                <RouteComponent/>
            </main>
        );
    }
    return (
        <div className='host-layout'>
            <main className='host-center'>
                <ChannelHeader/>
                <p className='host-placeholder'>{'Channel view'}</p>
            </main>
            <RightHandSidebar/>
            <AppBar/>
        </div>
    );
}

// Like the web app: /plug/<plugin id>/<route> shows a plugin's custom route, any other path the channel view.
// The web app's main menu (the team menu): the entries plugins registered.
function MainMenu() {
    const items = useHarness((harness) => harness.components.mainMenu);
    const [open, setOpen] = useState(false);
    return (
        <div className='host-main-menu'>
            <button
                type='button'
                aria-haspopup='menu'
                aria-expanded={open}
                onClick={() => setOpen((shown) => !shown)}
            >
                {'Main menu'}
            </button>
            {open && (
                <ul
                    role='menu'
                    aria-label='Main menu'
                >
                    {items.map((item) => (
                        <li
                            key={item.id}
                            role='none'
                        >
                            <button
                                type='button'
                                role='menuitem'
                                onClick={() => {
                                    setOpen(false);
                                    item.action();
                                }}
                            >
                                {item.text}
                            </button>
                        </li>
                    ))}
                </ul>
            )}
        </div>
    );
}

export function HostApp({siteURL, pathname}: {siteURL: string; pathname: string}) {
    return (
        <div className='host-page'>
            <HostHeader>
                <MainMenu/>
                <SignedInAccount siteURL={siteURL}/>
            </HostHeader>
            <PageContent pathname={pathname}/>
            <RootComponents/>
        </div>
    );
}
