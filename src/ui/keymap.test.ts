import { expect } from 'chai';
import { commandKey } from './keymap';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  commandKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('commandKey', () => {
  it('names plain letters in lower case', () => {
    expect(key('A')).to.equal('a');
    expect(key('d')).to.equal('d');
  });
  it('prefixes modifiers in a fixed order', () => {
    expect(key('Enter', { shiftKey: true })).to.equal('Shift+Enter');
    expect(key('Enter', { altKey: true })).to.equal('Alt+Enter');
    expect(key('s', { ctrlKey: true })).to.equal('Mod+s');
    expect(key('s', { metaKey: true })).to.equal('Mod+s');
    expect(key('Z', { shiftKey: true })).to.equal('Shift+z');
  });
  it('ignores lone modifiers and unknown named keys', () => {
    expect(key('Shift', { shiftKey: true })).to.equal(null);
    expect(key('F5')).to.equal(null);
  });
});
