import {useLayoutEffect, useRef} from 'react';
import {useDispatch} from 'react-redux';

import {sidebarInsetChanged} from '../../state/actions';

// Tells the mini window dock where the sidebar begins, so the windows dock beside it. Mattermost
// mounts the sidebar only while it is shown; unmounting says it is gone.
export function useSidebarInset<T extends HTMLElement>() {
    const ref = useRef<T>(null);
    const dispatch = useDispatch();

    useLayoutEffect(() => {
        const element = ref.current;
        if (!element) {
            return undefined;
        }
        let reported: number | null = null;
        const measure = () => {
            const inset = Math.max(0, Math.round(window.innerWidth - element.getBoundingClientRect().left));
            if (inset !== reported) {
                reported = inset;
                dispatch(sidebarInsetChanged(inset));
            }
        };
        measure();

        // The web app may slide the sidebar in or let the user widen it.
        const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
        observer?.observe(element);
        window.addEventListener('resize', measure);
        return () => {
            observer?.disconnect();
            window.removeEventListener('resize', measure);
            dispatch(sidebarInsetChanged(null));
        };
    }, [dispatch]);

    return ref;
}
