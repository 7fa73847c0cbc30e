// Worker entry: exposes the kernel to the page over comlink and catches what escapes cells.
import * as Comlink from 'comlink';
import { Kernel } from './kernel';

const kernel = new Kernel();

self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  e.preventDefault();
  kernel.reportLateError(e.reason);
});
self.addEventListener('error', (e: ErrorEvent) => {
  e.preventDefault();
  kernel.reportLateError(e.error ?? new Error(e.message));
});

// A cell may call close(); the page cannot observe a worker ending by itself, so say it first.
const scope = self as unknown as { close(): void };
const realClose = scope.close.bind(self);
scope.close = () => {
  kernel.dying('A cell called close(), which ends the kernel.');
  setTimeout(realClose, 50);
};

Comlink.expose(kernel);
