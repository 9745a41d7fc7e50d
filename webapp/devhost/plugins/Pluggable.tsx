// plugins/pluggable/pluggable.tsx: a pluggable renders each component registered under its name
// (or the one with pluggableId), each in an error boundary and with no wrapper element of its
// own, handing it every extra prop plus theme and webSocketClient.
import React, {Component, type ReactNode} from 'react';
import {useSelector} from 'react-redux';

import {getTheme} from 'mattermost-redux/selectors/entities/preferences';

import type {DevHostState} from '../store';
import {webSocketClient} from '../websocket';

import {getPluginComponents} from './selectors';

// plugins/pluggable/error_boundary.tsx: one failing plugin component does not take the page down.
class PluggableErrorBoundary extends Component<{pluginId: string; children: ReactNode}, {failed: boolean}> {
    override state = {failed: false};

    static getDerivedStateFromError() {
        return {failed: true};
    }

    override render() {
        if (this.state.failed) {
            return <div className='devhost-plugin-error'>{`A component of the plugin ${this.props.pluginId} failed.`}</div>;
        }
        return this.props.children;
    }
}

type Props = {
    pluggableName: string;
    pluggableId?: string;
    [prop: string]: unknown;
};

export function Pluggable({pluggableName, pluggableId, ...otherProps}: Props) {
    const components = useSelector((state: DevHostState) => getPluginComponents(state, pluggableName));
    const theme = useSelector(getTheme);
    const shown = pluggableId ? components.filter((item) => item.id === pluggableId) : components;
    return (
        <>
            {shown.map((item) => {
                const PluginComponent = item.component;
                if (!PluginComponent) {
                    return null;
                }
                return (
                    <PluggableErrorBoundary
                        key={pluggableName + item.id}
                        pluginId={item.pluginId}
                    >
                        <PluginComponent
                            {...otherProps}
                            theme={theme}
                            webSocketClient={webSocketClient}
                        />
                    </PluggableErrorBoundary>
                );
            })}
        </>
    );
}

// The web app writes <Pluggable css={{gridArea: 'center'}}/> for routes; its styled-components
// babel plugin (webapp/channels/babel.config.js) turns that css prop into a generated className,
// which the pluggable hands the route component like any other prop. A component that does not
// put that className (or its own grid-area) on its root element is not placed in the center.
export const gridAreaCenterClassName = 'devhost-css-grid-area-center';
