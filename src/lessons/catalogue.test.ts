import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { fromMarkdown, toMarkdown } from '../formats/md';
import { LESSONS, LESSON_SOURCES, findLesson } from './catalogue';

const files = readdirSync('notebooks').filter((f) => f.endsWith('.md')).sort();

describe('lesson catalogue', () => {
  it('ships every notebooks/*.md, in file order, as it is on disk', () => {
    expect(Object.keys(LESSON_SOURCES)).to.deep.equal(files);
    for (const f of files) expect(LESSON_SOURCES[f], f).to.equal(readFileSync(`notebooks/${f}`, 'utf8'));
  });

  for (const f of files) {
    it(`${f} is byte-stable through the Markdown format`, () => {
      const text = readFileSync(`notebooks/${f}`, 'utf8');
      expect(toMarkdown(fromMarkdown(text))).to.equal(text);
    });
  }

  it('gives each lesson a unique slug, a version and fixed cell ids', () => {
    expect(new Set(LESSONS.map((l) => l.slug)).size).to.equal(LESSONS.length);
    const welcome = findLesson('welcome')!;
    expect(welcome.version).to.be.a('number');
    expect(welcome.title).to.equal('Welcome to Nabla');
    const ids = welcome.original().cells.map((c) => c.id);
    expect(ids[0]).to.equal('welcome-1');
    expect(welcome.original().cells.map((c) => c.id)).to.deep.equal(ids);
  });
});
