import { expect } from 'chai';
import { makeCodeCell, makeMarkdownCell, makeNotebook } from './cells';
import { hasUntrustedOutputs, trustOutputs } from './trust';
import { UNTRUSTED } from './types';
import type { CodeCell } from './types';

describe('trusting imported outputs', () => {
  const untrusted = { output_type: 'display_data', data: { 'text/html': '<b>x</b>', 'text/plain': 'x' }, metadata: { [UNTRUSTED]: true, keep: 1 } } as const;
  const plain = { output_type: 'stream', name: 'stdout', text: 'hi\n' } as const;
  const imported = makeNotebook('t', [makeMarkdownCell('# t'), { ...makeCodeCell('1'), outputs: [plain, untrusted] }, { ...makeCodeCell('2'), outputs: [plain] }]);

  it('finds and lifts the marks, keeping other metadata and untouched cells', () => {
    expect(hasUntrustedOutputs(imported)).to.equal(true);
    const nb = trustOutputs(imported);
    expect(hasUntrustedOutputs(nb)).to.equal(false);
    expect((nb.cells[1] as CodeCell).outputs[1]).to.deep.equal({ ...untrusted, metadata: { keep: 1 } });
    expect(nb.cells[0]).to.equal(imported.cells[0]);
    expect(nb.cells[2]).to.equal(imported.cells[2]);
    expect(trustOutputs(nb)).to.equal(nb);
  });
});
