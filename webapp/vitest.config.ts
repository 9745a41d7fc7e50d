import {defineConfig} from 'vitest/config';

export default defineConfig({
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
