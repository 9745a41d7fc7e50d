// A stylesheet's text, as build.mjs and Vitest load a `.css?inline` import.
declare module '*.css?inline' {
    const css: string;
    export default css;
}
