import {defineConfig} from 'vitest/config';

export default defineConfig({
    esbuild: {jsx: 'transform'},
    test: {
        environment: 'jsdom',
        include: ['src/**/*.test.{ts,tsx}'],
        setupFiles: ['tests/unit/setup.ts'],
        restoreMocks: true,
        unstubGlobals: true,
    },
});
