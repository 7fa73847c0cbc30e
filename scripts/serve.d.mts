export declare const isolationHeaders: Record<string, string>;
export declare function headersMiddleware(isolate?: boolean): unknown;
export declare function serve(options?: { port?: number; rootDir?: string; isolate?: boolean; quiet?: boolean }): Promise<{ server: { stop(): Promise<void> }; url: string }>;
