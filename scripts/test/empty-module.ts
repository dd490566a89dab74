// Stands in for `server-only` under Vitest, which does not run React's server conditions.
export {};
