// The page's state container: the saved document (changed only by transactions) beside the live
// runtime state, which is never saved. Components subscribe and re-render from snapshots.
import { applyTransaction, createDocState, emptyRuntime, redo, undo } from '../document';
import type { DocState, Notebook, RuntimeState, Transaction } from '../document';
import type { KernelStatus } from './kernel-client';

export interface CellDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly message: string;
}

export interface AppState {
  readonly docState: DocState;
  readonly runtime: RuntimeState;
  readonly kernel: KernelStatus;
  /** A plain-language note for the learner (kernel restarted, kernel died, saved...). */
  readonly notice: {
    readonly text: string;
    readonly kind: 'info' | 'warning' | 'error';
    /** A button offered with the notice (e.g. download a copy when saving fails). */
    readonly action?: { readonly label: string; run(): void };
  } | null;
  /** Compile errors per cell, shown as markers in the editor. */
  readonly diagnostics: ReadonlyMap<string, readonly CellDiagnostic[]>;
}

export type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private current: AppState;
  private readonly listeners = new Set<Listener>();

  constructor(doc: Notebook) {
    this.current = { docState: createDocState(doc), runtime: emptyRuntime(), kernel: 'starting', notice: null, diagnostics: new Map() };
  }

  get state(): AppState {
    return this.current;
  }

  get doc(): Notebook {
    return this.current.docState.doc;
  }

  /** The one write path for the document. */
  dispatch(tx: Transaction): void {
    const docState = applyTransaction(this.current.docState, tx);
    if (docState !== this.current.docState) this.set({ docState });
  }

  undo(): void {
    this.set({ docState: undo(this.current.docState) });
  }

  redo(): void {
    this.set({ docState: redo(this.current.docState) });
  }

  /** Live state only (runtime, kernel status, notices, diagnostics): never the document. */
  update(patch: Partial<Omit<AppState, 'docState'>>): void {
    this.set(patch);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<AppState>): void {
    const previous = this.current;
    const next = { ...previous, ...patch };
    if (Object.keys(patch).every((k) => next[k as keyof AppState] === previous[k as keyof AppState])) return;
    this.current = next;
    for (const l of this.listeners) l(next, previous);
  }
}
