// The TypeScript options cells are checked with, in the editor and in tests: every cell its own
// module (its names are passed on only through the context, see cell-context.ts), top-level
// await, strict, and the libraries of a worker, where cells run. Plain numbers, because the page
// sets them through Monaco without loading the compiler; a test checks them against its enums.
export function cellCompilerOptions() {
  return {
    target: 99, // ScriptTarget.ESNext
    module: 99, // ModuleKind.ESNext
    moduleResolution: 100, // ModuleResolutionKind.Bundler
    moduleDetection: 3, // ModuleDetectionKind.Force
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'],
    types: [] as string[],
  };
}
