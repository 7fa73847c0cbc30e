import { expect } from 'chai';
import { RENDERERS, preferredMimeType } from './mime-rank';

const VEGA = 'application/vnd.vegalite.v5+json';
const bundleOf = (...types: string[]): Record<string, unknown> => Object.fromEntries(types.map((t) => [t, 'x']));

describe('mime-rank', () => {
  it('ranks trusted types as before: vega-lite, html, svg, png, jpeg, markdown, text', () => {
    const order = [VEGA, 'text/html', 'image/svg+xml', 'image/png', 'image/jpeg', 'text/markdown', 'text/plain'];
    for (let i = 0; i < order.length; i++) {
      // Each type wins over every type after it, whatever order the bundle lists them in.
      const bundle = bundleOf(...order.slice(i).reverse());
      expect(preferredMimeType(bundle, 'trusted'), order[i]).to.equal(order[i]);
    }
  });

  it('flags html and svg unsafe, the rest safe', () => {
    const unsafe = RENDERERS.filter((r) => !r.safe).flatMap((r) => [...r.mimeTypes]);
    expect(unsafe.sort()).to.deep.equal(['image/svg+xml', 'text/html']);
  });

  it('prefers the best safe type for untrusted outputs', () => {
    expect(preferredMimeType(bundleOf('text/html', 'text/plain'), 'untrusted')).to.equal('text/plain');
    expect(preferredMimeType(bundleOf('image/svg+xml', 'image/png', 'text/plain'), 'untrusted')).to.equal('image/png');
    expect(preferredMimeType(bundleOf('text/html', 'text/markdown'), 'untrusted')).to.equal('text/markdown');
    expect(preferredMimeType(bundleOf('text/html', VEGA), 'untrusted')).to.equal(VEGA);
  });

  it('falls back to the best unsafe type when an untrusted bundle has no safe one', () => {
    expect(preferredMimeType(bundleOf('image/svg+xml', 'text/html'), 'untrusted')).to.equal('text/html');
    expect(preferredMimeType(bundleOf('image/svg+xml'), 'untrusted')).to.equal('image/svg+xml');
  });

  it('finds nothing for unknown types, and ignores inherited keys', () => {
    expect(preferredMimeType(bundleOf('application/x-unknown'), 'trusted')).to.equal(undefined);
    expect(preferredMimeType({}, 'untrusted')).to.equal(undefined);
    expect(preferredMimeType(Object.create({ 'text/plain': 'inherited' }) as Record<string, unknown>, 'trusted')).to.equal(undefined);
  });
});
