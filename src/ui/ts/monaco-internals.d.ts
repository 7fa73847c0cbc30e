// Monaco's TypeScript worker pieces, imported by path: the package types none of them.
declare module 'monaco-editor/internal/common/initialize' {
  export function initialize(factory: (ctx: unknown, createData: unknown) => object): void;
}

declare module 'monaco-editor/languages/features/typescript/lib/typescriptServices' {
  /** The whole compiler namespace, as Monaco bundles it. */
  export const typescript: typeof import('typescript');
}

declare module 'monaco-editor/languages/features/typescript/tsWorker' {
  import type * as TS from 'typescript';
  export interface MirrorModel {
    readonly uri: { toString(): string };
    readonly version: number;
    getValue(): string;
  }
  /** The language service host and the methods the page calls through the worker proxy. */
  export class TypeScriptWorker {
    constructor(ctx: unknown, createData: unknown);
    getLanguageService(): TS.LanguageService;
    getScriptFileNames(): string[];
    getScriptVersion(fileName: string): string;
    _getScriptText(fileName: string): string | undefined;
    _getModel(fileName: string): MirrorModel | null;
    getSyntacticDiagnostics(fileName: string): Promise<TS.Diagnostic[]>;
    getSemanticDiagnostics(fileName: string): Promise<TS.Diagnostic[]>;
    getSuggestionDiagnostics(fileName: string): Promise<TS.Diagnostic[]>;
    getDefinitionAtPosition(fileName: string, position: number): Promise<readonly TS.DefinitionInfo[] | undefined>;
  }
}
