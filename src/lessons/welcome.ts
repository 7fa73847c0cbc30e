// The built-in welcome notebook: a short tour of how cells behave, until the lessons ship.
import { makeCodeCell, makeMarkdownCell, makeNotebook } from '../document';
import type { Notebook } from '../document';

const md = String.raw;

export function welcomeNotebook(): Notebook {
  return makeNotebook('Welcome to Nabla', [
    makeMarkdownCell(md`# Welcome to Nabla

Nabla is a notebook for learning how deep networks are trained. Cells are **TypeScript**, compiled in
this page and run in a background worker, the *kernel*, so the page stays responsive.

- Run a cell with **Shift+Enter** (run and go to the next cell) or **Ctrl+Enter** (run and stay).
- **Esc** leaves the editor; then **A** / **B** insert a cell above / below, **D D** deletes, **Z** undoes,
  **M** makes a markdown cell and **Y** a code cell.
- Math works in markdown: the logistic loss is $\mathcal{L}(\hat y, y) = -y\log\hat y - (1-y)\log(1-\hat y)$, and

$$J = \frac{1}{m}\sum_{i=1}^{m} \mathcal{L}\big(\hat y^{(i)}, y^{(i)}\big).$$`),
    makeCodeCell(`// Top-level names live on from cell to cell, as in Jupyter.
const m = 4;
const losses = [0.69, 0.41, 0.22, 0.1];
losses.length === m`),
    makeCodeCell(`// The value of the last expression is shown below the cell; a trailing ; hides it.
const mean = losses.reduce((a, b) => a + b, 0) / m;
mean`),
    makeCodeCell(`// console.log streams while the cell runs, and top-level await works.
for (let epoch = 1; epoch <= 3; epoch++) {
  console.log(\`epoch \${epoch}: cost \${(1 / epoch).toFixed(3)}\`);
  await new Promise((r) => setTimeout(r, 300));
}`),
    makeMarkdownCell(md`Cells also see \`np\` (numpy, printed as numpy prints), \`dl\` (the course's toolkit) and \`plot\`.
Here the course's $[2, 10, 5, 1]$ network learns the circles data set while its cost curve draws itself.`),
    makeCodeCell(`np.random.seed(1);
const { X, Y } = dl.data.makeCircles(300, { noise: 0.05 });
const net = dl.sequential([
  dl.dense(10, { activation: 'relu' }),
  dl.dense(5, { activation: 'relu' }),
  dl.dense(1, { activation: 'sigmoid' }),
], 2, { seed: 3 });
const curve = display(plot.line([], { x: 'iteration', y: 'cost', title: 'Training cost' }));
for (const k of progress(150, 'training')) {
  const history = net.fit(X, Y, { epochs: 100, lr: 0.01 });
  curve.append({ x: (k + 1) * 100, y: history.cost[history.cost.length - 1] });
}
net.params.W1`),
    makeCodeCell(`// What the network learned: its output on a grid, with the training points on top.
display(plot.decisionBoundary((G) => net.forward(G), X, Y));`),
    makeMarkdownCell(md`A loop that never ends can be stopped with the **■ Interrupt** button (or **I I**): the kernel keeps
your variables. **↻ Restart** clears them all.`),
    makeCodeCell(`let steps = 0;
while (true) { steps++; }   // run me, then interrupt`),
    makeCodeCell(`steps   // still here after the interrupt`),
  ]);
}
