/**
 * `activationsFigure()`: the common activation functions side by side, the figure behind
 * `plotActivations`.
 *
 * Behaviour: sigmoid, tanh, relu and swish on x ∈ [-5, 5] (101 points), and softmax of an
 * example score vector [2, 1, 0.1, -1] as bars (the probabilities sum to 1).
 *
 * @example
 * activationsFigure().data.length; // 5
 */
import { bar } from "./bar";
import { Figure } from "./figure";
import { line } from "./line";
import { subplots } from "./subplots";
import { range } from "./values";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Softmax of `scores` (numerically stable).
 *
 * @example
 * softmax([0, 0]); // [0.5, 0.5]
 */
export function softmax(scores: number[]): number[] {
  const m = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - m));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** Activation functions (see the module doc). */
export function activationsFigure(): Figure {
  const xs = range(101).map((i) => Math.round((-5 + i * 0.1) * 10) / 10);
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const curve = (name: string, f: (x: number) => number) =>
    line({ x: xs, y: xs.map((x) => round(f(x))), name }, { title: name, xLabel: "x" });
  const scores = [2, 1, 0.1, -1];
  const probs = softmax(scores).map(round);
  const panels = [
    curve("sigmoid", sigmoid),
    curve("tanh", Math.tanh),
    curve("relu", (x) => Math.max(0, x)),
    curve("swish", (x) => x * sigmoid(x)),
    bar(
      scores.map((s) => `z=${s}`),
      probs,
      { title: "softmax([2, 1, 0.1, -1])" },
    ),
  ];
  return subplots(panels, { columns: 5, title: "Activation functions", height: 320 });
}
