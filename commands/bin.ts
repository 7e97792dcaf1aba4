import {runProcess} from './run.ts';

// The entry point with every command (help, typos, and tsx runs); the shipped dist/maestro.cjs is a
// dispatcher that loads a bundle of only the named command when it can (scripts/build.mjs).
runProcess();
