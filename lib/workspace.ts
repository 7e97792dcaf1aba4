import * as nodeFs from 'node:fs';
import {configuredAgent, resolveAgentIdentity, type AgentIdentity} from './agentIdentity.ts';
import * as nodePath from 'node:path';
import {InputError, NotInitializedError} from './errors.ts';
import {shellQuote} from './shellQuote.ts';
import {findRepository} from './store/findRepository.ts';
import {maybeStartGc} from './store/gcAuto.ts';
import {Mirror} from './store/mirror.ts';
import {Store, type TransactionBody, type TransactionResult} from './store/store.ts';
import type {TipInfo} from './store/stateCache.ts';
import type {GitFs, Trailers} from './store/types.ts';

export interface WorkspaceOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  fs?: GitFs;
  now?: () => Date;
  /** The `--agent` flag, when the command has one. */
  agent?: string;
  /** The command as typed (`maestro feature update …`): the subject of every state commit it makes. */
  commandLine?: string;
}

/** Settings of `.maestro/config.yaml` that maestro reads. */
export interface LocalConfig {
  strictDependencies: boolean;
  agent?: string;
  /** `mission create --workflow` templates by name, as written (checked when one is used). */
  workflowTemplates?: Record<string, unknown>;
}

/** argv as a person would retype it: words with spaces or quotes are single-quoted. */
export function formatCommandLine(argv: string[]): string {
  return [`maestro`, ...argv.map(shellQuote)].join(` `);
}

/**
 * Everything a use case needs: the store of the repository around `cwd`, the mirror, who is acting.
 * Built once per command; nothing in lib/ reads process.cwd() or process.env.
 */
export class Workspace {
  readonly store: Store;
  readonly mirror: Mirror;
  private knownIdentity: AgentIdentity | undefined;

  constructor(readonly options: WorkspaceOptions) {
    const fs = options.fs ?? nodeFs;
    const repo = findRepository(fs, options.cwd);
    this.store = new Store({fs, repo, cache: {}, now: options.now ?? (() => new Date()), env: options.env});
    this.mirror = new Mirror(this.store);
  }

  /** Who is acting; worked out on first use, since reads never need it (it may read a session file and the host name). */
  get identity(): AgentIdentity {
    return this.knownIdentity ??= resolveAgentIdentity(this.options.env, this.options.agent, process.ppid, () => this.configuredAgent());
  }

  /** A user's input file, relative to where the command runs. @throws InputError when unreadable */
  readTextFile(file: string): string {
    try {
      return this.store.deps.fs.readFileSync(nodePath.resolve(this.options.cwd, file), `utf8`);
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {hint: `check the path, or use - for stdin`});
    }
  }

  /**
   * The local settings in `.maestro/config.yaml` (not state). yaml is loaded only here, by the few
   * commands that need a setting. A missing file is the defaults. @throws InputError on invalid YAML
   */
  async config(): Promise<LocalConfig> {
    const file = nodePath.join(this.repo.worktree, `.maestro`, `config.yaml`);
    let text: string;
    try {
      text = this.store.deps.fs.readFileSync(file, `utf8`);
    } catch {
      return {strictDependencies: false};
    }
    // yaml is CommonJS: through a dynamic import its functions may sit on `default`.
    const yaml = await import(`yaml`) as unknown as {parse?: (text: string) => unknown; default?: {parse: (text: string) => unknown}};
    const parse = yaml.parse ?? yaml.default!.parse;
    let data: unknown;
    try {
      data = parse(text) ?? {};
    } catch (error) {
      throw new InputError(`${file} is not valid YAML: ${(error as Error).message.split(`\n`)[0]}`, {hint: `fix it, or delete it to use the defaults`});
    }
    const record = (typeof data === `object` && data !== null ? data : {}) as Record<string, unknown>;
    const templates = record.workflowTemplates;
    return {
      strictDependencies: record.strictDependencies === true, ...(typeof record.agent === `string` ? {agent: record.agent} : {}),
      ...(typeof templates === `object` && templates !== null && !Array.isArray(templates) ? {workflowTemplates: templates as Record<string, unknown>} : {}),
    };
  }

  /** `agent:` of `.maestro/config.yaml`, for the identity when nothing else names the agent. */
  private configuredAgent(): string | undefined {
    try {
      return configuredAgent(this.store.deps.fs.readFileSync(nodePath.join(this.repo.worktree, `.maestro`, `config.yaml`), `utf8`));
    } catch {
      return undefined;
    }
  }

  get repo() {
    return this.store.deps.repo;
  }

  /** The tip, refusing when `maestro init` has not run. @throws NotInitializedError */
  async requireTip(): Promise<TipInfo> {
    const tip = await this.store.tip();
    if (!tip) throw new NotInitializedError(`maestro is not initialised in ${this.repo.worktree}`, {hint: `run \`maestro init\``});
    return tip;
  }

  /**
   * Commits one transaction as the acting agent (its subject is the command as typed, else
   * `maestro <message>`), then brings `.maestro/` up to date and starts a
   * background `git gc --auto` when loose objects pile up.
   */
  async transact<T>(message: string, body: TransactionBody<T>, trailers?: Trailers | (() => Trailers)): Promise<TransactionResult<T>> {
    const subject = this.options.commandLine ?? `maestro ${message}`;
    const outcome = await this.store.transact({message: subject, ...this.identity, ...(trailers ? {trailers} : {})}, body);
    if (outcome.committed) {
      await this.mirror.sync();
      maybeStartGc(this.store);
    }
    return outcome;
  }
}
