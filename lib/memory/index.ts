/** The memory and ratchet use cases (reference-handoff §4–5, decisions in SPEC.md), for the commands. */
export {captureCorrection, type CorrectRequest} from './captureCorrection.ts';
export {captureLearning} from './captureLearning.ts';
export {compileGuidance, type CompileView} from './compileGuidance.ts';
export {lintMemory, type LintWarning} from './lintMemory.ts';
export {memoryStats, type MemoryStats} from './memoryStats.ts';
export {ratchetCheck, type RatchetResult, type RatchetView} from './ratchetCheck.ts';
export {recallMemory, type RecallView} from './recallMemory.ts';
export {searchMemory} from './searchMemory.ts';
