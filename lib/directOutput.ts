import * as nodeFs from 'node:fs';
import type {Writable} from 'node:stream';

export interface DirectOutputDeps {
  fd: number;
  fs: Pick<typeof nodeFs, `fstatSync` | `writeSync`>;
  /** The stream node would use (process.stdout or process.stderr), created only when it is needed. */
  stream: () => Writable;
  /** What a reader that closed the pipe early (`maestro feature list | head`) means: see processOutput. */
  onBrokenPipe: () => void;
}

/**
 * The process's stdout (1) or stderr (2) for a command's context: see directOutput. A reader gone
 * from stdout ends the run quietly (commands print once their work is done); one gone from stderr
 * only loses the warnings, since a warning can come before the work it warns about.
 */
export function processOutput(fd: 1 | 2): Writable {
  return directOutput({
    fd, fs: nodeFs, stream: () => (fd === 1 ? process.stdout : process.stderr),
    onBrokenPipe: fd === 1 ? () => process.exit(process.exitCode ?? 0) : () => {},
  });
}

/**
 * An output stream that writes a pipe or a file itself. Making `process.stdout` or `process.stderr`
 * for a pipe loads `net` and the stream modules and builds a socket: 5 to 7 ms of a bare `node -e`
 * that prints a line, 1.5 ms of `maestro --version` (bench machine), and agents read maestro through
 * pipes. So where `fd` is a pipe or a regular file,
 * writes go to it with writeSync, as node's own stream does there on Linux; a terminal, /dev/null or
 * a socket gets node's stream as before. If the pipe turns out to be non-blocking and full (EAGAIN),
 * the rest goes through node's stream, which waits for the reader; everything after follows it
 * there, so the order of the output holds.
 */
export function directOutput(deps: DirectOutputDeps): Writable {
  let direct = false;
  try {
    const stat = deps.fs.fstatSync(deps.fd);
    direct = stat.isFIFO() || stat.isFile();
  } catch { /* the descriptor is closed or unknown: let node decide */ }
  if (!direct) return watchedStream(deps);
  let fallback: Writable | null = null;
  const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const callback = rest.find(arg => typeof arg === `function`) as ((error?: Error | null) => void) | undefined;
    if (fallback) return fallback.write(chunk, error => callback?.(error));
    let bytes = typeof chunk === `string` ? Buffer.from(chunk) : chunk;
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(deps.fs.writeSync(deps.fd, bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === `EPIPE`) {
          deps.onBrokenPipe();
          return false;
        }
        if (code !== `EAGAIN`) throw error;
        fallback = watchedStream(deps);
        return fallback.write(bytes, error => callback?.(error));
      }
    }
    if (callback) queueMicrotask(() => callback(null));
    return true;
  };
  // What commands and clipanion use of a Writable: write, and isTTY where they check for a terminal.
  return {write, isTTY: false} as unknown as Writable;
}

function watchedStream(deps: DirectOutputDeps): Writable {
  const stream = deps.stream();
  stream.on(`error`, error => {
    if ((error as NodeJS.ErrnoException).code !== `EPIPE`) throw error;
    deps.onBrokenPipe();
  });
  return stream;
}
