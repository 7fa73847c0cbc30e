import type { DisplayDataOutput, MimeBundle, Output } from './types';

/**
 * `outputs` plus `out`. Consecutive chunks of the same stream merge into one output, as in
 * JupyterLab, so a training loop printing every step yields one growing block rather than
 * thousands of outputs.
 */
export function appendOutput(outputs: readonly Output[], out: Output): Output[] {
  if (out.output_type !== 'stream') return [...outputs, out];
  const last = outputs[outputs.length - 1];
  if (last?.output_type === 'stream' && last.name === out.name) {
    const merged = { ...last, text: mergeStreamText(last.text, out.text) };
    return [...outputs.slice(0, -1), merged];
  }
  return [...outputs, { ...out, text: mergeStreamText('', out.text) }];
}

/**
 * Terminal carriage-return semantics (what Jupyter does for tqdm-style progress bars): text after
 * a lone `\r` overwrites the current line from its start, character by character, so
 * "10%\r20%" shows "20%" and "abcdef\rxy" shows "xycdef". `\r\n` is an ordinary newline.
 *
 * The stored text is kept resolved except for a trailing `\r`, which stays pending because the
 * next chunk decides whether it was half of a `\r\n` or an overwrite. Only the last line of
 * `prev` can therefore be affected, so earlier lines are not rescanned on every chunk.
 */
function mergeStreamText(prev: string, chunk: string): string {
  const cut = prev.lastIndexOf('\n') + 1;
  if (!chunk.includes('\r') && prev.indexOf('\r', cut) === -1) return prev + chunk;
  return prev.slice(0, cut) + resolveCarriageReturns(prev.slice(cut) + chunk);
}

function resolveCarriageReturns(text: string): string {
  return text.replace(/\r+\n/g, '\n').split('\n').map(overwriteLine).join('\n');
}

function overwriteLine(line: string): string {
  if (!line.includes('\r')) return line;
  let shown = '';
  for (const segment of line.split('\r')) shown = segment + shown.slice(segment.length);
  return line.endsWith('\r') ? `${shown}\r` : shown;
}

/**
 * Replaces data and metadata of every display_data output tagged `displayId` (the
 * `update_display_data` message). Returns `outputs` itself when nothing matches, so callers can
 * skip untouched cells by identity.
 */
export function updateDisplay(
  outputs: readonly Output[],
  displayId: string,
  data: MimeBundle,
  metadata: Readonly<Record<string, unknown>>,
): readonly Output[] {
  if (!outputs.some((o) => isDisplay(o, displayId))) return outputs;
  return outputs.map((o) => (isDisplay(o, displayId) ? { ...o, data, metadata } : o));
}

function isDisplay(o: Output, displayId: string): o is DisplayDataOutput {
  return o.output_type === 'display_data' && o.display_id === displayId;
}

/** Plain-text view of an output, for search, copying and non-visual renderers. */
export function outputText(out: Output): string {
  switch (out.output_type) {
    case 'stream':
      // A pending `\r` has no visible effect yet.
      return out.text.endsWith('\r') ? out.text.slice(0, -1) : out.text;
    case 'display_data':
    case 'execute_result':
      return plainText(out.data['text/plain']);
    case 'error':
      return `${out.ename}: ${out.evalue}`;
  }
}

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  // nbformat files on disk may split multiline strings into arrays of lines.
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('');
  return '';
}
