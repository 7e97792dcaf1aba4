/**
 * Every error a user can see. One line of message, an optional hint on the same line, an exit code.
 * Codes are append-only: agents match on them.
 */
export abstract class MaestroError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: 1 | 2;
  readonly hint: string | undefined;
  readonly data: unknown;
  /** Further problems of the same input, one line each (a plan with several mistakes). */
  readonly details: string[];

  constructor(message: string, options: {hint?: string; data?: unknown; details?: string[]} = {}) {
    super(message);
    this.name = new.target.name;
    this.hint = options.hint;
    this.data = options.data;
    this.details = options.details ?? [];
  }

  toJSON(): {code: string; message: string; hint?: string; details?: string[]} {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : {hint: this.hint}),
      ...(this.details.length === 0 ? {} : {details: this.details}),
    };
  }
}

/** Bad usage or bad input: nothing was written. */
export class InputError extends MaestroError {
  readonly code = `E_INPUT`;
  readonly exitCode = 2;
}

/** The thing named does not exist. */
export class NotFoundError extends MaestroError {
  readonly code = `E_NOT_FOUND`;
  readonly exitCode = 2;
}

/** Not inside a git repository we can use (none, bare, sha256, reftable). */
export class RepositoryError extends MaestroError {
  readonly code = `E_REPOSITORY`;
  readonly exitCode = 2;
}

/** The store has not been initialised in this repository. */
export class NotInitializedError extends MaestroError {
  readonly code = `E_NOT_INITIALIZED`;
  readonly exitCode = 1;
}

/** A state machine refused a transition. */
export class TransitionError extends MaestroError {
  readonly code = `E_TRANSITION`;
  readonly exitCode = 1;
}

/** A gate (seal, claim, strict dependencies) refused the operation. */
export class GateError extends MaestroError {
  readonly code = `E_GATE`;
  readonly exitCode = 1;
}

/** The state ref stayed locked or kept moving past the retry budget. */
export class StoreBusyError extends MaestroError {
  readonly code = `E_STORE_BUSY`;
  readonly exitCode = 1;
}

/** A stored object or entity is unreadable or fails its schema. */
export class CorruptStateError extends MaestroError {
  readonly code = `E_CORRUPT`;
  readonly exitCode = 1;
}

/** A check of `maestro doctor` (or a similar verdict) failed. */
export class CheckFailedError extends MaestroError {
  readonly code = `E_CHECK_FAILED`;
  readonly exitCode = 1;
}

/** A native git command (fetch, push, gc) failed. */
export class GitCommandError extends MaestroError {
  readonly code = `E_GIT`;
  readonly exitCode = 1;
}
