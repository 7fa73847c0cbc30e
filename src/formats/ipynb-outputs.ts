// A code cell's outputs as read from .ipynb. Rich outputs from a file did not come from this
// page's kernel, so each is marked untrusted: the page then prefers safe renderers for it.
import { UNTRUSTED, type Output } from '../document';
import { FormatError, describe, isRecord, joinBundle, joinText, type Json } from './ipynb-lines';

export function readOutputs(outputs: unknown, cellPath: string, warnings: string[]): Output[] {
  if (outputs === undefined) return [];
  if (!Array.isArray(outputs)) {
    warnings.push(`${cellPath}'s outputs are ${describe(outputs)}, not a list; they were left out`);
    return [];
  }
  return outputs.map((o: unknown, i) => readOutput(o, `${cellPath}.outputs[${i}]`, warnings));
}

function readOutput(output: unknown, path: string, warnings: string[]): Output {
  if (!isRecord(output)) throw new FormatError(`${path} is ${describe(output)}, not an output`);
  const type = output.output_type;
  switch (type) {
    case 'stream':
      return readStream(output, path, warnings);
    case 'display_data':
      return { output_type: 'display_data', data: readData(output, path, warnings), metadata: untrusted(output, path, warnings) };
    case 'execute_result': {
      const count = output.execution_count;
      return {
        output_type: 'execute_result',
        execution_count: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null,
        data: readData(output, path, warnings),
        metadata: untrusted(output, path, warnings),
      };
    }
    case 'error':
      return readError(output, path, warnings);
    default: {
      // Refusing the whole notebook for one output it cannot show would cost the learner more.
      const name = type === undefined ? 'with no output_type' : `of type ${JSON.stringify(type)}`;
      warnings.push(`${path} is an output ${name}, which Nabla does not know; a note stands in its place, and saving will not keep it`);
      return { output_type: 'stream', name: 'stderr', text: `[An output ${name} was left out: Nabla cannot show it.]\n` };
    }
  }
}

function readStream(output: Json, path: string, warnings: string[]): Output {
  const text = joinText(output.text);
  if (text === undefined) warnings.push(`${path}'s text is ${describe(output.text)}, not text; it was read as empty`);
  // nbformat allows any stream name; Nabla keeps two, and anything not stderr reads as stdout.
  if (output.name !== 'stdout' && output.name !== 'stderr') {
    warnings.push(`${path} is a stream named ${JSON.stringify(output.name)}; it was read as stdout`);
  }
  return { output_type: 'stream', name: output.name === 'stderr' ? 'stderr' : 'stdout', text: text ?? '' };
}

function readError(output: Json, path: string, warnings: string[]): Output {
  const { ename, evalue, traceback } = output;
  const lines = Array.isArray(traceback) ? traceback.filter((l): l is string => typeof l === 'string') : [];
  if (typeof ename !== 'string' || typeof evalue !== 'string' || !Array.isArray(traceback) || lines.length !== traceback.length) {
    warnings.push(`${path} is an error without a proper ename, evalue or traceback; what was missing reads as empty`);
  }
  return {
    output_type: 'error',
    ename: typeof ename === 'string' ? ename : '',
    evalue: typeof evalue === 'string' ? evalue : '',
    traceback: lines,
  };
}

function readData(output: Json, path: string, warnings: string[]): Record<string, unknown> {
  if (isRecord(output.data)) return joinBundle(output.data);
  warnings.push(`${path}'s data is ${describe(output.data)}, not a mime bundle; the output shows nothing`);
  return {};
}

function untrusted(output: Json, path: string, warnings: string[]): Record<string, unknown> {
  const { metadata } = output;
  if (metadata !== undefined && !isRecord(metadata)) {
    warnings.push(`${path}'s metadata is ${describe(metadata)}, not an object; it was left out`);
  }
  return { ...(isRecord(metadata) ? metadata : {}), [UNTRUSTED]: true };
}
