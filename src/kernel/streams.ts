// console.* inside a cell writes to the cell's stdout/stderr streams. A flood of output is capped
// per run, so a cell printing a million lines neither floods the page nor freezes it.
import { repr } from './repr';

export const MAX_LINES_PER_RUN = 5000;
export const MAX_CHARS_PER_RUN = 1_000_000;

export type StreamName = 'stdout' | 'stderr';

export interface StreamTarget {
  write(name: StreamName, text: string): void;
}

/** Formats console arguments as browsers do: `%s %d %i %f %o %O %j %c` substitutions, then spaces. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  const out: string[] = [];
  let i = 0;
  const first = args[0];
  if (typeof first === 'string' && first.includes('%')) {
    i = 1;
    out.push(
      first.replace(/%[sdifoOjc%]/g, (m) => {
        if (m === '%%') return '%';
        if (i >= args.length) return m;
        const a = args[i++];
        switch (m) {
          case '%s': return typeof a === 'string' ? a : repr(a, { quoteStrings: false });
          case '%d':
          case '%i': return typeof a === 'bigint' ? `${a}n` : String(Math.trunc(Number(a)));
          case '%f': return String(Number(a));
          case '%c': return '';
          default: return repr(a);
        }
      }),
    );
  }
  for (; i < args.length; i++) {
    const a = args[i];
    out.push(typeof a === 'string' ? a : repr(a, { quoteStrings: true }));
  }
  return out.join(' ');
}

/** Counts what one run printed and drops what goes past the caps, with one note saying so. */
export class RunOutputCap {
  private lines = 0;
  private chars = 0;
  private dropped = 0;

  constructor(private readonly target: StreamTarget) {}

  write(name: StreamName, text: string): void {
    if (this.dropped > 0) {
      this.dropped += countLines(text);
      return;
    }
    const lines = countLines(text);
    if (this.lines + lines > MAX_LINES_PER_RUN || this.chars + text.length > MAX_CHARS_PER_RUN) {
      this.dropped = lines;
      this.target.write('stderr', `[output truncated: more than ${MAX_LINES_PER_RUN} lines or ${MAX_CHARS_PER_RUN} characters]\n`);
      return;
    }
    this.lines += lines;
    this.chars += text.length;
    this.target.write(name, text);
  }

  /** The final tally, written once the run ends. */
  finish(): void {
    if (this.dropped > 0) this.target.write('stderr', `[${this.dropped} more lines were not shown]\n`);
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const STDOUT_METHODS = ['log', 'info', 'debug', 'dir', 'trace'] as const;
const STDERR_METHODS = ['warn', 'error'] as const;

/** Points console.* at `write` (whatever cell is current decides where the text lands). */
export function captureConsole(write: (name: StreamName, text: string) => void): void {
  const c = console as unknown as Record<string, (...args: unknown[]) => void>;
  for (const m of STDOUT_METHODS) c[m] = (...args: unknown[]) => write('stdout', formatConsoleArgs(args) + '\n');
  for (const m of STDERR_METHODS) c[m] = (...args: unknown[]) => write('stderr', formatConsoleArgs(args) + '\n');
}
