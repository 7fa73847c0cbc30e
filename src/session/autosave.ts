// Saves the open notebook within a second of any change (edits and outputs alike), and at once
// when asked (the page being hidden, Ctrl+S). Storage itself is passed in, so this module stays
// on the session side of the import rules.
import type { Notebook } from '../document';
import type { Store } from './store';

/** Stands for "storage has no version of this notebook yet": equal to no real document. */
const NOTHING_SAVED: Notebook = Object.freeze({ id: '', title: '', metadata: {}, cells: [] });

export class Autosaver {
  private saved: Notebook | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly persist: (nb: Notebook) => Promise<void>,
    private readonly onError: (e: Error) => void,
    private readonly delayMs = 1000,
    /** Synchronous write used when the page goes away (see storage/journal.ts). */
    private readonly journal: (nb: Notebook) => void = () => {},
  ) {
    store.subscribe((state) => {
      if (this.saved !== null && state.docState.doc !== this.saved) this.schedule();
    });
  }

  /**
   * A notebook was opened. When storage already holds it (`stored`), only later changes need
   * saving; otherwise the next flush() writes it whole.
   */
  opened(doc: Notebook, stored: boolean): void {
    this.cancel();
    this.saved = stored ? doc : NOTHING_SAVED;
  }

  /** Stops saving (the start page is showing). */
  closed(): void {
    this.cancel();
    this.saved = null;
  }

  /**
   * The page is being hidden or closed: an asynchronous write may not finish, so the unsaved
   * notebook also goes to the synchronous journal, then the usual write starts.
   */
  leaving(): void {
    if (this.saved !== null && this.store.doc !== this.saved) this.journal(this.store.doc);
    void this.flush();
  }

  /** Saves now if anything changed; resolves when storage has it. */
  flush(): Promise<void> {
    this.cancel();
    const doc = this.store.doc;
    if (this.saved === null || doc === this.saved) return this.writing;
    // Writes are chained so that an older snapshot never lands after a newer one.
    this.writing = this.writing.then(async () => {
      try {
        await this.persist(doc);
        if (this.saved !== null) this.saved = doc;
      } catch (e) {
        this.onError(e as Error);
      }
    });
    return this.writing;
  }

  private schedule(): void {
    // Not reset by later changes: a steady stream of output still gets saved every second.
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
