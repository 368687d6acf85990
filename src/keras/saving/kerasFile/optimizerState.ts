/**
 * Optimizer state in `model.weights.h5` (`optimizer/vars/0…`), laid out as Keras 3 keeps it:
 * `iterations` (int64), `learning_rate`, then per trainable variable in model order — Adam:
 * momentum and velocity interleaved; SGD with momentum: the momentum (Keras's `m = μm − lr·g`,
 * which is `−lr` times tfjs's accumulation); RMSprop: every velocity, then every momentum when
 * `momentum > 0`; Adagrad: the accumulators.
 *
 * Behaviour: `optimizerDatasets` writes the state of a compiled model (zeros before the first
 * step, as Keras builds them). `restoreOptimizer` puts a file's state into the freshly compiled
 * optimizer of a loaded model, so training continues as it would have (Adam's bias correction
 * from the step count included); a state that does not fit (another optimizer, AMSGrad, other
 * shapes) is skipped and the reason returned, like Keras's "Skipping variable loading for
 * optimizer" warning.
 *
 * @example
 * const { groups, datasets } = optimizerDatasets(model) ?? { groups: [], datasets: [] };
 */
import * as tf from "@tensorflow/tfjs";
import type { KerasModel } from "../../engine/model";
import { optimizerConfig } from "../../optimizers";
import { setSteps, stepsOf } from "../../optimizers/steps";
import type { H5Dataset } from "./h5";

type Slot = { variable: tf.Variable } | undefined;
type State = Record<string, Slot[] | undefined>;

interface Plan {
  /** tfjs arrays in the order of tfjs's getWeights / setWeights. */
  tfjs: string[];
  /** Keras order: for each entry, which tfjs array; "interleave" pairs them per variable. */
  interleave: boolean;
}

function planFor(name: string, config: Record<string, number | boolean>): Plan | null {
  if (name === "adam")
    return { tfjs: ["accumulatedFirstMoment", "accumulatedSecondMoment"], interleave: true };
  if (name === "sgd")
    return { tfjs: Number(config.momentum ?? 0) > 0 ? ["accumulations"] : [], interleave: false };
  if (name === "rmsprop") {
    const keras = Number(config.momentum ?? 0) > 0;
    return {
      tfjs: keras ? ["accumulatedMeanSquares", "accumulatedMoments"] : ["accumulatedMeanSquares"],
      interleave: false,
    };
  }
  if (name === "adagrad") return { tfjs: ["accumulatedGrads"], interleave: false };
  return null;
}

/** Keras's sign and scale of a tfjs slot value (SGD's momentum is −lr × tfjs's accumulation). */
function toKeras(name: string, lr: number): number {
  return name === "sgd" ? -lr : 1;
}

/** The optimizer groups and datasets of a compiled model, or null (uncompiled / unknown). */
export function optimizerDatasets(
  model: KerasModel,
): { groups: string[]; datasets: H5Dataset[] } | null {
  const compiled = model.compileConfig;
  if (!compiled) return null;
  const opt = compiled.optimizer;
  const { name, config } = optimizerConfig(opt);
  const plan = planFor(name, config);
  if (!plan) return null;
  const lr = Number(config.learningRate);
  const vars = model.tfModel.trainableWeights;
  const state = opt as unknown as State;
  const datasets: H5Dataset[] = [
    { path: "", shape: [], data: BigInt64Array.of(BigInt(stepsOf(opt))) },
    { path: "", shape: [], data: Float32Array.of(lr) },
  ];
  const slotValues = (array: string, i: number): Float32Array => {
    const slot = state[array]?.[i];
    const shape = vars[i].shape as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    if (!slot) {
      const init = name === "adagrad" ? Number(config.initialAccumulatorValue ?? 0.1) : 0;
      return new Float32Array(size).fill(init);
    }
    const values = Float32Array.from(slot.variable.dataSync() as Float32Array);
    const k = toKeras(name, lr);
    return k === 1 ? values : values.map((v) => v * k);
  };
  const push = (array: string, i: number) =>
    datasets.push({
      path: "",
      shape: [...(vars[i].shape as number[])],
      data: slotValues(array, i),
    });
  if (plan.interleave) vars.forEach((_, i) => plan.tfjs.forEach((a) => push(a, i)));
  else plan.tfjs.forEach((a) => vars.forEach((_, i) => push(a, i)));
  datasets.forEach((d, k) => (d.path = `optimizer/vars/${k}`));
  return { groups: ["optimizer", "optimizer/vars"], datasets };
}

/** Restores a file's optimizer state into a freshly compiled model; returns why not, or null. */
export async function restoreOptimizer(
  model: KerasModel,
  store: Map<string, H5Dataset>,
): Promise<string | null> {
  const compiled = model.compileConfig;
  const stored: H5Dataset[] = [];
  for (let k = 0; store.has(`optimizer/vars/${k}`); k++)
    stored.push(store.get(`optimizer/vars/${k}`) as H5Dataset);
  if (!compiled || stored.length === 0) return null;
  const opt = compiled.optimizer;
  const { name, config } = optimizerConfig(opt);
  const plan = planFor(name, config);
  if (!plan) return `no saved state is read for the ${name} optimizer`;
  const vars = model.tfModel.trainableWeights;
  const hasLr = stored.length > 1 && stored[1].shape.length === 0;
  const slots = stored.slice(hasLr ? 2 : 1);
  const want = plan.tfjs.length * vars.length;
  if (slots.length !== want) {
    return `the file holds ${stored.length} optimizer variables; ${name} here needs ${want + (hasLr ? 2 : 1)}`;
  }
  const arrays = plan.tfjs.map(() => [] as H5Dataset[]);
  slots.forEach((d, k) => {
    const [a, i] = plan.interleave
      ? [k % plan.tfjs.length, Math.floor(k / plan.tfjs.length)]
      : [Math.floor(k / vars.length), k % vars.length];
    arrays[a][i] = d;
  });
  for (const list of arrays) {
    for (let i = 0; i < vars.length; i++) {
      if (list[i].shape.join(",") !== vars[i].shape.join(",")) {
        return `optimizer variable for ${vars[i].originalName} has shape (${list[i].shape.join(", ")}) instead of (${vars[i].shape.join(", ")})`;
      }
    }
  }
  const steps = Number(stored[0].data[0]);
  const lr = hasLr ? Number(stored[1].data[0]) : Number(config.learningRate);
  const k = toKeras(name, lr);
  const values: { name: string; tensor: tf.Tensor }[] = [
    { name: "iter", tensor: tf.scalar(steps, "int32") },
  ];
  arrays.forEach((list, a) =>
    list.forEach((d, i) => {
      const raw = d.data instanceof Float32Array ? d.data : Float32Array.from(d.data as Int32Array);
      const data = k === 1 ? raw : raw.map((v) => v / k);
      values.push({
        name: `${vars[i].name}/${plan.tfjs[a]}`,
        tensor: tf.tensor(data, vars[i].shape as number[]),
      });
    }),
  );
  if (name === "rmsprop" && plan.tfjs.length === 1) {
    vars.forEach((v) =>
      values.push({ name: `${v.name}/accumulatedMoments`, tensor: tf.zeros(v.shape as number[]) }),
    );
  }
  try {
    if (plan.tfjs.length > 0 || name !== "sgd") await opt.setWeights(values);
    setSteps(opt, steps);
  } finally {
    tf.dispose(values.map((v) => v.tensor));
  }
  return null;
}
