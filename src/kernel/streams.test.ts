import { expect } from 'chai';
import { MAX_LINES_PER_RUN, RunOutputCap, formatConsoleArgs } from './streams';

describe('formatConsoleArgs', () => {
  it('joins arguments like the browser console, strings unquoted at top level', () => {
    expect(formatConsoleArgs(['cost', 0.5, [1, 'a']])).to.equal("cost 0.5 [ 1, 'a' ]");
  });
  it('applies printf-style substitutions', () => {
    expect(formatConsoleArgs(['%s: %d items (%f)', 'batch', 64.7, 0.25])).to.equal('batch: 64 items (0.25)');
    expect(formatConsoleArgs(['100%% done'])).to.equal('100% done');
    expect(formatConsoleArgs(['%o', { a: 1 }, 'tail'])).to.equal('{ a: 1 } tail');
  });
});

describe('RunOutputCap', () => {
  it('passes output through until the cap, then notes the truncation once and counts the rest', () => {
    const written: string[] = [];
    const cap = new RunOutputCap({ write: (name, text) => written.push(`${name}:${text}`) });
    for (let i = 0; i < MAX_LINES_PER_RUN + 10; i++) cap.write('stdout', `${i}\n`);
    cap.finish();
    expect(written.length).to.equal(MAX_LINES_PER_RUN + 2);
    expect(written[MAX_LINES_PER_RUN - 1]).to.equal(`stdout:${MAX_LINES_PER_RUN - 1}\n`);
    expect(written[MAX_LINES_PER_RUN]).to.match(/^stderr:\[output truncated/);
    expect(written[MAX_LINES_PER_RUN + 1]).to.equal('stderr:[10 more lines were not shown]\n');
  });
});
