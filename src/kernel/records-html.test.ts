import { expect } from 'chai';
import { MAX_ROWS, isRecordArray, recordsTable } from './records-html';
import { mimeBundle } from './display';

describe('display() of rows', () => {
  it('tells rows from other arrays', () => {
    expect(isRecordArray([{ a: 1 }, { b: 2 }])).to.equal(true);
    expect(isRecordArray([])).to.equal(false);
    expect(isRecordArray([1, 2])).to.equal(false);
    expect(isRecordArray([{ a: 1 }, [1]])).to.equal(false);
    expect(isRecordArray([new Date()])).to.equal(false);
  });

  it('draws one column per key in order of appearance, numbers rounded and escaped text', () => {
    const html = recordsTable([{ run: 'gd', accuracy: 0.716666666 }, { run: '<b>adam</b>', accuracy: 0.9433333, t: 25000 }]);
    expect(html).to.contain('<th>run</th><th>accuracy</th><th>t</th>');
    expect(html).to.contain('<td class="num">0.716667</td><td></td>');
    expect(html).to.contain('<td>&lt;b&gt;adam&lt;/b&gt;</td>');
    expect(html).to.contain('<td class="num">25000</td>');
  });

  it('stops after MAX_ROWS rows with a count of the rest', () => {
    const rows = Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({ i }));
    const html = recordsTable(rows);
    expect(html.match(/<tr><th>\d+<\/th>/g)).to.have.length(MAX_ROWS);
    expect(html).to.contain('… 5 more rows');
  });

  it('is what display() shows, while a cell result stays text', () => {
    const rows = [{ a: 1 }];
    expect(mimeBundle(rows, { rich: true })['text/html']).to.contain('nb-records');
    expect(mimeBundle(rows)['text/html']).to.equal(undefined);
  });
});
