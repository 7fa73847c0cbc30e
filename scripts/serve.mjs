// Dev server for dist/: @web/dev-server with the cross-origin isolation headers that make
// SharedArrayBuffer available (the kernel's interrupt flag needs it).
import { startDevServer } from '@web/dev-server';

export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Middleware adding the isolation headers; `isolate: false` serves the app without them. */
export function headersMiddleware(isolate = true) {
  return async (ctx, next) => {
    await next();
    if (isolate) for (const [k, v] of Object.entries(isolationHeaders)) ctx.set(k, v);
    if (ctx.path.endsWith('.wasm')) ctx.type = 'application/wasm';
  };
}

export async function serve({ port = 8000, rootDir = 'dist', isolate = true, quiet = false } = {}) {
  const server = await startDevServer({
    config: { rootDir, port, hostname: '127.0.0.1', middleware: [headersMiddleware(isolate)], clearTerminalOnReload: false },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    // Each server would add its own SIGINT handler; tests and scripts start many and stop them.
    autoExitProcess: !quiet,
  });
  const address = server.server?.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  if (!quiet) console.log(`Nabla is running at http://localhost:${actualPort}/`);
  return { server, url: `http://localhost:${actualPort}/` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve({ port: Number(process.env.PORT ?? 8000) });
}
