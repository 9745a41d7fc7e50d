import {defineConfig} from 'vitest/config';

import browserConfig from './vitest.browser.config';

// Browser benchmarks: they print figures and assert nothing about time (make bench-webapp).
export default defineConfig({
    test: {
        ...browserConfig.test,
        include: ['tests/browser/**/*.bench.ts'],
        testTimeout: 300_000,
    },
});
