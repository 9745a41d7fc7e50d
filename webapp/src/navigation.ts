// Full page loads leave the current history entry out, so Back does not bounce into a redirect.
export function replaceLocation(url: string): void {
    window.location.replace(url);
}
