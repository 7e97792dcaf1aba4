import {claudeCodeSkill} from './claudeCodeSkill.ts';
import {codexSkill} from './codexSkill.ts';
import {geminiSkill} from './geminiSkill.ts';
import {genericSkill} from './genericSkill.ts';
import {workerBaseSkill} from './workerBaseSkill.ts';

const SHIPPED: Record<string, string> = {
  codex: codexSkill,
  'claude-code': claudeCodeSkill,
  gemini: geminiSkill,
  'maestro:worker-base': workerBaseSkill,
};

/** Worker types with a skill of their own; any other gets the generic worker skill. */
export const SHIPPED_SKILLS = Object.keys(SHIPPED);

/** The skill maestro ships for a worker type: its own, or the generic one for an unknown type. */
export function shippedSkill(workerType: string): {name: string; text: string} {
  const text = Object.hasOwn(SHIPPED, workerType) ? SHIPPED[workerType] : undefined;
  return text === undefined ? {name: `generic`, text: genericSkill} : {name: workerType, text};
}
