import {useEffect, useState} from 'react';
import {useDispatch} from 'react-redux';

import {dockCapacityChanged} from '../../state/actions';

export const windowWidth = 320;
export const windowGap = 8;

// Room kept free at the left end of the dock for the overflow chip.
const overflowReserve = 96;

// Where the windows end on the right while the sidebar is hidden: clear of the web app's app bar.
export const appBarInset = 64;

export function dockCapacity(viewportWidth: number, rightInset: number): number {
    return Math.max(1, Math.floor((viewportWidth - rightInset - overflowReserve + windowGap) / (windowWidth + windowGap)));
}

function useViewportWidth(): number {
    const [width, setWidth] = useState(() => window.innerWidth);
    useEffect(() => {
        const update = () => setWidth(window.innerWidth);
        window.addEventListener('resize', update);
        return () => window.removeEventListener('resize', update);
    }, []);
    return width;
}

// Keeps the plugin's state told how many windows fit, so opening a window knows whether it shows.
export function useDockCapacity(rightInset: number): void {
    const dispatch = useDispatch();
    const capacity = dockCapacity(useViewportWidth(), rightInset);
    useEffect(() => {
        dispatch(dockCapacityChanged(capacity));
    }, [dispatch, capacity]);
}
