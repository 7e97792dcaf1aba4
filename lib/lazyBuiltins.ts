import {createRequire} from 'node:module';

// Node builtins that only some commands need, loaded on first use: a static import of zlib,
// crypto and child_process costs every command a few milliseconds of start-up (scripts/bench.mjs).
const require = createRequire(import.meta.url);

export const zlib = (): typeof import('node:zlib') => require(`node:zlib`);
export const crypto = (): typeof import('node:crypto') => require(`node:crypto`);
export const childProcess = (): typeof import('node:child_process') => require(`node:child_process`);
export const os = (): typeof import('node:os') => require(`node:os`);
