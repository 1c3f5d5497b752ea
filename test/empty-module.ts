// Stands in for the `server-only` guard package under vitest, which does not run with the react-server condition.
export {};
