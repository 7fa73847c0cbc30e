import { expect } from 'chai';
import { repr, reprHook } from './repr';

describe('repr', () => {
  describe('primitives', () => {
    it('prints numbers as JS does, keeping the sign of -0', () => {
      expect(repr(1.5)).to.equal('1.5');
      expect(repr(-0)).to.equal('-0');
      expect(repr(NaN)).to.equal('NaN');
      expect(repr(-Infinity)).to.equal('-Infinity');
      expect(repr(1e21)).to.equal('1e+21');
    });
    it('prints bigint, undefined, null, booleans and symbols', () => {
      expect(repr(10n)).to.equal('10n');
      expect(repr(undefined)).to.equal('undefined');
      expect(repr(null)).to.equal('null');
      expect(repr(true)).to.equal('true');
      expect(repr(Symbol('x'))).to.equal('Symbol(x)');
      expect(repr(Symbol())).to.equal('Symbol()');
    });
    it('quotes strings unless quoteStrings is false, and always quotes nested ones', () => {
      expect(repr('abc')).to.equal("'abc'");
      expect(repr('abc', { quoteStrings: false })).to.equal('abc');
      expect(repr(['abc'], { quoteStrings: false })).to.equal("[ 'abc' ]");
    });
    it('picks a free quote and escapes control characters', () => {
      expect(repr("it's")).to.equal(`"it's"`);
      expect(repr(`it's "x"`)).to.equal("`it's \"x\"`");
      expect(repr(`'"\``)).to.equal(`'\\'"\`'`);
      expect(repr('a\nb\t\\')).to.equal("'a\\nb\\t\\\\'");
      expect(repr('\x00\x1b')).to.equal("'\\x00\\x1B'");
    });
  });

  describe('functions', () => {
    it('prints functions, anonymous ones, async and generator functions', () => {
      function named() {}
      expect(repr(named)).to.equal('[Function: named]');
      expect(repr([() => 1][0])).to.equal('[Function (anonymous)]');
      expect(repr(async function f() {})).to.equal('[AsyncFunction: f]');
      expect(repr(function* g() {})).to.equal('[GeneratorFunction: g]');
      expect(repr(Math.max)).to.equal('[Function: max]');
    });
    it('prints classes, with what they extend', () => {
      class A {}
      class B extends A {}
      expect(repr(A)).to.equal('[class A]');
      expect(repr(B)).to.equal('[class B extends A]');
    });
    it('shows own enumerable properties of a function', () => {
      expect(repr(Object.assign(function h() {}, { a: 1 }))).to.equal('[Function: h] { a: 1 }');
    });
  });

  describe('arrays', () => {
    it('prints arrays, empty arrays and holes', () => {
      expect(repr([1, 2, 3])).to.equal('[ 1, 2, 3 ]');
      expect(repr([])).to.equal('[]');
      expect(repr([1, , , 4])).to.equal('[ 1, <2 empty items>, 4 ]');
      expect(repr(new Array(1))).to.equal('[ <1 empty item> ]');
    });
    it('finds the elements of a huge sparse array quickly', () => {
      const a: number[] = new Array(1e9);
      a[5e8] = 1;
      expect(repr(a)).to.equal('[ <500000000 empty items>, 1, <499999999 empty items> ]');
    });
    it('shows only the first 100 items', () => {
      const text = repr(Array.from({ length: 1000 }, (_, i) => i));
      const lines = text.split('\n');
      expect(lines).to.have.length(103);
      expect(lines.slice(0, 3)).to.deep.equal(['[', '  0,', '  1,']);
      expect(lines.slice(-3)).to.deep.equal(['  99,', '  ... 900 more items', ']']);
    });
    it('shows non-index properties after the items', () => {
      expect(repr(Object.assign([1, 2], { foo: 'bar' }))).to.equal("[ 1, 2, foo: 'bar' ]");
    });
    it('prints typed arrays with their type and length, capped at 100 items', () => {
      expect(repr(new Float64Array([1, 2, 3]))).to.equal('Float64Array(3) [ 1, 2, 3 ]');
      expect(repr(new Float32Array([-0, 0.5]))).to.equal('Float32Array(2) [ -0, 0.5 ]');
      expect(repr(new BigInt64Array(2))).to.equal('BigInt64Array(2) [ 0n, 0n ]');
      expect(repr(new Uint8Array(0))).to.equal('Uint8Array(0) []');
      const lines = repr(new Int32Array(1000)).split('\n');
      expect(lines[0]).to.equal('Int32Array(1000) [');
      expect(lines.slice(-2)).to.deep.equal(['  ... 900 more items', ']']);
    });
    it('prints ArrayBuffers by their size', () => {
      expect(repr(new ArrayBuffer(8))).to.equal('ArrayBuffer { byteLength: 8 }');
    });
  });

  describe('objects', () => {
    it('quotes keys only when they are not identifiers', () => {
      expect(repr({ a: 1, 'b-c': 'x' })).to.equal("{ a: 1, 'b-c': 'x' }");
      expect(repr({ 1: 2, $a: 3, _b: 4 })).to.equal("{ '1': 2, $a: 3, _b: 4 }");
      expect(repr({})).to.equal('{}');
    });
    it('prefixes class instances with the constructor name', () => {
      class Point {
        constructor(
          public x: number,
          public y: number,
        ) {}
      }
      expect(repr(new Point(1, 2))).to.equal('Point { x: 1, y: 2 }');
      class Empty {}
      expect(repr(new Empty())).to.equal('Empty {}');
    });
    it('marks null-prototype objects', () => {
      expect(repr(Object.create(null))).to.equal('[Object: null prototype] {}');
      expect(repr(Object.assign(Object.create(null), { a: 1 }))).to.equal('[Object: null prototype] { a: 1 }');
    });
    it('shows symbol keys', () => {
      expect(repr({ [Symbol('s')]: 1, a: 2 })).to.equal('{ a: 2, [Symbol(s)]: 1 }');
    });
    it('shows getters and setters without invoking them', () => {
      let calls = 0;
      const o = {
        get g() {
          calls++;
          return 1;
        },
        get gs() {
          calls++;
          return 1;
        },
        set gs(_: number) {},
        set s(_: number) {},
      };
      expect(repr(o)).to.equal('{ g: [Getter], gs: [Getter/Setter], s: [Setter] }');
      expect(calls).to.equal(0);
    });
    it('leaves out non-enumerable properties', () => {
      expect(repr(Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }))).to.equal('{ a: 1 }');
    });
  });

  describe('built-in objects', () => {
    it('prints Map and Set with their sizes', () => {
      expect(repr(new Map([['a', 1], ['b', 2]]))).to.equal("Map(2) { 'a' => 1, 'b' => 2 }");
      expect(repr(new Set([1]))).to.equal('Set(1) { 1 }');
      expect(repr(new Map())).to.equal('Map(0) {}');
      expect(repr(new Map([[{ k: 1 }, [1]]]))).to.equal('Map(1) { { k: 1 } => [ 1 ] }');
    });
    it('caps Map and Set at 100 entries', () => {
      const lines = repr(new Set(Array.from({ length: 250 }, (_, i) => i))).split('\n');
      expect(lines[0]).to.equal('Set(250) {');
      expect(lines.slice(-2)).to.deep.equal(['  ... 150 more items', '}']);
    });
    it('prints dates as ISO strings and regexps as literals', () => {
      expect(repr(new Date(0))).to.equal('1970-01-01T00:00:00.000Z');
      expect(repr(new Date(NaN))).to.equal('Invalid Date');
      expect(repr(/x/g)).to.equal('/x/g');
      expect(repr({ when: new Date(0), re: /a+b/i })).to.equal('{ when: 1970-01-01T00:00:00.000Z, re: /a+b/i }');
    });
    it('prints errors as their stack, or name: message without one', () => {
      const e = new Error('boom');
      e.stack = 'Error: boom\n    at f (x.js:1:1)';
      expect(repr(e)).to.equal('Error: boom\n    at f (x.js:1:1)');
      const t = new TypeError('bad');
      t.stack = undefined;
      expect(repr(t)).to.equal('TypeError: bad');
    });
    it('indents the stack of a nested error', () => {
      const e = new Error('inner');
      e.stack = 'Error: inner\n    at g (y.js:2:2)';
      expect(repr({ e })).to.equal('{\n  e: Error: inner\n      at g (y.js:2:2)\n}');
    });
    it('adds the header to a stack that lists only frames (Firefox)', () => {
      const e = new RangeError('r');
      e.stack = 'f@x.js:1:1\n';
      expect(repr(e)).to.equal('RangeError: r\n    at f@x.js:1:1');
    });
    it('shows other own properties of an error after it', () => {
      const e = Object.assign(new Error('x'), { code: 'E1' });
      e.stack = 'Error: x\n    at f (x.js:1:1)';
      expect(repr(e)).to.equal("Error: x\n    at f (x.js:1:1) {\n  code: 'E1'\n}");
    });
    it('replaces a stale V8 header (name changed after the stack was read)', () => {
      const e = new Error('m');
      e.stack = 'Error: m\n    at f (x.js:1:1)';
      e.name = 'MyError';
      expect(repr(e)).to.equal('MyError: m\n    at f (x.js:1:1)');
      e.stack = 'Error: m';
      expect(repr(e)).to.equal('MyError: m');
    });
    it('prints promises and weak collections without their contents', () => {
      expect(repr(Promise.resolve(1))).to.equal('Promise {}');
      expect(repr(new WeakMap())).to.equal('WeakMap { <items unknown> }');
      expect(repr(new WeakSet())).to.equal('WeakSet { <items unknown> }');
    });
    it('prints boxed primitives', () => {
      expect(repr(Object(3))).to.equal('[Number: 3]');
      expect(repr(Object('ab'))).to.equal("[String: 'ab']");
    });
  });

  describe('nesting', () => {
    it('replaces containers deeper than 4 levels with their kind', () => {
      expect(repr({ a: { b: { c: { d: { e: { f: 1 } } } } } })).to.equal('{ a: { b: { c: { d: { e: [Object] } } } } }');
      expect(repr([[[[[[1]]]]]])).to.equal('[ [ [ [ [ [Array] ] ] ] ] ]');
      expect(repr([[[[[{}]]]]])).to.equal('[ [ [ [ [ {} ] ] ] ] ]');
    });
    it('marks circular references', () => {
      const o: Record<string, unknown> = { name: 'c' };
      o.self = o;
      expect(repr(o)).to.equal("<ref *1> { name: 'c', self: [Circular *1] }");
      const a: unknown[] = [1];
      a.push({ back: a });
      expect(repr(a)).to.equal('<ref *1> [ 1, { back: [Circular *1] } ]');
    });
    it('prints an object seen twice, but not circularly, in full both times', () => {
      const shared = { x: 1 };
      expect(repr([shared, shared])).to.equal('[ { x: 1 }, { x: 1 } ]');
    });
  });

  describe('the nabla.repr hook', () => {
    it('uses the string the hook returns, before anything else', () => {
      const tensor = { [Symbol.for('nabla.repr')]: () => 'Tensor(2, 2) [[1, 2], [3, 4]]' };
      expect(repr(tensor)).to.equal('Tensor(2, 2) [[1, 2], [3, 4]]');
      const fn = Object.assign(() => 0, { [reprHook]: () => 'custom fn' });
      expect(repr(fn)).to.equal('custom fn');
      expect(repr([tensor])).to.equal('[ Tensor(2, 2) [[1, 2], [3, 4]] ]');
    });
    it('indents a multi-line hook result to its position', () => {
      const t = { [reprHook]: () => 'T\n row' };
      expect(repr({ t })).to.equal('{\n  t: T\n   row\n}');
    });
    it('falls back to the ordinary form when the hook throws or returns a non-string', () => {
      expect(repr({ a: 1, [reprHook]: () => 5 })).to.equal('{ a: 1, [Symbol(nabla.repr)]: [Function: [nabla.repr]] }');
      const bad = {
        [reprHook]() {
          throw new Error('no');
        },
      };
      expect(repr(bad)).to.equal('{ [Symbol(nabla.repr)]: [Function: [nabla.repr]] }');
    });
  });

  describe('line breaking', () => {
    it('keeps a container on one line while it fits in maxWidth', () => {
      const o = { alpha: 'a'.repeat(20), beta: 'b'.repeat(20) };
      expect(repr(o)).to.equal(`{ alpha: '${'a'.repeat(20)}', beta: '${'b'.repeat(20)}' }`);
      expect(repr(o, { maxWidth: 40 })).to.equal(`{\n  alpha: '${'a'.repeat(20)}',\n  beta: '${'b'.repeat(20)}'\n}`);
    });
    it('breaks only the containers that do not fit, indenting by two spaces per level', () => {
      const o = { long: 'x'.repeat(40), other: 'y'.repeat(40), nested: { a: [1, 2, 3] } };
      expect(repr(o)).to.equal(
        `{\n  long: '${'x'.repeat(40)}',\n  other: '${'y'.repeat(40)}',\n  nested: { a: [ 1, 2, 3 ] }\n}`,
      );
      const deep = { outer: { inner: ['p'.repeat(30), 'q'.repeat(30)] } };
      expect(repr(deep)).to.equal(`{\n  outer: {\n    inner: [\n      '${'p'.repeat(30)}',\n      '${'q'.repeat(30)}'\n    ]\n  }\n}`);
    });
    it('counts the text before a value on its line', () => {
      const v = ['z'.repeat(30), 'w'.repeat(30)]; // 70 characters on its own line
      expect(repr(v)).to.equal(`[ '${'z'.repeat(30)}', '${'w'.repeat(30)}' ]`);
      expect(repr({ k: v }).split('\n')[1]).to.equal('  k: [');
    });
  });

  describe('hostile values', () => {
    it('never throws on a revoked Proxy', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      expect(repr(proxy)).to.equal('[Uninspectable]');
      expect(repr({ p: proxy })).to.equal('{ p: [Uninspectable] }');
    });
    it('never throws when a Proxy trap throws', () => {
      const noKeys = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
      expect(repr(noKeys)).to.equal('[Uninspectable]');
      const noDescriptors = new Proxy({ a: 1 }, { getOwnPropertyDescriptor: () => { throw new Error('no'); } });
      expect(repr(noDescriptors)).to.equal('{ a: [Uninspectable] }');
      const noGet = new Proxy({ a: 1 }, { get: () => { throw new Error('no'); } });
      expect(repr(noGet)).to.equal('{ a: 1 }');
    });
    it('prints a Proxy through its traps without calling get', () => {
      let gets = 0;
      const p = new Proxy({ a: 1 }, { get: (t, k) => (gets++, Reflect.get(t, k)) });
      expect(repr(p)).to.equal('{ a: 1 }');
      expect(gets).to.equal(1); // only the lookup of the nabla.repr hook
    });
  });
});
