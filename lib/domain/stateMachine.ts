import {TransitionError} from '../errors.ts';

export type Transitions<S extends string> = Record<S, readonly S[]>;

/**
 * Checks one transition of a state machine (a same-state "transition" is always allowed: it only
 * re-stamps). Pure.
 * @throws TransitionError naming the valid next states, or saying the state is terminal
 */
export function checkTransition<S extends string>(what: string, table: Transitions<S>, from: S, to: S, showCommand: string): void {
  if (from === to) return;
  const next = table[from] ?? [];
  if (next.includes(to)) return;
  const valid = next.length === 0 ? `${from} is a terminal state - no transitions allowed` : `valid transitions from ${from}: ${next.join(`, `)}`;
  throw new TransitionError(`invalid ${what} transition: ${from} -> ${to}`, {hint: `${valid}; see the current state with \`${showCommand}\``});
}
