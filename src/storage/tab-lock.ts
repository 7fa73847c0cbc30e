// One tab edits a notebook at a time: the first tab to open it holds a Web Lock named after it,
// and a second tab finds the lock taken and is told, instead of both saving over each other.

export interface NotebookLock {
  /** False when another tab holds the notebook. */
  readonly held: boolean;
  release(): void;
}

/** Takes the notebook's lock if no other tab has it; held until release() or the tab closes. */
export async function lockNotebook(id: string): Promise<NotebookLock> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return { held: true, release: () => {} }; // no Web Locks: nothing to coordinate with
  let release = () => {};
  const kept = new Promise<void>((resolve) => (release = resolve));
  const held = await new Promise<boolean>((answer) => {
    void locks.request(`nabla-notebook-${id}`, { ifAvailable: true }, async (lock) => {
      answer(lock !== null);
      if (lock !== null) await kept;
    });
  });
  return { held, release };
}
