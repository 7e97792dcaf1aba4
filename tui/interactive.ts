import type {Readable, Writable} from 'node:stream';
import type {Widgets} from 'blessed';
import {InputError} from '../lib/errors.ts';
import type {MissionControlSource} from '../lib/missionControl/missionControlSource.ts';
import type {ScreenId} from '../lib/missionControl/missionControlRequest.ts';
import type {MissionControlSnapshot} from '../lib/missionControl/missionControlSnapshot.ts';
import {renderFrame} from './frame.ts';
import {keyToAction} from './keymap.ts';
import {frameText, type Ink} from './output.ts';
import {clampScroll, initialView, reduce, selectedId, type ViewState} from './view.ts';

export interface TerminalIo {
  stdin: Readable & {isTTY?: boolean};
  stdout: Writable & {isTTY?: boolean};
  env: Record<string, string | undefined>;
}

/** How often ages ("3m ago") are redrawn. Only the frame is redrawn: the state is not read again. */
const CLOCK_MS = 10_000;
/** A held-down j should not load a diff for every commit it passes. */
const DIFF_DELAY_MS = 80;

/**
 * The interactive dashboard: a full-screen neo-blessed screen showing the frames of tui/frame.ts,
 * redrawn when refs/maestro/main moves (the source's watch), on a key, on resize, and every
 * CLOCK_MS for the ages. neo-blessed is loaded here only, so `--json` and `--preview` never pay for
 * it. Resolves with exit code 0 once `q` is pressed. Read-only.
 * @throws InputError when stdin and stdout are not both terminals
 */
export async function runInteractive(source: MissionControlSource, io: TerminalIo, options: {screen: ScreenId}): Promise<number> {
  if (!io.stdin.isTTY || !io.stdout.isTTY)
    throw new InputError(`mission-control needs a terminal: stdin and stdout are not both TTYs`, {hint: `use --preview all, --json or --render-check`});
  const snapshot = await source.load();
  const blessed = await loadBlessed();
  const screen = blessed.screen({
    input: io.stdin, output: io.stdout, terminal: io.env.TERM ?? `xterm`, smartCSR: true, fullUnicode: true, forceUnicode: true,
    warnings: false, title: `maestro mission control`, autoPadding: false,
  } as unknown as Widgets.IScreenOptions);
  // Box characters as UTF-8, not the terminal's line-drawing set: the frame is already text, and
  // tmux's capture-pane (the live test) shows the line-drawing set as letters.
  (screen as unknown as {tput: {brokenACS: boolean}}).tput.brokenACS = true;
  const box = blessed.box({parent: screen, top: 0, left: 0, width: `100%`, height: `100%`, tags: false, wrap: false});
  const dashboard = new Dashboard(source, screen, box, snapshot, initialView(options.screen, Date.now()), io.env.NO_COLOR !== undefined ? `mono` : `color`);
  return dashboard.run();
}

/** The running dashboard: its snapshot and view, and the terminal they are drawn on. */
class Dashboard {
  private bodyHeight = 0;
  private closed = false;
  private loading = false;
  private again = false;
  private diffTimer: NodeJS.Timeout | null = null;
  private readonly diffsLoading = new Set<string>();
  /** Ends the dashboard with an error; set by run(). */
  private fail: (error: unknown) => void = () => {};

  constructor(
    private readonly source: MissionControlSource,
    private readonly screen: Widgets.Screen,
    private readonly box: Widgets.BoxElement,
    private snapshot: MissionControlSnapshot,
    private view: ViewState,
    private readonly ink: Ink,
  ) {}

  /**
   * Resolves 0 on `q`; rejects with the error when drawing or a key fails, after giving the terminal
   * back (a crash must not leave it in raw mode on the alternate screen), so the command prints its
   * one-line error instead of a stack trace.
   */
  run(): Promise<number> {
    return new Promise((resolve, reject) => {
      const close = () => {
        this.closed = true;
        stopWatching();
        clearInterval(clock);
        if (this.diffTimer) clearTimeout(this.diffTimer);
        process.off(`SIGTERM`, quit);
        this.screen.destroy();
      };
      const quit = () => {
        close();
        resolve(0);
      };
      this.fail = (error: unknown) => {
        if (this.closed) return;
        close();
        reject(error);
      };
      const guarded = (body: () => void) => () => {
        try { body(); } catch (error) { this.fail(error); }
      };
      const stopWatching = this.source.watch(() => void this.refresh());
      const clock = setInterval(guarded(() => this.draw()), CLOCK_MS);
      process.on(`SIGTERM`, quit);
      this.screen.on(`resize`, guarded(() => this.draw()));
      this.screen.on(`keypress`, (ch: string | undefined, key: {full?: string} | undefined) => guarded(() => {
        const action = keyToAction(key?.full ?? ch ?? ``);
        if (!action) return;
        if (action.type === `quit`) quit();
        else if (action.type === `reload`) void this.refresh();
        else this.update(reduce(this.view, action, this.snapshot, this.bodyHeight));
      })());
      guarded(() => this.draw())();
    });
  }

  private update(view: ViewState): void {
    this.view = view;
    this.draw();
  }

  private draw(): void {
    if (this.closed) return;
    this.view = {...this.view, now: Date.now()};
    const frame = renderFrame(this.snapshot, this.view, {width: Number(this.screen.width), height: Number(this.screen.height)});
    this.view = clampScroll(this.view, this.view.screen, frame.scrollMax);
    this.bodyHeight = frame.bodyHeight;
    this.box.setContent(frameText(frame.lines, this.ink));
    this.screen.render();
    if (this.view.screen === `history`) this.wantDiff(selectedId(this.view, this.snapshot));
  }

  /** Reads the snapshot again; a refresh asked for while one runs follows it, once. */
  private async refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      this.snapshot = await this.source.load();
      this.view = {...this.view, message: null};
    } catch (error) {
      this.view = {...this.view, message: `refresh failed: ${(error as Error).message.split(`\n`)[0]}`};
    }
    this.loading = false;
    try {
      this.draw();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.again) {
      this.again = false;
      await this.refresh();
    }
  }

  /** Loads the diff of the selected history entry once it stays selected a moment; keeps the last 50. */
  private wantDiff(commit: string | null): void {
    if (!commit || this.view.diffs[commit] || this.snapshot.history.selected?.commit === commit || this.diffsLoading.has(commit)) return;
    if (this.diffTimer) clearTimeout(this.diffTimer);
    this.diffTimer = setTimeout(() => {
      this.diffTimer = null;
      this.diffsLoading.add(commit);
      this.source.diff(commit).then(
        diff => this.update({...this.view, diffs: {...Object.fromEntries(Object.entries(this.view.diffs).slice(-49)), [commit]: diff}}),
        (error: Error) => this.update({...this.view, message: `diff failed: ${error.message.split(`\n`)[0]}`}),
      ).catch(error => this.fail(error)).finally(() => this.diffsLoading.delete(commit));
    }, DIFF_DELAY_MS);
  }
}

async function loadBlessed(): Promise<typeof import('neo-blessed').default> {
  const module = await import('neo-blessed') as unknown as {default?: typeof import('neo-blessed').default};
  return (module.default ?? module) as typeof import('neo-blessed').default;
}
