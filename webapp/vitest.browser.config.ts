import {defineConfig} from 'vitest/config';

// Browser tests drive Debian's Chromium against the real Mattermost server the Go test rig starts.
export default defineConfig({
    test: {
        environment: 'node',
        include: ['tests/browser/**/*.spec.ts'],
        fileParallelism: false,
        testTimeout: 120_000,
        hookTimeout: 120_000,
    },
});
