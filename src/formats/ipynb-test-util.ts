// A notebook that uses every part of the model .ipynb can hold (attachments, raw cells, all four
// output types, a Vega-Lite chart, unknown metadata at every level), for the round-trip and the
// nbformat validator tests.
import { UNTRUSTED, type Notebook } from '../document';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const VEGA_LITE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: { values: [{ epoch: 1, loss: 0.69 }, { epoch: 2, loss: 0.41 }] },
  mark: { type: 'line', point: true },
  encoding: { x: { field: 'epoch', type: 'quantitative' }, y: { field: 'loss', type: 'quantitative' } },
};

export function richNotebook(): Notebook {
  return {
    id: 'nb-rich',
    title: 'Every output — ∇ round trip',
    metadata: { nabla: { lesson: '01-setup' }, custom: [1, { a: null, b: 'x\ny' }], authors: [{ name: 'Ada' }] },
    cells: [
      {
        id: 'md-1',
        cell_type: 'markdown',
        source: '# Every output\n\nA picture: ![dot](attachment:dot.png)\n',
        metadata: { tags: ['intro'], 'custom.key': { deep: [1, 2, { z: true }] } },
        attachments: { 'dot.png': { 'image/png': PNG, 'text/plain': 'a dot\nof one pixel' } },
      },
      { id: 'raw-1', cell_type: 'raw', source: '.. note:: raw\n   text', metadata: { format: 'text/x-rst', unknown: 1 } },
      {
        id: 'code-1',
        cell_type: 'code',
        source: 'for (let e = 1; e <= 2; e++) console.log(`epoch ${e}`);\nconsole.error("careful");\nplot.line(losses)',
        metadata: { collapsed: false, scrolled: true, 'nabla.custom': { any: ['thing'] } },
        execution_count: 3,
        outputs: [
          { output_type: 'stream', name: 'stdout', text: 'epoch 1\nepoch 2\n' },
          { output_type: 'stream', name: 'stderr', text: 'careful\n' },
          {
            output_type: 'display_data',
            data: { 'application/vnd.vegalite.v5+json': VEGA_LITE, 'text/plain': '<VegaLite 5 object>\n\nline chart' },
            metadata: { custom: { width: 400 } },
            display_id: 'chart-1',
          },
          {
            output_type: 'execute_result',
            execution_count: 3,
            data: {
              'text/plain': 'Tensor([1, 2])',
              'text/html': '<table>\n<tr><td>1</td><td>2</td></tr>\n</table>',
              'application/json': { shape: [2], values: [1, 2] },
              'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg">\n<circle r="1"/>\n</svg>',
            },
            metadata: { [UNTRUSTED]: true, unknown: { nested: 'kept' } },
          },
        ],
      },
      {
        id: 'code-2',
        cell_type: 'code',
        source: 'np.linalg.inv(singular)\n',
        metadata: {},
        execution_count: 4,
        outputs: [
          {
            output_type: 'error',
            ename: 'LinAlgError',
            evalue: 'Singular matrix',
            traceback: ['\u001b[0;31mLinAlgError\u001b[0m: Singular matrix', '    at inv (cell 4, line 1)\n    at <cell>'],
          },
        ],
      },
      { id: 'code-3', cell_type: 'code', source: '', metadata: {}, execution_count: null, outputs: [] },
    ],
  };
}
