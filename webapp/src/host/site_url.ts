import type {HostState} from '../types/host_state';

function withoutTrailingSlash(url: string): string {
    return url.endsWith('/') ? url.slice(0, -1) : url;
}

// Same rule as the Mattermost web app: the configured Site URL, else the page's origin
// plus the subpath the web app is served under.
export function siteURLFromWindow(location: Pick<Location, 'origin'>, basename: string | undefined): string {
    return withoutTrailingSlash(withoutTrailingSlash(location.origin) + (basename ?? ''));
}

export function selectSiteURL(state: HostState): string {
    const configured = state.entities.general.config.SiteURL;
    if (configured) {
        return withoutTrailingSlash(configured);
    }
    return siteURLFromWindow(window.location, window.basename);
}
