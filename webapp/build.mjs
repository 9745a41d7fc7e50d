// Builds the plugin bundles (dist/) and the dev host page (dist-devhost/), which the test rig
// installs as the Mattermost server's web client for `make dev` and the browser tests.
import {createHash} from 'node:crypto';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {gzipSync} from 'node:zlib';

import * as esbuild from 'esbuild';

const webappDir = dirname(fileURLToPath(import.meta.url));
const distDir = join(webappDir, 'dist');
const distDevHostDir = join(webappDir, 'dist-devhost');

// The libraries the Mattermost web app exposes on window for plugins to share.
const hostGlobals = new Map([
    ['react', 'React'],
    ['react-dom', 'ReactDOM'],
    ['redux', 'Redux'],
    ['react-redux', 'ReactRedux'],

    // plugins/export.js: window.ReactIntl = require('react-intl'); the web app's IntlProvider
    // (components/intl_provider) is only visible to plugins through that same copy.
    ['react-intl', 'ReactIntl'],
]);

/** @param {string} text */
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Resolves imports of the host libraries to the web app's window globals.
 * @param {{allowSubpathsOf?: string[]}} options packages whose subpaths (react-dom/client) may be
 *   bundled: they are thin wrappers that require the package root, which stays the global.
 * @returns {esbuild.Plugin}
 */
export function hostGlobalsPlugin({allowSubpathsOf = []} = {}) {
    const packageNames = [...hostGlobals.keys()];
    const alternatives = packageNames.map(escapeRegExp).join('|');
    return {
        name: 'host-globals',
        setup(build) {
            build.onResolve({filter: new RegExp(`^(${alternatives})$`)}, (args) => ({
                path: args.path,
                namespace: 'host-global',
            }));
            build.onResolve({filter: new RegExp(`^(${alternatives})/`)}, (args) => {
                const packageName = packageNames.find((name) => args.path.startsWith(`${name}/`)) ?? args.path;
                if (allowSubpathsOf.includes(packageName)) {
                    return undefined;
                }
                return {errors: [{text: `"${args.path}" is not provided by the Mattermost web app; import "${packageName}" instead.`}]};
            });
            build.onLoad({filter: /.*/, namespace: 'host-global'}, (args) => ({
                contents: `module.exports = window.${hostGlobals.get(args.path)};`,
                loader: 'js',
            }));
        },
    };
}

const inlineSuffix = '?inline';

/**
 * Loads `import css from './x.css?inline'` as the stylesheet's text, its @imports inlined, the
 * way Vitest loads it too. src/styles/stylesheet.ts puts the text into one <style> element: the
 * plugin's main.js is all Mattermost loads, so the CSS travels inside it.
 * @param {{minify: boolean}} options
 * @returns {esbuild.Plugin}
 */
export function inlineCssPlugin({minify}) {
    return {
        name: 'inline-css',
        setup(build) {
            build.onResolve({filter: /\.css\?inline$/}, (args) => ({
                path: join(args.resolveDir, args.path.slice(0, -inlineSuffix.length)),
                namespace: 'inline-css',
            }));
            build.onLoad({filter: /.*/, namespace: 'inline-css'}, async (args) => {
                const result = await esbuild.build({
                    entryPoints: [args.path],
                    bundle: true,
                    write: false,
                    minify,
                    metafile: true,
                    logLevel: 'silent',
                });
                return {
                    contents: result.outputFiles[0].text,
                    loader: 'text',
                    watchFiles: Object.keys(result.metafile.inputs).map((input) => join(webappDir, input)),
                };
            });
        },
    };
}

/**
 * Small stand-ins for three dependencies of @mattermost/commonmark that the browser makes
 * redundant (src/shims explains each); together they would add ~400 KB to main.js. The unit
 * tests resolve the same way (vitest.config.ts).
 */
export const dependencyShims = {
    'xregexp': './src/shims/xregexp.ts',
    'entities': './src/shims/entities.ts',
    'string.prototype.repeat': './src/shims/string_repeat.ts',
};

/** @type {esbuild.BuildOptions} */
const common = {
    absWorkingDir: webappDir,
    alias: dependencyShims,
    bundle: true,
    format: 'iife',
    target: ['es2020'],
    logLevel: 'warning',
    legalComments: 'none',
};

/** @type {esbuild.BuildOptions} */
const production = {minify: true, define: {'process.env.NODE_ENV': '"production"'}};

/** @type {esbuild.BuildOptions} */
const development = {define: {'process.env.NODE_ENV': '"development"'}, sourcemap: 'inline'};

export const pluginBundles = [join(distDir, 'main.js'), join(distDir, 'workspace.js')];

// The emoji picker's catalog ships beside the bundles (the plugin serves it at
// /plugins/<id>/static/emoji.json) and is read when a picker first opens, so main.js does not
// carry it: esbuild's iife bundles, the only format Mattermost loads, cannot split chunks.
export const emojiCatalog = join(distDir, 'emoji.json');

async function writeEmojiCatalog() {
    const source = await readFile(join(webappDir, 'src', 'components', 'emoji', 'emoji_catalog.generated.json'), 'utf8');
    await writeFile(emojiCatalog, JSON.stringify(JSON.parse(source)));
}

export async function buildPlugin() {
    await rm(distDir, {recursive: true, force: true});
    await Promise.all([
        esbuild.build({
            ...common,
            ...production,
            entryPoints: ['src/index.tsx'],
            outfile: pluginBundles[0],
            plugins: [hostGlobalsPlugin(), inlineCssPlugin({minify: true})],
        }),

        // The standalone page runs outside the web app, so it brings its own React and react-intl.
        esbuild.build({
            ...common,
            ...production,
            entryPoints: ['src/standalone/index.tsx'],
            outfile: pluginBundles[1],
            plugins: [inlineCssPlugin({minify: true})],
        }),
    ]);
    await writeEmojiCatalog();
}

/**
 * The server serves /static/* with a year-long max-age but root.html with no-cache, so root.html
 * names each script with a hash of its contents to make browsers fetch a rebuilt one.
 * @param {string} html
 */
async function withScriptVersions(html) {
    let versioned = html;
    for (const fileName of ['host-globals.js', 'host.js']) {
        const contents = await readFile(join(distDevHostDir, fileName));
        const version = createHash('sha256').update(contents).digest('hex').slice(0, 12);
        const source = `src="/static/${fileName}"`;
        if (!versioned.includes(source)) {
            throw new Error(`devhost/root.html does not load /static/${fileName}`);
        }
        versioned = versioned.replace(source, `src="/static/${fileName}?v=${version}"`);
    }
    return versioned;
}

export async function buildDevHost() {
    await rm(distDevHostDir, {recursive: true, force: true});
    await mkdir(distDevHostDir, {recursive: true});
    await Promise.all([
        esbuild.build({
            ...common,
            ...development,
            entryPoints: ['devhost/globals.ts'],
            outfile: join(distDevHostDir, 'host-globals.js'),
        }),
        esbuild.build({
            ...common,
            ...development,
            entryPoints: ['devhost/index.tsx'],
            outfile: join(distDevHostDir, 'host.js'),
            plugins: [hostGlobalsPlugin({allowSubpathsOf: ['react-dom']})],
        }),
    ]);
    const html = await readFile(join(webappDir, 'devhost', 'root.html'), 'utf8');
    await writeFile(join(distDevHostDir, 'root.html'), await withScriptVersions(html));
}

/** @param {string[]} files */
async function printSizes(files) {
    for (const file of files) {
        const contents = await readFile(file);
        const kib = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
        console.log(`${file.slice(webappDir.length + 1)}  ${kib(contents.length)} (gzip ${kib(gzipSync(contents).length)})`);
    }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    await buildPlugin();
    await buildDevHost();
    await printSizes([...pluginBundles, emojiCatalog]);
}
