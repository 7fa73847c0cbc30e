// Outputs that arrived in a file are marked untrusted on import (see UNTRUSTED): the page then
// prefers their safe forms (text over HTML), as Jupyter does for a notebook it has not signed.
// Trusting the notebook, the learner's decision, lifts the marks; HTML is still sanitized.
import { UNTRUSTED } from './types';
import type { Cell, Notebook, Output } from './types';

const marked = (o: Output): boolean => (o.output_type === 'display_data' || o.output_type === 'execute_result') && o.metadata[UNTRUSTED] === true;

export function hasUntrustedOutputs(nb: Notebook): boolean {
  return nb.cells.some((c) => c.cell_type === 'code' && c.outputs.some(marked));
}

function trusted(o: Output): Output {
  if (!marked(o) || (o.output_type !== 'display_data' && o.output_type !== 'execute_result')) return o;
  const metadata: Record<string, unknown> = { ...o.metadata };
  delete metadata[UNTRUSTED];
  return { ...o, metadata };
}

/** The notebook with every untrusted mark removed; unmarked cells keep their identity. */
export function trustOutputs(nb: Notebook): Notebook {
  if (!hasUntrustedOutputs(nb)) return nb;
  const cells = nb.cells.map((c): Cell => (c.cell_type === 'code' && c.outputs.some(marked) ? { ...c, outputs: c.outputs.map(trusted) } : c));
  return { ...nb, cells };
}
