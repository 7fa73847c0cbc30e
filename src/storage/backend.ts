// Where records live: IndexedDB through idb-keyval, or, when the browser refuses IndexedDB
// (some private windows, disabled storage), a Map that lasts as long as the page. The rest of
// storage/ is written against this small interface, so it never cares which one it got.
import { createStore, del, get, set, update } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';

export interface Backend {
  /** False when nothing survives a reload (the in-memory fallback). */
  readonly durable: boolean;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Read-modify-write in one transaction, so two tabs never interleave an index update. */
  update<T>(key: string, fn: (old: T | undefined) => T): Promise<void>;
}

function idbBackend(store: UseStore): Backend {
  return {
    durable: true,
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    update: (key, fn) => update(key, fn, store),
  };
}

export function memoryBackend(): Backend {
  const map = new Map<string, unknown>();
  // structuredClone keeps the same semantics as IndexedDB: callers never share objects with it.
  return {
    durable: false,
    get: async <T>(key: string) => (map.has(key) ? (structuredClone(map.get(key)) as T) : undefined),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    update: async <T>(key: string, fn: (old: T | undefined) => T) => void map.set(key, structuredClone(fn(map.get(key) as T | undefined))),
  };
}

/** Opens a database and does one write/read round trip; rejects when IndexedDB is not usable. */
async function probe(store: UseStore): Promise<void> {
  const key = 'probe';
  await set(key, 1, store);
  if ((await get(key, store)) !== 1) throw new Error('IndexedDB read back something else');
}

const PROBE_TIMEOUT_MS = 3000;

/**
 * IndexedDB when it works, else memory and the reason. A blocked or hanging open (seen in
 * some private modes) counts as not working after a few seconds rather than hanging the page.
 */
export async function openBackend(): Promise<{ backend: Backend; problem: string | null }> {
  try {
    if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('this browser offers no IndexedDB here');
    const store = createStore('nabla', 'notebooks');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), PROBE_TIMEOUT_MS);
    });
    await Promise.race([probe(store), timeout]).finally(() => clearTimeout(timer));
    return { backend: idbBackend(store), problem: null };
  } catch (e) {
    return { backend: memoryBackend(), problem: (e as Error).message || String(e) };
  }
}
