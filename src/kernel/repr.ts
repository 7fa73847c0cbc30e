// Text form of any value for Out[n] and console.log, modelled on Node's util.inspect. It runs in
// the kernel worker on user values, which may be hostile (Proxies, throwing traps), so it must
// never throw and must never run user getters merely to display a value.

/** Objects with a method under this key are printed with the string it returns (tensors do). */
export const reprHook: unique symbol = Symbol.for('nabla.repr');

export interface ReprOptions {
  /** Quote a top-level string (Out[n]); console.log passes false. Nested strings are always quoted. */
  quoteStrings?: boolean;
  /** A container whose one-line form is longer than this is printed one entry per line. */
  maxWidth?: number;
}

const MAX_DEPTH = 4;
const MAX_ITEMS = 100;
const PLACEHOLDER = '[Uninspectable]';
/** Above this length an array's extra (non-index) keys are not listed: listing keys costs O(length). */
const MAX_KEYED_ARRAY = 100_000;

interface Ctx {
  readonly maxWidth: number;
  /** The objects being formatted, outermost first: a value found here is a circular reference. */
  readonly stack: object[];
  readonly circular: Map<object, number>;
}

/** Formats a child value; `prefixLen` is how many columns precede it on its line. */
type Child = (value: unknown, prefixLen: number) => string;

export function repr(value: unknown, options: ReprOptions = {}): string {
  if (typeof value === 'string' && options.quoteStrings === false) return value;
  const ctx: Ctx = { maxWidth: options.maxWidth ?? 72, stack: [], circular: new Map() };
  try {
    return formatValue(value, ctx, 0, 0, 0);
  } catch {
    return PLACEHOLDER;
  }
}

function formatValue(value: unknown, ctx: Ctx, level: number, indent: number, column: number): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(value);
  const hooked = callHook(value);
  if (hooked !== undefined) return hooked.replaceAll('\n', `\n${' '.repeat(indent)}`);
  if (ctx.stack.includes(value)) {
    let id = ctx.circular.get(value);
    if (id === undefined) ctx.circular.set(value, (id = ctx.circular.size + 1));
    return `[Circular *${id}]`;
  }
  ctx.stack.push(value);
  try {
    const text = formatObject(value, ctx, level, indent, column);
    const id = ctx.circular.get(value);
    return id === undefined ? text : `<ref *${id}> ${text}`;
  } catch {
    return PLACEHOLDER;
  } finally {
    ctx.stack.pop();
  }
}

function formatPrimitive(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  return Object.is(value, -0) ? '-0' : String(value);
}

function callHook(value: object): string | undefined {
  try {
    const hook: unknown = (value as Record<symbol, unknown>)[reprHook];
    if (typeof hook !== 'function') return undefined;
    const text: unknown = Reflect.apply(hook, value, []);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined; // a broken hook falls back to the ordinary form
  }
}

const ESCAPES: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '\\': '\\\\', "'": "\\'" };
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const ESCAPE_SINGLE = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f\\\\']|${LONE_SURROGATE}`, 'g');
const ESCAPE_OTHER = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f\\\\]|${LONE_SURROGATE}`, 'g');

/** Quotes like Node: single quotes unless the string contains them and another quote is free. */
function quote(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  const escaped = s.replace(q === "'" ? ESCAPE_SINGLE : ESCAPE_OTHER, (c) => {
    const code = c.charCodeAt(0);
    return ESCAPES[c] ?? (code > 0xff ? `\\u${hex(code, 4)}` : `\\x${hex(code, 2)}`);
  });
  return q + escaped + q;
}

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

function formatKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return IDENTIFIER.test(key) ? key : quote(key);
}

// Brand checks through the built-ins' own getters and methods: unlike instanceof or
// Symbol.toStringTag they cannot be fooled by, or run, user code.
const NOT = Symbol('not');
/** Calls a built-in getter or method on `self`; NOT when `self` lacks the internal slot it needs. */
function probe(fn: Function | undefined, self: object, ...args: unknown[]): unknown {
  try {
    return fn ? Reflect.apply(fn, self, args) : NOT;
  } catch {
    return NOT;
  }
}
const getter = (proto: object, key: PropertyKey) => Reflect.getOwnPropertyDescriptor(proto, key)?.get;
const TypedArrayProto = Reflect.getPrototypeOf(Int8Array.prototype) as object;
const typedArrayTag = getter(TypedArrayProto, Symbol.toStringTag);
const typedArrayLength = getter(TypedArrayProto, 'length');
const mapSize = getter(Map.prototype, 'size');
const setSize = getter(Set.prototype, 'size');
const bufferLength = getter(ArrayBuffer.prototype, 'byteLength');
const sharedBufferLength = typeof SharedArrayBuffer === 'function' ? getter(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const regexpSource = getter(RegExp.prototype, 'source');
const FUNCTION_KINDS = new Map<unknown, string>([
  [Reflect.getPrototypeOf(async function () {}), 'AsyncFunction'],
  [Reflect.getPrototypeOf(function* () {}), 'GeneratorFunction'],
  [Reflect.getPrototypeOf(async function* () {}), 'AsyncGeneratorFunction'],
]);
const BOXES = [Number, String, Boolean, Symbol, BigInt].map((box) => [box.name, box.prototype.valueOf] as const);

/** How one kind of object is printed: `base open entries close`, e.g. `Map(2) { 'a' => 1 }`. */
interface Shape {
  base: string;
  open: '[' | '{';
  /** Number of the kind's own entries (items, map entries...), before formatting them. */
  count: number;
  items: (child: Child) => string[];
  /** Name for the `[Name]` placeholder beyond the depth limit. */
  tag: string;
  /** `base` alone is the whole form when there is nothing else to show (functions, dates...). */
  standalone: boolean;
  /** Own keys to leave out of the property list; null: list no properties at all. */
  skipIndicesBelow: number | null;
  hidden?: readonly string[];
}

function formatObject(value: object, ctx: Ctx, level: number, indent: number, column: number): string {
  const shape = shapeOf(value);
  const all = shape.skipIndicesBelow === null ? [] : ownProperties(value, shape.skipIndicesBelow);
  const props = all.filter(([key]) => typeof key !== 'string' || !shape.hidden?.includes(key));
  const close = shape.open === '[' ? ']' : '}';
  const base = shape.base.replaceAll('\n', `\n${' '.repeat(indent)}`); // multi-line error stacks
  const head = base && base + ' ';
  if (shape.count === 0 && props.length === 0) return shape.standalone ? base : `${head}${shape.open}${close}`;
  if (level > MAX_DEPTH) return shape.standalone ? base : `[${shape.tag}]`;
  const child: Child = (v, prefixLen) => formatValue(v, ctx, level + 1, indent + 2, indent + 2 + prefixLen);
  const entries = shape.items(child);
  for (const [key, desc] of props) {
    const name = formatKey(key);
    entries.push(`${name}: ${desc ? describe(desc, child, name.length + 2) : PLACEHOLDER}`);
  }
  const single = `${head}${shape.open} ${entries.join(', ')} ${close}`;
  if (!single.includes('\n') && column + single.length <= ctx.maxWidth) return single;
  const pad = ' '.repeat(indent + 2);
  return `${head}${shape.open}\n${entries.map((e) => pad + e).join(',\n')}\n${' '.repeat(indent)}${close}`;
}

function describe(desc: PropertyDescriptor, child: Child, prefixLen: number): string {
  if ('value' in desc) return child(desc.value, prefixLen);
  return desc.get ? (desc.set ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
}

/** Own enumerable properties, with null for a property whose descriptor could not be read. */
function ownProperties(value: object, skipIndicesBelow: number): [string | symbol, PropertyDescriptor | null][] {
  const out: [string | symbol, PropertyDescriptor | null][] = [];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string' && isIndex(key) && Number(key) < skipIndicesBelow) continue;
    let desc: PropertyDescriptor | null | undefined = null;
    try {
      desc = Reflect.getOwnPropertyDescriptor(value, key);
    } catch {} // listed as a placeholder
    if (desc === null || desc?.enumerable) out.push([key, desc]);
  }
  return out;
}

const isIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

function shapeOf(value: object): Shape {
  const plain = { count: 0, items: () => [], standalone: false, skipIndicesBelow: 0 };
  if (typeof value === 'function') return { ...plain, base: functionBase(value), open: '{', tag: 'Function', standalone: true };
  if (Array.isArray(value)) {
    const length = (value as unknown[]).length;
    const name = constructorName(value);
    const base = name === 'Array' || !name ? '' : `${name}(${length})`;
    const items = (child: Child) => arrayItems(value, length, child);
    const skip = length > MAX_KEYED_ARRAY ? null : length;
    return { ...plain, base, open: '[', count: length, items, tag: 'Array', skipIndicesBelow: skip };
  }
  const typed = probe(typedArrayTag, value);
  if (typeof typed === 'string') {
    const length = probe(typedArrayLength, value) as number;
    const items = (child: Child) => capped(length, (i) => child((value as Record<number, unknown>)[i], 0));
    return { ...plain, base: `${typed}(${length})`, open: '[', count: length, items, tag: typed, skipIndicesBelow: null };
  }
  const mapCount = probe(mapSize, value);
  if (typeof mapCount === 'number') {
    const items = (child: Child) => iterated(Map.prototype.entries, value, mapCount, ([k, v]: [unknown, unknown]) => {
      const key = child(k, 0);
      return `${key} => ${child(v, key.length + 4)}`;
    });
    return { ...plain, base: `Map(${mapCount})`, open: '{', count: mapCount, items, tag: 'Map' };
  }
  const setCount = probe(setSize, value);
  if (typeof setCount === 'number') {
    const items = (child: Child) => iterated(Set.prototype.values, value, setCount, (v: unknown) => child(v, 0));
    return { ...plain, base: `Set(${setCount})`, open: '{', count: setCount, items, tag: 'Set' };
  }
  for (const [name, fn] of [['ArrayBuffer', bufferLength], ['SharedArrayBuffer', sharedBufferLength]] as const) {
    const bytes = probe(fn, value);
    if (typeof bytes === 'number') return { ...plain, base: name, open: '{', count: 1, items: () => [`byteLength: ${bytes}`], tag: name };
  }
  for (const [name, has] of [['WeakMap', WeakMap.prototype.has], ['WeakSet', WeakSet.prototype.has]] as const) {
    if (probe(has, value, {}) !== NOT) return { ...plain, base: name, open: '{', count: 1, items: () => ['<items unknown>'], tag: name };
  }
  const time = probe(Date.prototype.getTime, value);
  if (typeof time === 'number') {
    const base = Number.isNaN(time) ? 'Invalid Date' : String(probe(Date.prototype.toISOString, value));
    return { ...plain, base, open: '{', tag: 'Date', standalone: true };
  }
  if (value !== RegExp.prototype && typeof probe(regexpSource, value) === 'string') {
    return { ...plain, base: String(probe(RegExp.prototype.toString, value)), open: '{', tag: 'RegExp', standalone: true };
  }
  if (value instanceof Error) {
    const hidden = ['name', 'message', 'stack']; // already in the header
    return { ...plain, base: errorBase(value), open: '{', tag: 'Error', standalone: true, hidden };
  }
  if (value instanceof Promise) return { ...plain, base: 'Promise', open: '{', tag: 'Promise' };
  for (const [name, valueOf] of BOXES) {
    const inner = probe(valueOf, value);
    if (inner === NOT) continue;
    const skip = typeof inner === 'string' ? inner.length : 0; // a String box has an index key per character
    return { ...plain, base: `[${name}: ${formatPrimitive(inner)}]`, open: '{', tag: name, standalone: true, skipIndicesBelow: skip };
  }
  const name = constructorName(value);
  if (name === null) {
    const tag = Reflect.getOwnPropertyDescriptor(value, Symbol.toStringTag)?.value;
    const base = `[${typeof tag === 'string' ? tag : 'Object'}: null prototype]`;
    return { ...plain, base, open: '{', tag: base.slice(1, -1) };
  }
  return { ...plain, base: name === 'Object' ? '' : name, open: '{', tag: name || 'Object' };
}

/** The nearest constructor's name on the prototype chain, read without running getters; null: none. */
function constructorName(value: object): string | null {
  try {
    for (let obj: object | null = value, i = 0; obj !== null && i < 1000; obj = Reflect.getPrototypeOf(obj), i++) {
      const ctor: unknown = Reflect.getOwnPropertyDescriptor(obj, 'constructor')?.value;
      if (typeof ctor === 'function') return ownName(ctor);
    }
    return null;
  } catch {
    return ''; // a Proxy whose traps throw: show its properties without a name
  }
}

function ownName(fn: object): string {
  const name: unknown = Reflect.getOwnPropertyDescriptor(fn, 'name')?.value;
  return typeof name === 'string' ? name : '';
}

function functionBase(fn: object): string {
  const name = ownName(fn);
  const source = probe(Function.prototype.toString, fn);
  if (typeof source === 'string' && /^class\b/.test(source)) {
    const parent = Reflect.getPrototypeOf(fn);
    const extend = typeof parent === 'function' && parent !== Function.prototype ? ` extends ${ownName(parent) || '(anonymous)'}` : '';
    return `[class ${name || '(anonymous)'}${extend}]`;
  }
  const kind = FUNCTION_KINDS.get(Reflect.getPrototypeOf(fn)) ?? 'Function';
  return `[${kind}${name ? `: ${name}` : ' (anonymous)'}]`;
}

function errorBase(error: Error): string {
  const name = String(error.name);
  const message = String(error.message);
  const header = message ? `${name}: ${message}` : name;
  const stack: unknown = error.stack;
  if (typeof stack !== 'string' || !stack.trim()) return header;
  if (stack.includes(header)) return stack.trimEnd();
  // V8's header went stale (name or message changed after the stack was first read); Firefox and
  // Safari write none. Either way: our header, then the frames (`    at f (x.js:1:1)` or `f@x.js:1:1`).
  const lines = stack.trimEnd().split('\n');
  const isFrame = (line: string): boolean => /^\s+at\s/.test(line) || line.includes('@');
  const first = lines.findIndex(isFrame);
  const frames = first < 0 ? [] : lines.slice(first).map((line) => (/^\s+at\s/.test(line) ? line : `    at ${line}`));
  return [header, ...frames].join('\n');
}

/** The first MAX_ITEMS entries of an indexed collection plus a `... N more items` tail. */
function capped(length: number, item: (i: number) => string): string[] {
  const out = Array.from({ length: Math.min(length, MAX_ITEMS) }, (_, i) => item(i));
  return length > MAX_ITEMS ? [...out, more(length - MAX_ITEMS)] : out;
}

const more = (n: number): string => `... ${n} more item${n === 1 ? '' : 's'}`;

/** Entries of a Map or Set through the built-in iterator `method`, capped like arrays. */
function iterated<T>(method: Function, value: object, size: number, item: (entry: T) => string): string[] {
  const out: string[] = [];
  for (const entry of Reflect.apply(method, value, []) as Iterable<T>) {
    if (out.length === MAX_ITEMS) break;
    out.push(item(entry));
  }
  return size > out.length ? [...out, more(size - out.length)] : out;
}

/** Array entries with each run of holes shown as `<N empty items>`, as Node does. */
function arrayItems(arr: object, length: number, child: Child): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < length && out.length < MAX_ITEMS) {
    const desc = Reflect.getOwnPropertyDescriptor(arr, i);
    const next = desc ? i + 1 : nextPresent(arr, i, length);
    out.push(desc ? describe(desc, child, 0) : `<${next - i} empty item${next - i === 1 ? '' : 's'}>`);
    i = next;
  }
  return i < length ? [...out, more(length - i)] : out;
}

/** The next index at or after `from` that holds an element, or `length`. */
function nextPresent(arr: object, from: number, length: number): number {
  for (let i = from; i < Math.min(length, from + 1024); i++) if (Object.hasOwn(arr, i)) return i;
  // A long gap, as in new Array(1e9): search the keys rather than walk the indices.
  let next = length;
  for (const k of Reflect.ownKeys(arr)) if (typeof k === 'string' && isIndex(k) && +k >= from && +k < next) next = +k;
  return next;
}
