// Stands in for the string.prototype.repeat polyfill: every browser Connect supports has it.
export {};
