// Cell source -> runnable function text, in the page: esbuild-wasm strips the types, then the
// rewrite pass gives the code Jupyter's cross-cell semantics and loop guards.
import * as esbuild from 'esbuild-wasm/esm/browser.js';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { rewriteCell } from './rewrite';
import { endsWithSemicolon } from './semicolon';

export interface CompiledCode {
  readonly code: string;
  readonly hasResult: boolean;
  readonly lineMap: readonly number[];
  readonly declared: readonly string[];
}

export interface CompileDiagnostic {
  readonly message: string;
  /** 1-based line and column in the cell. */
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly lineText: string;
}

export type CompileResult =
  | { readonly ok: true; readonly compiled: CompiledCode }
  | { readonly ok: false; readonly diagnostics: readonly CompileDiagnostic[] };

let ready: Promise<void> | null = null;

const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'esm',
  target: 'es2022',
  sourcemap: 'external',
  sourcefile: 'cell.ts',
  // Otherwise esbuild drops an import the cell does not use yet, and `import { np } from
  // "nabla"` alone would define nothing.
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
} as const satisfies esbuild.TransformOptions;

/**
 * Loads and compiles esbuild.wasm once per page; every later call returns the same promise, so
 * kernel restarts never fetch or compile it again.
 */
export function initCompiler(wasmURL: string): Promise<void> {
  if (!ready) {
    performance.mark('nabla:esbuild-init-start');
    ready = esbuild
      .initialize({ wasmURL, worker: true })
      .then(() => {
        performance.measure('nabla:esbuild-init', 'nabla:esbuild-init-start');
        // The first transform pays for warming up the wasm (several hundred ms): pay it now,
        // not when the learner runs their first cell.
        return esbuild.transform('const warm: number = 1;', TRANSFORM_OPTIONS);
      })
      .then(() => undefined);
  }
  return ready;
}

interface EsbuildMessage {
  text: string;
  location: { line: number; column: number; length: number; lineText: string } | null;
}

function isTransformFailure(e: unknown): e is { errors: EsbuildMessage[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errors?: unknown }).errors);
}

export async function compileCell(source: string): Promise<CompileResult> {
  if (!ready) throw new Error('initCompiler() must be called before compileCell()');
  await ready;
  let out: { code: string; map: string };
  try {
    out = await esbuild.transform(source, TRANSFORM_OPTIONS);
  } catch (e) {
    if (!isTransformFailure(e)) throw e;
    return {
      ok: false,
      diagnostics: e.errors.map((m) => ({
        message: m.text,
        line: m.location?.line ?? 1,
        column: (m.location?.column ?? 0) + 1,
        length: m.location?.length ?? 1,
        lineText: m.location?.lineText ?? '',
      })),
    };
  }
  let rewritten;
  try {
    rewritten = rewriteCell(out.code, { suppressResult: endsWithSemicolon(source) });
  } catch (e) {
    // esbuild accepted it, so this is a construct the rewrite pass does not know: say so plainly.
    return { ok: false, diagnostics: [{ message: `Cannot compile this cell: ${(e as Error).message}`, line: 1, column: 1, length: 1, lineText: '' }] };
  }
  return {
    ok: true,
    compiled: { code: rewritten.code, hasResult: rewritten.hasResult, declared: rewritten.declared, lineMap: lineMapOf(out.map) },
  };
}

/** For each line of esbuild's output, the first cell line it maps to (the rewrite keeps lines). */
function lineMapOf(map: string): number[] {
  const lines: number[] = [];
  eachMapping(new TraceMap(map), (m) => {
    const k = m.generatedLine - 1;
    if (m.originalLine != null && !lines[k]) lines[k] = m.originalLine;
  });
  for (let i = 0; i < lines.length; i++) lines[i] ??= 0;
  return lines;
}
