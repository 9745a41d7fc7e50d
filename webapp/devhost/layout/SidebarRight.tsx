// components/sidebar_right and plugins/rhs_plugin: the right-hand sidebar sits in the root
// layout beside every signed-in route (the channel view, a plugin's team route, a /plug/ route),
// and shows a plugin's component while views.rhs says so, under the title it registered.
import React from 'react';
import {useDispatch, useSelector} from 'react-redux';

import {Pluggable} from '../plugins/Pluggable';
import {getPluginComponents} from '../plugins/selectors';
import type {DevHostState} from '../store';
import {closeRightHandSide, RHS_PLUGIN} from '../views/rhs';

export function SidebarRight() {
    const dispatch = useDispatch();
    const rhs = useSelector((state: DevHostState) => state.views.rhs);
    const components = useSelector((state: DevHostState) => getPluginComponents(state, 'RightHandSidebarComponent'));
    const open = rhs.rhsState === RHS_PLUGIN ? components.find((item) => item.id === rhs.pluggableId) : undefined;
    if (!open) {
        return null;
    }
    return (
        <>
            <div className='sidebar--right--width-holder'/>
            <div
                id='sidebar-right'
                className='sidebar--right is-open'
                role='complementary'
                aria-label='Right-hand sidebar'
            >
                <div className='sidebar--right__header'>
                    <span className='sidebar--right__title'>{open.title}</span>
                    <button
                        type='button'
                        aria-label='Close'
                        className='sidebar--right__close'
                        onClick={() => dispatch(closeRightHandSide())}
                    >
                        {'×'}
                    </button>
                </div>
                <div
                    id='rhsContainer'
                    className='sidebar-right__body'
                >
                    <Pluggable
                        pluggableName='RightHandSidebarComponent'
                        pluggableId={open.id}
                    />
                </div>
            </div>
        </>
    );
}
