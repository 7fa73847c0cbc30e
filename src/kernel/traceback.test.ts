import { expect } from 'chai';
import { errorContent, scriptName } from './traceback';
import type { CellScript } from './traceback';

describe('errorContent', () => {
  const scripts = new Map<string, CellScript>([
    [scriptName(1), { label: 'In [1]', lineMap: [1, 2, 3, 4], sourceLines: ['function f(x: number) {', '  return g(x);', '}', ''] }],
    [scriptName(2), { label: 'In [2]', lineMap: [1, 3], sourceLines: ['const a = 1;', '', 'f(a)'] }],
  ]);

  it('maps V8 frames of compiled cells to cell lines and quotes the code', () => {
    const err = new TypeError('g is not a function');
    err.stack = [
      'TypeError: g is not a function',
      '    at __nbf_f (nabla-cell-1.js:2:10)',
      '    at eval (nabla-cell-2.js:2:17)',
      '    at Kernel.run (http://localhost/kernel.js:1:2000)',
    ].join('\n');
    const c = errorContent(err, scripts);
    expect(c.ename).to.equal('TypeError');
    expect(c.evalue).to.equal('g is not a function');
    expect(c.traceback).to.deep.equal([
      'TypeError: g is not a function',
      '    at f (In [1], line 2): return g(x);',
      '    at In [2], line 3: f(a)',
    ]);
  });

  it('reports thrown non-errors by their repr', () => {
    const c = errorContent({ code: 7 }, scripts);
    expect(c.ename).to.equal('Uncaught');
    expect(c.evalue).to.equal('{ code: 7 }');
  });

  it('skips frames of cells it does not know', () => {
    const err = new Error('x');
    err.stack = 'Error: x\n    at nabla-cell-9.js:1:1';
    expect(errorContent(err, scripts).traceback).to.deep.equal(['Error: x']);
  });
});
