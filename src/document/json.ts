// Reading untyped JSON (metadata, stored records, files) without casts at every step.

/** A JSON object: not null, not an array. */
export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v[key]` when v is an object, else undefined: `field(nb.metadata.nabla, 'slug')`. */
export function field(v: unknown, key: string): unknown {
  return isRecord(v) ? v[key] : undefined;
}
