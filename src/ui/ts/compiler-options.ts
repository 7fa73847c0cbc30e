// The TypeScript options cells are checked with, in the editor and in tests: every cell its own
// module (its names are passed on only through the context, see cell-context.ts), top-level
// await, strict, and the libraries of a worker, where cells run.
import type * as TS from 'typescript';

export function cellCompilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'],
    types: [],
  };
}
