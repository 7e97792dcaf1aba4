import {Command, type BaseContext} from 'clipanion';
import {canonicalJson} from '../lib/canonicalJson.ts';
import type {Schema} from '../lib/domain/schema.ts';
import {MaestroError} from '../lib/errors.ts';
import type {Workspace, WorkspaceOptions} from '../lib/workspace.ts';

/** What every command runs with: streams, where it runs, its environment, how to open the repository. */
export interface MaestroContext extends BaseContext {
  cwd: string;
  env: Record<string, string | undefined>;
  openWorkspace(options?: Partial<WorkspaceOptions>): Workspace;
}

/**
 * The base of every command: runs `run()`, turns a MaestroError into one stderr line and its exit
 * code, and is the only place that chooses between JSON and human output. clipanion's own `catch`
 * is left alone: overriding it makes the exit code 0 in 3.2.1.
 */
export abstract class MaestroCommand extends Command<MaestroContext> {
  abstract run(): Promise<number | void>;

  async execute(): Promise<number> {
    try {
      return (await this.run()) ?? 0;
    } catch (error) {
      return this.reportError(error);
    }
  }

  /** Prints `value` as one canonical JSON document (validated by `schema`) or as `human(value)`. */
  protected print<T>(schema: Schema<unknown>, value: T, human: (value: T) => string): void {
    if (this.wantsJson()) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(`output does not match its schema: ${JSON.stringify(parsed.error.issues[0])}`);
      this.context.stdout.write(canonicalJson(parsed.data));
    } else {
      const text = human(value);
      if (text !== ``) this.context.stdout.write(text.endsWith(`\n`) ? text : `${text}\n`);
    }
  }

  /** A line for the person at the terminal, on stderr so stdout stays data. */
  protected note(line: string): void {
    this.context.stderr.write(`${line}\n`);
  }

  /** A user's input: a file relative to where the command runs, or `-` for stdin. */
  protected async readInput(file: string): Promise<string> {
    if (file !== `-`) return this.context.openWorkspace().readTextFile(file);
    const chunks: Buffer[] = [];
    for await (const chunk of this.context.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString(`utf8`);
  }

  protected wantsJson(): boolean {
    return (this as unknown as {json?: boolean}).json === true;
  }

  private reportError(error: unknown): number {
    const debug = this.context.env.MAESTRO_DEBUG === `1`;
    if (error instanceof MaestroError) {
      if (this.wantsJson()) this.context.stderr.write(`${JSON.stringify({error: error.toJSON()})}\n`);
      else this.context.stderr.write(`maestro: ${error.message}${error.hint ? `; hint: ${error.hint}` : ``}\n${error.details.map(line => `  - ${line}\n`).join(``)}`);
      if (debug && error.stack) this.context.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (this.wantsJson()) this.context.stderr.write(`${JSON.stringify({error: {code: `E_INTERNAL`, message: `internal error: ${message}`}})}\n`);
    else this.context.stderr.write(`maestro: internal error: ${message.split(`\n`)[0]}; hint: run again with MAESTRO_DEBUG=1 for details\n`);
    if (debug && error instanceof Error && error.stack) this.context.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
