// The browser history the web app routes with (utils/browser_history: react-router's history),
// reduced to what the dev host needs: push and replace change the URL without loading a page, and
// every change of location re-renders the routes. export.js hands it to plugins as
// WebappUtils.browserHistory.
import {useSyncExternalStore} from 'react';

export interface DevHostLocation {
    pathname: string;
    search: string;
}

const listeners = new Set<() => void>();
let current: DevHostLocation = readLocation();

function readLocation(): DevHostLocation {
    return {pathname: window.location.pathname, search: window.location.search};
}

function changed(): void {
    const next = readLocation();
    if (next.pathname === current.pathname && next.search === current.search) {
        return;
    }
    current = next;
    listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', changed);

export const browserHistory = {
    push(path: string): void {
        window.history.pushState(null, '', path);
        changed();
    },
    replace(path: string): void {
        window.history.replaceState(null, '', path);
        changed();
    },
    get location(): DevHostLocation {
        return current;
    },
    listen,
};

function listen(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function useLocation(): DevHostLocation {
    return useSyncExternalStore(listen, () => current);
}
