// A tiny web-app-only plugin, installed on the rig's server by the web app fidelity tests, that
// registers a root component, a team route and a custom route whose components do not name a grid
// area. It is loaded as every enabled plugin is (GET /api/v4/plugins/webapp), so it shows what the
// dev host does with any plugin, not only Connect.
import {gzipSync} from 'node:zlib';

import type {RigEnvironment} from './environment';
import type {Session} from './mattermost';

export const probePluginId = 'fidelity-probe';

const manifest = {
    id: probePluginId,
    name: 'Web app fidelity probe',
    version: '1.0.0',
    min_server_version: '7.0.0',
    webapp: {bundle_path: 'webapp/main.js'},
};

// Uses only what the web app puts on window.
const bundle = `
(function () {
    var h = window.React.createElement;
    function Root() { return h('div', {'data-testid': 'probe-root'}, 'probe root component'); }
    function Page() { return h('section', {'data-testid': 'probe-route'}, 'probe route'); }
    window.registerPlugin('${probePluginId}', {
        initialize: function (registry) {
            registry.registerRootComponent(Root);
            registry.registerNeedsTeamRoute('/page', Page);
            registry.registerCustomRoute('/page', Page);
        },
    });
})();
`;

// One ustar entry: a 512-byte header, then the content padded to 512 bytes.
function tarEntry(name: string, content: string): Buffer {
    const data = Buffer.from(content);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
    header.write(Math.floor(Date.now() / 1000).toString(8).padStart(11, '0') + '\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0' + '00', 257);
    const checksum = header.reduce((sum, byte) => sum + byte, 0);
    header.write(checksum.toString(8).padStart(6, '0') + '\0 ', 148);
    const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
    return Buffer.concat([header, data, padding]);
}

function pluginArchive(): Buffer {
    const dir = `${probePluginId}/`;
    const entries = [tarEntry(`${dir}plugin.json`, JSON.stringify(manifest)), tarEntry(`${dir}webapp/main.js`, bundle)];
    return gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));
}

async function check(response: Response, what: string): Promise<void> {
    if (!response.ok) {
        throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
    }
    await response.body?.cancel();
}

export async function installProbePlugin(env: RigEnvironment, admin: Session): Promise<void> {
    const form = new FormData();
    form.append('plugin', new Blob([new Uint8Array(pluginArchive())]), `${probePluginId}.tar.gz`);
    form.append('force', 'true');
    const headers = {Authorization: `Bearer ${admin.token}`, 'X-Requested-With': 'XMLHttpRequest'};
    await check(await fetch(`${env.url}/api/v4/plugins`, {method: 'POST', headers, body: form}), 'Uploading the probe plugin');
    await check(await fetch(`${env.url}/api/v4/plugins/${probePluginId}/enable`, {method: 'POST', headers}), 'Enabling the probe plugin');
}

export async function removeProbePlugin(env: RigEnvironment, admin: Session): Promise<void> {
    const headers = {Authorization: `Bearer ${admin.token}`, 'X-Requested-With': 'XMLHttpRequest'};
    await check(await fetch(`${env.url}/api/v4/plugins/${probePluginId}`, {method: 'DELETE', headers}), 'Removing the probe plugin');
}
