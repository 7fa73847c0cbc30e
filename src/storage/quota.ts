// How much this origin stores, how much it may, and whether the browser promised to keep it.
// Browsers may evict non-persistent storage under pressure; persist() asks them not to.

export interface StorageFacts {
  readonly usage: number | null;
  readonly quota: number | null;
  readonly persisted: boolean | null;
}

type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;
const manager = (): StorageManagerLike | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

export async function storageFacts(): Promise<StorageFacts> {
  const m = manager();
  const [estimate, persisted] = await Promise.all([
    m?.estimate?.().catch(() => null) ?? null,
    m?.persisted?.().catch(() => null) ?? null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks once; browsers answer without a prompt (Chrome decides from engagement). */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await manager()?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
