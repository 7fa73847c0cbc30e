// Which mime type of a bundle gets shown, as JupyterLab's rendermime chooses: renderers are
// ranked (lower wins) and flagged safe or not. A trusted output shows the best-ranked type it
// carries; an untrusted one (a notebook opened from elsewhere) prefers the best-ranked safe type,
// so a bundle with HTML and text shows its text. Pure data and logic, so it is tested in Node;
// ui/rendermime.ts pairs each type with its lit template.
import type { MimeBundle } from './types';

export type Trust = 'trusted' | 'untrusted';

export interface RendererInfo {
  /** The types this renderer draws, the preferred first when a bundle carries several. */
  readonly mimeTypes: readonly string[];
  /**
   * Safe: hostile data cannot inject markup or script through it (Markdown goes through
   * renderMarkdown, which sanitizes; Vega-Lite runs on vega-interpreter, not eval). Unsafe types
   * (HTML, SVG) carry arbitrary markup and are always sanitized with DOMPurify when shown.
   */
  readonly safe: boolean;
  /** Lower is preferred. */
  readonly rank: number;
}

export const RENDERERS = [
  { mimeTypes: ['application/vnd.vegalite.v5+json'], safe: true, rank: 10 },
  { mimeTypes: ['text/html'], safe: false, rank: 20 },
  { mimeTypes: ['image/svg+xml'], safe: false, rank: 30 },
  { mimeTypes: ['image/png', 'image/jpeg'], safe: true, rank: 40 },
  { mimeTypes: ['text/markdown'], safe: true, rank: 50 },
  { mimeTypes: ['text/plain'], safe: true, rank: 60 },
] as const satisfies readonly RendererInfo[];

/** A mime type some renderer draws: rendermime.ts must have a template for each. */
export type KnownMime = (typeof RENDERERS)[number]['mimeTypes'][number];

interface Candidate {
  readonly mime: KnownMime;
  readonly safe: boolean;
}

const BY_RANK = [...RENDERERS].sort((a, b) => a.rank - b.rank);

/**
 * The mime type to show for a bundle, or undefined when no renderer draws any of its types.
 * @example preferredMimeType({ 'text/html': '<b>1</b>', 'text/plain': '1' }, 'untrusted') // 'text/plain'
 */
export function preferredMimeType(bundle: MimeBundle, trust: Trust): KnownMime | undefined {
  const candidates: Candidate[] = [];
  for (const r of BY_RANK) {
    for (const mime of r.mimeTypes) if (Object.hasOwn(bundle, mime)) candidates.push({ mime, safe: r.safe });
  }
  // Untrusted data with only unsafe types is still shown (sanitized) rather than not at all.
  const pick = trust === 'untrusted' ? (candidates.find((c) => c.safe) ?? candidates[0]) : candidates[0];
  return pick?.mime;
}
