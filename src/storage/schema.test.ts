import { expect } from 'chai';
import { makeCodeCell, makeNotebook } from '../document';
import { SCHEMA_VERSION, SchemaError, migrateIndex, migrateRecord, entryOf } from './schema';

describe('storage schema', () => {
  const nb = makeNotebook('Mine', [makeCodeCell('1 + 1')]);

  it('brings a schema-1 record forward with times taken from the caller', () => {
    const r = migrateRecord({ schema: 1, notebook: nb }, 1234);
    expect(r).to.deep.equal({ schema: SCHEMA_VERSION, notebook: nb, created: 1234, modified: 1234 });
  });

  it('keeps the times of a current record', () => {
    const r = migrateRecord({ schema: 2, notebook: nb, created: 5, modified: 9 }, 1234);
    expect([r.created, r.modified]).to.deep.equal([5, 9]);
  });

  it('refuses records from a newer version instead of guessing', () => {
    expect(() => migrateRecord({ schema: SCHEMA_VERSION + 1, notebook: nb })).to.throw(SchemaError, /newer version of Nabla/);
  });

  it('refuses damaged records with a reason', () => {
    expect(() => migrateRecord('oops')).to.throw(SchemaError, /not an object/);
    expect(() => migrateRecord({ schema: 2, notebook: { title: 'x' } })).to.throw(SchemaError, /no id or cells/);
  });

  it('fills a missing title and metadata', () => {
    const r = migrateRecord({ schema: 1, notebook: { id: 'a', cells: [] } }, 1);
    expect(r.notebook).to.deep.equal({ id: 'a', title: 'Untitled', metadata: {}, cells: [] });
  });

  it('migrates index entries and drops unreadable ones', () => {
    const list = migrateIndex([{ id: 'a', title: 'A', modified: 7 }, null, { title: 'no id' }, { id: 'b', modified: 3, created: 1, lesson: 'welcome' }]);
    expect(list).to.deep.equal([
      { id: 'a', title: 'A', modified: 7, created: 7 },
      { id: 'b', title: 'Untitled', modified: 3, created: 1, lesson: 'welcome' },
    ]);
    expect(migrateIndex(undefined)).to.deep.equal([]);
  });

  it('names the lesson of a lesson copy in its entry', () => {
    const copy = makeNotebook('Welcome', [], { nabla: { lesson: { slug: 'welcome', version: 1 } } }, 'lesson-welcome');
    expect(entryOf({ schema: 2, notebook: copy, created: 1, modified: 2 })).to.deep.equal({ id: 'lesson-welcome', title: 'Welcome', modified: 2, created: 1, lesson: 'welcome' });
  });
});
