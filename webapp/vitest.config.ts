import {fileURLToPath} from 'node:url';

import {defineConfig} from 'vitest/config';

import {dependencyShims} from './build.mjs';

// The stand-ins the bundles use for some of @mattermost/commonmark's dependencies.
const alias = Object.fromEntries(Object.entries(dependencyShims).map(([name, path]) => [name, fileURLToPath(new URL(path, import.meta.url))]));

export default defineConfig({
    resolve: {alias},
    test: {
        environment: 'jsdom',
        include: ['src/**/*.test.{ts,tsx}', 'devhost/**/*.test.{ts,tsx}'],
        setupFiles: ['tests/unit/setup.ts'],
        restoreMocks: true,
        unstubGlobals: true,

        // The stylesheet's `.css?inline` import gives its text, as in the bundles.
        css: {include: /\.css(\?inline)?$/},
    },
});
