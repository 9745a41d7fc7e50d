// The parts of a manifest in GET /api/v4/plugins/webapp that loading a bundle needs.
export interface WebappPluginManifest {
    id: string;
    version: string;
    webapp?: {bundle_path?: string};
}

export async function fetchJSON<T>(url: string): Promise<T> {
    const response = await fetch(url, {credentials: 'include', headers: {'X-Requested-With': 'XMLHttpRequest'}});
    if (!response.ok) {
        throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    }
    return await response.json() as T;
}

// As the web app does: the server serves an enabled plugin's bundle at /static/plugins/<id>/<file>,
// where <file> is the name it generated and reports at the end of bundle_path (whose directory,
// /static/<id>/, is not where it is served).
export function bundleURL(siteURL: string, manifest: WebappPluginManifest): string {
    const bundlePath = manifest.webapp?.bundle_path;
    if (!bundlePath) {
        throw new Error(`Plugin ${manifest.id} has no webapp bundle in GET /api/v4/plugins/webapp.`);
    }
    const fileName = bundlePath.slice(bundlePath.lastIndexOf('/') + 1);
    return `${siteURL}/static/plugins/${manifest.id}/${fileName}`;
}

export function loadScript(src: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`Could not load ${src}`));
        document.head.appendChild(script);
    });
}
