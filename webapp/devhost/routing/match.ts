// react-router's (non-exact) path matching as the web app's <Route path=...> uses it: a path
// matches the location's path when it equals it or is followed by a slash.
export function matchesPrefix(pathname: string, path: string): boolean {
    return pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}

// The first path segment, which the web app's /:team route takes as the team name.
export function teamNameOf(pathname: string): string {
    return pathname.split('/')[1] ?? '';
}

// The path after /<team name>.
export function pathInTeam(pathname: string): string {
    return pathname.slice(teamNameOf(pathname).length + 1);
}
