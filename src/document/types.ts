// The saved notebook, shaped like nbformat 4.5 so that .ipynb import/export is a thin mapping.
// Everything here is plain immutable data: no classes, no DOM, safe to structuredClone and store.

/** A mime bundle: mime type -> payload (string, or JSON for application/*+json types). */
export type MimeBundle = Readonly<Record<string, unknown>>;

export interface StreamOutput {
  readonly output_type: 'stream';
  readonly name: 'stdout' | 'stderr';
  readonly text: string;
}

export interface DisplayDataOutput {
  readonly output_type: 'display_data';
  readonly data: MimeBundle;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Lets `update_display` find the output again; not part of nbformat's saved fields. */
  readonly display_id?: string;
}

export interface ExecuteResultOutput {
  readonly output_type: 'execute_result';
  readonly execution_count: number | null;
  readonly data: MimeBundle;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface ErrorOutput {
  readonly output_type: 'error';
  readonly ename: string;
  readonly evalue: string;
  readonly traceback: readonly string[];
}

export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

export type CellType = 'code' | 'markdown' | 'raw';

/** Files a markdown or raw cell carries, referenced as `attachment:name` (nbformat 4.1+). */
export type Attachments = Readonly<Record<string, MimeBundle>>;

export interface CodeCell {
  readonly id: string;
  readonly cell_type: 'code';
  readonly source: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly outputs: readonly Output[];
  readonly execution_count: number | null;
}

export interface MarkdownCell {
  readonly id: string;
  readonly cell_type: 'markdown';
  readonly source: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly attachments?: Attachments;
}

/** Text kept as it is and never run (nbformat's raw cell, e.g. for nbconvert). */
export interface RawCell {
  readonly id: string;
  readonly cell_type: 'raw';
  readonly source: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly attachments?: Attachments;
}

export type Cell = CodeCell | MarkdownCell | RawCell;

export interface Notebook {
  readonly id: string;
  readonly title: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly cells: readonly Cell[];
}

/**
 * Output metadata key marking a display or result that came in a file rather than from this
 * page's kernel: the page shows it with safe renderers only where it can. Never exported.
 */
export const UNTRUSTED = 'nabla.untrusted';
