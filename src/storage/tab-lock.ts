// One tab edits a notebook at a time: the first tab to open it holds a Web Lock named after it,
// and a second tab finds the lock taken and is told, instead of both saving over each other.
// The second tab also queues for the lock, so when the first tab closes the notebook (or the
// tab), the second one is handed the notebook rather than left read-only for good.

export interface NotebookLock {
  /** False when another tab holds the notebook. */
  readonly held: boolean;
  /** Resolves when a lock that was not held is granted after all; never for a held one. */
  readonly handedOver: Promise<void>;
  release(): void;
}

/** Takes the notebook's lock if no other tab has it; held until release() or the tab closes. */
export async function lockNotebook(id: string): Promise<NotebookLock> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  const never = new Promise<void>(() => {});
  if (!locks) return { held: true, handedOver: never, release: () => {} }; // no Web Locks: nothing to coordinate with
  const name = `nabla-notebook-${id}`;
  let release = () => {};
  const kept = new Promise<void>((resolve) => (release = resolve));
  const held = await new Promise<boolean>((answer) => {
    void locks.request(name, { ifAvailable: true }, async (lock) => {
      answer(lock !== null);
      if (lock !== null) await kept;
    });
  });
  if (held) return { held, handedOver: never, release };
  // Queue behind the other tab; release() before the grant withdraws from the queue.
  const abort = new AbortController();
  const handedOver = new Promise<void>((granted) => {
    locks
      .request(name, { signal: abort.signal }, async () => {
        granted();
        await kept;
      })
      .catch(() => {}); // aborted: this tab moved on to another notebook
  });
  return {
    held,
    handedOver,
    release: () => {
      abort.abort();
      release();
    },
  };
}
