import {createRequire} from 'node:module';

// Node builtins that only some commands need, loaded on first use: a static import of zlib,
// crypto and child_process costs every command a few milliseconds of start-up (scripts/bench.mjs).
// The bundles are CommonJS and have a require of their own; under tsx (tests) this is an ES module.
const load: NodeJS.Require = typeof require === `function` ? require : createRequire(import.meta.url);

export const zlib = (): typeof import('node:zlib') => load(`node:zlib`);
export const crypto = (): typeof import('node:crypto') => load(`node:crypto`);
export const childProcess = (): typeof import('node:child_process') => load(`node:child_process`);
export const os = (): typeof import('node:os') => load(`node:os`);
/** A file by its absolute path, through the same require (the native scanner's addon). */
export const requireFile = (file: string): unknown => load(file);
