import { expect } from 'chai';
import { makeCodeCell, makeNotebook } from './cells';
import type { KernelEvent } from './events';
import { cellRuntime, emptyRuntime, IDLE_RUNTIME } from './runtime';
import type { RuntimeState } from './runtime';
import { applySteps } from './transactions';
import type { Step } from './transactions';
import { cancelQueued, markKernelLost, queueCell, transitionCell } from './transition';
import type { CodeCell, Notebook } from './types';

/** Feeds events through transitionCell, applying the steps like the session will. */
function play(rt: RuntimeState, doc: Notebook, events: KernelEvent[], now = 1000): { rt: RuntimeState; doc: Notebook; steps: Step[] } {
  const all: Step[] = [];
  for (const ev of events) {
    const t = transitionCell(rt, ev, now);
    rt = t.runtime;
    all.push(...t.steps);
    doc = applySteps(doc, t.steps);
  }
  return { rt, doc, steps: all };
}

const code = (doc: Notebook, id: string): CodeCell => doc.cells.find((c) => c.id === id) as CodeCell;

describe('runtime transitions', () => {
  const doc0 = (): Notebook =>
    makeNotebook('t', [{ ...makeCodeCell('x', 'a'), outputs: [{ output_type: 'stream', name: 'stdout', text: 'old' }], execution_count: 4 }]);

  it('queueCell records the run version without mutating the old map', () => {
    const rt0 = emptyRuntime();
    const rt1 = queueCell(rt0, 'a', 3);
    expect(rt0.size).to.equal(0);
    expect(cellRuntime(rt1, 'a')).to.deep.equal({ ...IDLE_RUNTIME, status: 'queued', run: 3 });
    expect(cellRuntime(rt1, 'zz')).to.equal(IDLE_RUNTIME);
  });

  it('runs a cell from start to done', () => {
    const rt = queueCell(emptyRuntime(), 'a', 1);
    const start = transitionCell(rt, { type: 'start', cellId: 'a', run: 1, executionCount: 5 }, 100);
    expect(start.steps).to.deep.equal([
      { type: 'clearOutputs', cellId: 'a' },
      { type: 'setExecutionCount', cellId: 'a', count: 5 },
    ]);
    expect(cellRuntime(start.runtime, 'a')).to.deep.equal({ status: 'running', run: 1, lastRunOk: null, startedAt: 100, elapsedMs: null });
    expect(cellRuntime(rt, 'a').status).to.equal('queued');

    const { rt: after, doc } = play(start.runtime, applySteps(doc0(), start.steps), [
      { type: 'stream', cellId: 'a', run: 1, name: 'stdout', text: 'step 1\n' },
      { type: 'stream', cellId: 'a', run: 1, name: 'stdout', text: 'step 2\n' },
      { type: 'display', cellId: 'a', run: 1, data: { 'text/plain': '0%' }, metadata: {}, displayId: 'bar' },
      { type: 'update_display', cellId: 'a', run: 1, displayId: 'bar', data: { 'text/plain': '100%' }, metadata: { m: 1 } },
      { type: 'result', cellId: 'a', run: 1, executionCount: 5, data: { 'text/plain': '42' }, metadata: {} },
      { type: 'done', cellId: 'a', run: 1, ok: true, elapsedMs: 12 },
    ]);
    expect(code(doc, 'a')).to.deep.include({
      execution_count: 5,
      outputs: [
        { output_type: 'stream', name: 'stdout', text: 'step 1\nstep 2\n' },
        { output_type: 'display_data', data: { 'text/plain': '100%' }, metadata: { m: 1 }, display_id: 'bar' },
        { output_type: 'execute_result', execution_count: 5, data: { 'text/plain': '42' }, metadata: {} },
      ],
    });
    expect(cellRuntime(after, 'a')).to.deep.equal({ status: 'idle', run: 1, lastRunOk: true, startedAt: 100, elapsedMs: 12 });
  });

  it('turns errors into error outputs and records failure', () => {
    let rt = queueCell(emptyRuntime(), 'a', 1);
    const r = play(rt, doc0(), [
      { type: 'start', cellId: 'a', run: 1, executionCount: 1 },
      { type: 'error', cellId: 'a', run: 1, ename: 'RangeError', evalue: 'bad shape', traceback: ['at cell:1'] },
      { type: 'done', cellId: 'a', run: 1, ok: false, elapsedMs: 3 },
    ]);
    rt = r.rt;
    expect(code(r.doc, 'a').outputs).to.deep.equal([{ output_type: 'error', ename: 'RangeError', evalue: 'bad shape', traceback: ['at cell:1'] }]);
    expect(cellRuntime(rt, 'a')).to.deep.include({ status: 'idle', lastRunOk: false });
  });

  it('drops events of a superseded run', () => {
    let rt = queueCell(emptyRuntime(), 'a', 1);
    rt = transitionCell(rt, { type: 'start', cellId: 'a', run: 1, executionCount: 1 }, 0).runtime;
    rt = queueCell(rt, 'a', 2); // re-run requested; run 1 is now stale
    const stale: KernelEvent[] = [
      { type: 'stream', cellId: 'a', run: 1, name: 'stdout', text: 'old run' },
      { type: 'error', cellId: 'a', run: 1, ename: 'E', evalue: 'v', traceback: [] },
      { type: 'display', cellId: 'a', run: 1, data: {}, metadata: {} },
      { type: 'done', cellId: 'a', run: 1, ok: true, elapsedMs: 1 },
      { type: 'start', cellId: 'a', run: 0, executionCount: 9 },
    ];
    for (const ev of stale) {
      const t = transitionCell(rt, ev, 5);
      expect(t.runtime, ev.type).to.equal(rt);
      expect(t.steps, ev.type).to.deep.equal([]);
    }
    expect(cellRuntime(rt, 'a')).to.deep.include({ status: 'queued', run: 2 });
  });

  it('drops events for cells never queued', () => {
    const rt = emptyRuntime();
    const t = transitionCell(rt, { type: 'stream', cellId: 'a', run: 0, name: 'stdout', text: 'x' }, 0);
    expect(t).to.deep.equal({ runtime: rt, steps: [] });
  });

  it('lands a late error or log after done on the same run', () => {
    const r = play(queueCell(emptyRuntime(), 'a', 7), doc0(), [
      { type: 'start', cellId: 'a', run: 7, executionCount: 1 },
      { type: 'done', cellId: 'a', run: 7, ok: true, elapsedMs: 2 },
      { type: 'error', cellId: 'a', run: 7, ename: 'UnhandledRejection', evalue: 'boom', traceback: [] },
      { type: 'stream', cellId: 'a', run: 7, name: 'stdout', text: 'timer fired' },
    ]);
    expect(code(r.doc, 'a').outputs).to.deep.equal([
      { output_type: 'error', ename: 'UnhandledRejection', evalue: 'boom', traceback: [] },
      { output_type: 'stream', name: 'stdout', text: 'timer fired' },
    ]);
    expect(cellRuntime(r.rt, 'a').status).to.equal('idle');
  });

  it('ignores a late start or result after done', () => {
    const r = play(queueCell(emptyRuntime(), 'a', 1), doc0(), [
      { type: 'start', cellId: 'a', run: 1, executionCount: 1 },
      { type: 'done', cellId: 'a', run: 1, ok: true, elapsedMs: 2 },
    ]);
    for (const ev of [
      { type: 'start', cellId: 'a', run: 1, executionCount: 2 },
      { type: 'result', cellId: 'a', run: 1, executionCount: 1, data: {}, metadata: {} },
    ] satisfies KernelEvent[]) {
      expect(transitionCell(r.rt, ev, 0).steps).to.deep.equal([]);
    }
  });

  it('a queued cell accepts only start or done', () => {
    const rt = queueCell(emptyRuntime(), 'a', 1);
    expect(transitionCell(rt, { type: 'stream', cellId: 'a', run: 1, name: 'stdout', text: 'x' }, 0).steps).to.deep.equal([]);
    const skipped = transitionCell(rt, { type: 'done', cellId: 'a', run: 1, ok: false, elapsedMs: 0 }, 0);
    expect(cellRuntime(skipped.runtime, 'a')).to.deep.include({ status: 'idle', lastRunOk: false });
  });

  it('cancelQueued idles queued cells only', () => {
    let rt = queueCell(queueCell(emptyRuntime(), 'a', 1), 'b', 2);
    rt = transitionCell(rt, { type: 'start', cellId: 'a', run: 1, executionCount: 1 }, 0).runtime;
    const c = cancelQueued(rt);
    expect(cellRuntime(c, 'a').status).to.equal('running');
    expect(cellRuntime(c, 'b')).to.deep.include({ status: 'idle', run: 2 });
    expect(cellRuntime(rt, 'b').status).to.equal('queued');
    expect(cancelQueued(c)).to.equal(c);
  });

  it('markKernelLost fails every queued or running cell', () => {
    let rt = queueCell(queueCell(queueCell(emptyRuntime(), 'a', 1), 'b', 2), 'c', 3);
    rt = transitionCell(rt, { type: 'start', cellId: 'a', run: 1, executionCount: 1 }, 0).runtime;
    rt = transitionCell(rt, { type: 'start', cellId: 'c', run: 3, executionCount: 2 }, 0).runtime;
    rt = transitionCell(rt, { type: 'done', cellId: 'c', run: 3, ok: true, elapsedMs: 1 }, 0).runtime;
    const lost = markKernelLost(rt);
    expect(cellRuntime(lost, 'a')).to.deep.include({ status: 'idle', lastRunOk: false });
    expect(cellRuntime(lost, 'b')).to.deep.include({ status: 'idle', lastRunOk: false });
    expect(cellRuntime(lost, 'c')).to.deep.include({ status: 'idle', lastRunOk: true });
    expect(cellRuntime(rt, 'a').status).to.equal('running');
  });
});
