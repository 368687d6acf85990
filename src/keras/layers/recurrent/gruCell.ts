/**
 * `ResetAfterGRUCell`: one timestep of Keras 3's default GRU (`reset_after=True`), which
 * tfjs-layers lacks (its GRUCell throws for `resetAfter: true`).
 *
 * Behaviour: with `x·W + b_in` split into (x_z, x_r, x_h) and `h·U + b_rec` into (r_z, r_r, r_h),
 * Keras's gate order: `z = σ(x_z + r_z)`, `r = σ(x_r + r_r)`,
 * `h̃ = tanh(x_h + r ⊙ r_h)`, `h' = z ⊙ h + (1 − z) ⊙ h̃` (σ = recurrentActivation, tanh =
 * activation). Weights as Keras: kernel `[features, 3·units]`, recurrent_kernel
 * `[units, 3·units]`, bias `[2, 3·units]` (row 0 the input bias, row 1 the recurrent bias).
 * Dropout as Keras 3: one input mask when `recurrentDropout` is 0, otherwise one mask per gate
 * for the inputs and for the state (the mixing step uses the undropped state). Everything is tf
 * ops, so gradients flow on every backend. Option parsing and `getConfig` are tfjs's GRUCell's
 * (the class extends it), with `resetAfter: true` in the config.
 *
 * @example
 * const cell = new ResetAfterGRUCell({ units: 4 });
 * cell.build([null, 3]);
 * cell.countParams(); // 108
 */
import * as tf from "@tensorflow/tfjs";

type GRUCellArgs = Parameters<typeof tf.layers.gruCell>[0];
type TfjsGRUCell = ReturnType<typeof tf.layers.gruCell>;
type Kwargs = { [key: string]: unknown };

/** tfjs's GRUCell class (not exported by name; taken from an instance). */
const TfjsGRUCellClass = Object.getPrototypeOf(tf.layers.gruCell({ units: 1 })).constructor as {
  new (args: GRUCellArgs): TfjsGRUCell;
  className: string;
  fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T;
};

function dropMask(like: tf.Tensor, rate: number): tf.Tensor {
  return tf.keep(tf.dropout(tf.onesLike(like), rate));
}

/** A GRU cell with the reset gate applied after the recurrent matrix product (Keras 3). */
export class ResetAfterGRUCell extends TfjsGRUCellClass {
  static override className = "ResetAfterGRUCell";
  /** Always true for this cell. */
  readonly resetAfter = true;
  /** Input dropout masks of the current call (1, or 3 with recurrent dropout). */
  inputMasks: tf.Tensor[] | null = null;
  /** Recurrent dropout masks of the current call (one per gate). */
  stateMasks: tf.Tensor[] | null = null;

  constructor(args: GRUCellArgs) {
    super({ ...args, resetAfter: false });
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    const u = this.units;
    this.kernel = this.addWeight(
      "kernel",
      [inputDim, 3 * u],
      undefined,
      this.kernelInitializer,
      this.kernelRegularizer,
      true,
      this.kernelConstraint,
    );
    this.recurrentKernel = this.addWeight(
      "recurrent_kernel",
      [u, 3 * u],
      undefined,
      this.recurrentInitializer,
      this.recurrentRegularizer,
      true,
      this.recurrentConstraint,
    );
    if (this.useBias) {
      this.bias = this.addWeight(
        "bias",
        [2, 3 * u],
        undefined,
        this.biasInitializer,
        this.biasRegularizer,
        true,
        this.biasConstraint,
      );
    } else {
      this.bias = null as unknown as TfjsGRUCell["bias"];
    }
    this.built = true;
  }

  /** Disposes the dropout masks of the previous call (done by the layer before each call). */
  resetDropoutMasks(): void {
    if (this.inputMasks) tf.dispose(this.inputMasks);
    if (this.stateMasks) tf.dispose(this.stateMasks);
    this.inputMasks = null;
    this.stateMasks = null;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor[];
      const training = kwargs["training"] === true;
      const dropIn = training && this.dropout > 0 && this.dropout < 1;
      const dropRec = training && this.recurrentDropout > 0 && this.recurrentDropout < 1;
      const count = this.recurrentDropout > 0 ? 3 : 1;
      if (dropIn && !this.inputMasks) {
        this.inputMasks = Array.from({ length: count }, () => dropMask(x, this.dropout));
      }
      if (dropRec && !this.stateMasks) {
        this.stateMasks = [0, 1, 2].map(() => dropMask(h, this.recurrentDropout));
      }
      const kernel = this.kernel.read();
      const recurrent = this.recurrentKernel.read();
      const [bIn, bRec] = this.useBias ? tf.split(this.bias.read(), 2, 0) : [null, null];
      let xs: tf.Tensor[];
      let rs: tf.Tensor[];
      if (count === 1) {
        const xd = dropIn && this.inputMasks ? tf.mul(x, this.inputMasks[0]) : x;
        let mx = tf.matMul(xd as tf.Tensor2D, kernel as tf.Tensor2D) as tf.Tensor;
        let mi = tf.matMul(h as tf.Tensor2D, recurrent as tf.Tensor2D) as tf.Tensor;
        if (bIn && bRec) {
          mx = tf.add(mx, bIn);
          mi = tf.add(mi, bRec);
        }
        xs = tf.split(mx, 3, -1);
        rs = tf.split(mi, 3, -1);
      } else {
        const ks = tf.split(kernel, 3, -1);
        const us = tf.split(recurrent, 3, -1);
        const bis = bIn ? tf.split(bIn, 3, -1) : [];
        const brs = bRec ? tf.split(bRec, 3, -1) : [];
        xs = [0, 1, 2].map((g) => {
          const xg = dropIn && this.inputMasks ? tf.mul(x, this.inputMasks[g]) : x;
          const p = tf.matMul(xg as tf.Tensor2D, ks[g] as tf.Tensor2D) as tf.Tensor;
          return bIn ? tf.add(p, bis[g]) : p;
        });
        rs = [0, 1, 2].map((g) => {
          const hg = dropRec && this.stateMasks ? tf.mul(h, this.stateMasks[g]) : h;
          const p = tf.matMul(hg as tf.Tensor2D, us[g] as tf.Tensor2D) as tf.Tensor;
          return bRec ? tf.add(p, brs[g]) : p;
        });
      }
      const z = this.recurrentActivation.apply(tf.add(xs[0], rs[0]));
      const r = this.recurrentActivation.apply(tf.add(xs[1], rs[1]));
      const candidate = this.activation.apply(tf.add(xs[2], tf.mul(r, rs[2])));
      const next = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), candidate));
      return [next, next];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), resetAfter: true };
  }
}

tf.serialization.registerClass(ResetAfterGRUCell);
