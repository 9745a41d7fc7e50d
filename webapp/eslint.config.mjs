// ESLint for the web app (npm run lint, called by the Makefile's check-style). Every finding is an
// error, so that the lint fails on it: `eslint .` alone exits 0 on warnings.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import {defineConfig, globalIgnores} from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig([
    globalIgnores(['dist/', 'dist-devhost/', 'test-results/']),
    {
        linterOptions: {reportUnusedDisableDirectives: 'error'},
    },
    js.configs.recommended,
    tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: {
                // tsconfig.json covers src/, devhost/, tests/, the configs and build.mjs.
                projectService: {allowDefaultProject: ['eslint.config.mjs']},
                tsconfigRootDir: import.meta.dirname,
            },
        },
    },
    {
        files: ['**/*.{js,mjs}'],
        rules: {
            // TypeScript checks the JavaScript files too (checkJs), names and globals included,
            // as typescript-eslint's own config says for TypeScript files.
            'no-undef': 'off',
        },
    },
    {
        files: ['**/*.{ts,tsx}'],
        ...react.configs.flat.recommended,
        settings: {react: {version: 'detect'}},
    },
    {
        files: ['**/*.{ts,tsx}'],
        ...reactHooks.configs.flat.recommended,
    },
    {
        files: ['**/*.{ts,tsx}'],
        rules: {
            // Recommended as warnings, which would not fail the lint.
            'react-hooks/exhaustive-deps': 'error',
            'react-hooks/incompatible-library': 'error',
            'react-hooks/unsupported-syntax': 'error',

            // TypeScript checks the props.
            'react/prop-types': 'off',
        },
    },
]);
