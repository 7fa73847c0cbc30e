import { expect } from 'chai';
import { appendOutput, outputText, updateDisplay } from './outputs';
import type { Output, StreamOutput } from './types';

const out = (text: string, name: 'stdout' | 'stderr' = 'stdout'): StreamOutput => ({ output_type: 'stream', name, text });
const display = (id: string | undefined, text: string): Output => ({
  output_type: 'display_data',
  data: { 'text/plain': text },
  metadata: {},
  ...(id === undefined ? {} : { display_id: id }),
});

/** Appends chunks one by one and returns the resulting outputs. */
function feed(...chunks: Output[]): Output[] {
  return chunks.reduce<Output[]>((acc, o) => appendOutput(acc, o), []);
}

function texts(outputs: readonly Output[]): string[] {
  return outputs.map(outputText);
}

describe('appendOutput', () => {
  it('merges consecutive chunks of the same stream', () => {
    expect(feed(out('a'), out('b\n'), out('c'))).to.deep.equal([out('ab\nc')]);
  });

  it('starts a new output for another stream name', () => {
    expect(feed(out('a'), out('E', 'stderr'), out('b'))).to.deep.equal([out('a'), out('E', 'stderr'), out('b')]);
  });

  it('starts a new output after a non-stream output', () => {
    const res = feed(out('a'), display(undefined, 'x'), out('b'));
    expect(res).to.have.length(3);
    expect(texts(res)).to.deep.equal(['a', 'x', 'b']);
  });

  it('does not mutate the input array or its outputs', () => {
    const before: Output[] = [out('a')];
    const snapshot = structuredClone(before);
    const after = appendOutput(before, out('b'));
    expect(before).to.deep.equal(snapshot);
    expect(after).to.not.equal(before);
    expect(after).to.deep.equal([out('ab')]);
  });

  describe('carriage returns', () => {
    it('lets a progress bar overwrite its line within one chunk', () => {
      expect(texts(feed(out('10%\r20%\r30%')))).to.deep.equal(['30%']);
    });

    it('overwrites across chunks', () => {
      expect(texts(feed(out('10%'), out('\r20%'), out('\r30%')))).to.deep.equal(['30%']);
      expect(texts(feed(out('10%\r'), out('20%\r'), out('30%')))).to.deep.equal(['30%']);
    });

    it('treats \\r\\n as a newline, also when split between chunks', () => {
      expect(texts(feed(out('a\r\nb')))).to.deep.equal(['a\nb']);
      expect(texts(feed(out('a\r'), out('\nb')))).to.deep.equal(['a\nb']);
      expect(texts(feed(out('a\r\r\nb')))).to.deep.equal(['a\nb']);
    });

    it('only touches the current line', () => {
      expect(texts(feed(out('epoch 1\n'), out('loss 0.9'), out('\rloss 0.5\n'), out('done')))).to.deep.equal([
        'epoch 1\nloss 0.5\ndone',
      ]);
    });

    it('overwrites character by character like a terminal', () => {
      expect(texts(feed(out('abcdef\rxy')))).to.deep.equal(['xycdef']);
    });

    it('keeps a trailing \\r pending but hides it in the text view', () => {
      const [o] = feed(out('50%\r'));
      expect((o as StreamOutput).text).to.equal('50%\r');
      expect(outputText(o!)).to.equal('50%');
    });

    it('does not resolve \\r across stream names', () => {
      const res = feed(out('a\r'), out('b', 'stderr'));
      expect(texts(res)).to.deep.equal(['a', 'b']);
    });
  });
});

describe('updateDisplay', () => {
  it('replaces data and metadata of every matching display', () => {
    const before: Output[] = [display('d1', 'old'), out('x'), display('d2', 'other'), display('d1', 'old2')];
    const snapshot = structuredClone(before);
    const after = updateDisplay(before, 'd1', { 'text/plain': 'new' }, { w: 1 });
    expect(texts(after)).to.deep.equal(['new', 'x', 'other', 'new']);
    expect(after[0]).to.deep.equal({ output_type: 'display_data', data: { 'text/plain': 'new' }, metadata: { w: 1 }, display_id: 'd1' });
    expect(after[2]).to.equal(before[2]);
    expect(before).to.deep.equal(snapshot);
  });

  it('returns the same array when nothing matches', () => {
    const before: Output[] = [display('d1', 'a'), display(undefined, 'b')];
    expect(updateDisplay(before, 'zz', { 'text/plain': 'n' }, {})).to.equal(before);
  });
});

describe('outputText', () => {
  it('gives plain text of each output type', () => {
    expect(outputText(out('hi\n'))).to.equal('hi\n');
    expect(outputText(display(undefined, 'shown'))).to.equal('shown');
    expect(
      outputText({ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': ['a\n', 'b'] }, metadata: {} }),
    ).to.equal('a\nb');
    expect(outputText({ output_type: 'display_data', data: { 'image/png': 'AAAA' }, metadata: {} })).to.equal('');
    expect(outputText({ output_type: 'error', ename: 'TypeError', evalue: 'x is undefined', traceback: [] })).to.equal(
      'TypeError: x is undefined',
    );
  });
});
