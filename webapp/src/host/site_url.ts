function withoutTrailingSlash(url: string): string {
    return url.endsWith('/') ? url.slice(0, -1) : url;
}

// The web app's rule (webapp/channels/src/utils/url.tsx, getSiteURL): the page's origin plus the
// subpath the web app is served under, never the configured Site URL, so that a user who reaches
// the server by another name or scheme still makes same-origin requests.
export function siteURLFromWindow(location: Pick<Location, 'origin'>, basename: string | undefined): string {
    return withoutTrailingSlash(withoutTrailingSlash(location.origin) + (basename ?? ''));
}

export function hostSiteURL(): string {
    return siteURLFromWindow(window.location, window.basename);
}

// A page the plugin serves itself (/<subpath>/plugins/<id>/...) finds the subpath in its own path.
export function siteURLOfPluginPage(location: Pick<Location, 'origin' | 'pathname'>, pluginId: string): string {
    const at = location.pathname.indexOf(`/plugins/${pluginId}/`);
    return siteURLFromWindow(location, at > 0 ? location.pathname.slice(0, at) : undefined);
}
