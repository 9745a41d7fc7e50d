declare global {
    interface Window {
        // Set by the server's root.html when Mattermost is served under a subpath.
        basename?: string;
    }
}

// utils/url.tsx getSiteURL(): the page's own origin plus the subpath, never the configured SiteURL.
export function getSiteURL(): string {
    return window.location.origin + (window.basename ?? '');
}
