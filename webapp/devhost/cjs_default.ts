// mattermost-redux is CommonJS with __esModule defaults. This package is "type": "module", so
// esbuild imports a CommonJS default the Node way (the whole exports object) while Vitest takes
// exports.default; this gives the default export either way.
export function cjsDefault<T>(imported: T): T {
    const module = imported as {__esModule?: boolean; default?: T};
    return module.__esModule && module.default !== undefined ? module.default : imported;
}
