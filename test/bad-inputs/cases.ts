/**
 * The catalogue of bad inputs: what a student may type in a notebook cell, and the error it
 * must give. Each case is a TypeScript cell (`code`) run after `PRELUDE`, with every public name
 * of tslab-ml in scope; the error's `name` and a pattern for its whole message are asserted.
 * Messages name the argument, what was received and what was expected.
 *
 * catalogue.test.ts runs every case in-process (and type-checks all of them as tslab would);
 * kernel.test.ts runs the cases marked `kernel` through the real kernel in one notebook.
 */

/** The part of the library a case exercises. */
export type Area = "data" | "preprocessing" | "metrics" | "keras" | "display" | "kernel";

/** One bad input. */
export interface BadInput {
  id: string;
  area: Area;
  /** The cell, as a student types it (PRELUDE's names and the public API are in scope). */
  code: string;
  /** The expected error class name (`error.name`, the kernel's `ename`). */
  name: string;
  /** Pattern for the whole message (the kernel's `evalue`). */
  message: RegExp;
  /** Also run through the kernel (kernel.test.ts). */
  kernel?: boolean;
  /** Only the kernel can run it (a type error tslab reports before running the cell). */
  kernelOnly?: boolean;
}

/** Definitions every case may use (the notebook's first cell). */
export const PRELUDE = `
const X = [[0, 1], [1, 0], [1, 1], [0, 0], [2, 1], [1, 2], [2, 2], [0, 2]];
const Y = [1, 1, 2, 0, 3, 3, 4, 2];
const houses = new DataFrame({ rooms: [3, 4, 2, 5], age: [10, NaN, 30, 5], town: ["a", "b", "a", "c"] });
function regressor(features: number): keras.SequentialModel {
  const model = keras.Sequential([keras.Input({ shape: [features] }), keras.layers.Dense(1)]);
  model.compile({ optimizer: "adam", loss: "mse" });
  return model;
}
const base = regressor(2);
`;

/** Files in the working directory (the notebook's folder) before the cases run. */
export const FILES: Record<string, string> = {
  "ragged.csv": "a,b\n1,2\n3,4,5\n6,7\n",
  "empty.csv": "",
  "prices.csv": "day,price\n2024-01-01,3\n2024-01-02,4\n",
  // the first bytes of a zip, cut off: a .keras file whose copy or download was interrupted
  "cut.keras": "PK\u0003\u0004" + "-".repeat(60),
};

/** Any valid name of a list, as it appears in a "valid … names" message. */
const listing = (...names: string[]) => names.map((n) => `.*"${n}"`).join("") + ".*";

export const CASES: BadInput[] = [
  // ── data ──
  {
    id: "readCsv: missing file",
    area: "data",
    code: `readCsv("no_such_file.csv");`,
    name: "FileNotFoundError",
    message: /^readCsv: file not found: no_such_file\.csv \(working directory: \/.+\)$/,
    kernel: true,
  },
  {
    id: "readCsv: a ragged row",
    area: "data",
    code: `readCsv("ragged.csv");`,
    name: "ValueError",
    message:
      /^readCsv: line 3 of ragged\.csv has 3 fields but the header has 2 \(delimiter ","\); check that line for a missing or extra delimiter, and quote values that contain one$/,
    kernel: true,
  },
  {
    id: "readCsv: empty file",
    area: "data",
    code: `readCsv("empty.csv");`,
    name: "ValueError",
    message: /^readCsv: empty\.csv is empty; a CSV file needs at least a header line$/,
  },
  {
    id: "readCsv: parseDates names a column the file lacks",
    area: "data",
    code: `readCsv("prices.csv", { parseDates: ["date"] });`,
    name: "ValueError",
    message: /^readCsv: parseDates column "date" is not in the file; columns: "day", "price"$/,
  },
  {
    id: "temporalize: fewer rows than timesteps",
    area: "data",
    code: `temporalize([[1], [2]], [10, 20], 3);`,
    name: "ValueError",
    message:
      /^temporalize: timesteps \(3\) is larger than the number of rows of x \(2\); use timesteps ≤ 2$/,
    kernel: true,
  },
  {
    id: "temporalize: timesteps 0",
    area: "data",
    code: `temporalize(X, Y, 0);`,
    name: "ValueError",
    message: /^temporalize: timesteps must be a positive integer; got 0$/,
  },
  {
    id: "toCategorical: a label ≥ numClasses",
    area: "data",
    code: `toCategorical([0, 2, 3], 3);`,
    name: "ValueError",
    message:
      /^toCategorical: labels\[2\] is 3, outside \[0, 2\] for numClasses = 3; raise numClasses to at least 4 or leave it out$/,
    kernel: true,
  },
  {
    id: "toCategorical: a negative label",
    area: "data",
    code: `toCategorical([0, -1, 1]);`,
    name: "ValueError",
    message:
      /^toCategorical: labels must be integers ≥ 0 \(class numbers\); labels\[1\] is -1; encode classes first, e\.g\. with LabelEncoder$/,
  },
  {
    id: "trainTestSplit: testSize 1.5",
    area: "data",
    code: `trainTestSplit(X, Y, { testSize: 1.5 });`,
    name: "ValueError",
    message: /^trainTestSplit: testSize must be in \(0, 1\) or a positive integer; got 1\.5$/,
  },
  {
    id: "trainTestSplit: arrays of different lengths",
    area: "data",
    code: `trainTestSplit(X, [1, 2, 3]);`,
    name: "ValueError",
    message:
      /^trainTestSplit: the arrays have different numbers of rows: argument 1 has 8, argument 2 has 3; every array needs one row per sample$/,
  },
  {
    id: "trainTestSplit: a Python option name",
    area: "data",
    code: `const options = { test_size: 0.2, shuffle: true };\ntrainTestSplit(X, Y, options);`,
    name: "ValueError",
    message:
      /^trainTestSplit: unknown option "test_size"; did you mean "testSize"\? \(options: .+\)$/,
  },
  {
    id: "shift: fractional periods",
    area: "data",
    code: `shift([1, 2, 3], 1.5);`,
    name: "ValueError",
    message: /^shift: periods must be an integer; got 1\.5/,
  },
  {
    id: "fit: an empty DataFrame",
    area: "data",
    code: `await base.fit(new DataFrame([], { columns: ["a", "b"] }), [], { verbose: 0 });`,
    name: "ValueError",
    message: /^fit: x is empty; at least 1 sample is required$/,
  },
  // ── preprocessing ──
  {
    id: "StandardScaler: a string column",
    area: "preprocessing",
    code: `new StandardScaler().fit(houses);`,
    name: "ValueError",
    message:
      /^StandardScaler\.fit: column "town" is not numeric \(values such as "a"\); convert it \(e\.g\. getDummies or LabelEncoder\) or drop it$/,
    kernel: true,
  },
  {
    id: "MinMaxScaler: transform before fit",
    area: "preprocessing",
    code: `new MinMaxScaler().transform(X);`,
    name: "NotFittedError",
    message:
      /^MinMaxScaler\.transform: this MinMaxScaler is not fitted yet; call fit or fitTransform first$/,
    kernel: true,
  },
  {
    id: "LabelEncoder: inverseTransform before fit",
    area: "preprocessing",
    code: `new LabelEncoder().inverseTransform([0, 1]);`,
    name: "NotFittedError",
    message: /^LabelEncoder\.inverseTransform: this LabelEncoder is not fitted yet; call fit/,
  },
  {
    id: "LabelEncoder: an unseen label",
    area: "preprocessing",
    code: `new LabelEncoder().fit(["a", "b"]).transform(["a", "c"]);`,
    name: "ValueError",
    message:
      /^LabelEncoder\.transform: y contains previously unseen labels: \["c"\] \(known classes: \["a", "b"\]\)$/,
  },
  {
    id: "MinMaxScaler: another number of features than in fit",
    area: "preprocessing",
    code: `new MinMaxScaler().fit(X).transform([[1, 2, 3]]);`,
    name: "ValueError",
    message:
      /^MinMaxScaler\.transform: X has 3 features, but MinMaxScaler was fitted with 2 features$/,
  },
  {
    id: "MinMaxScaler: an empty DataFrame",
    area: "preprocessing",
    code: `new MinMaxScaler().fit(new DataFrame([]));`,
    name: "ValueError",
    message: /^MinMaxScaler\.fit: X is empty \(0 samples\); at least 1 sample is required$/,
  },
  {
    id: "StandardScaler: a Python option name",
    area: "preprocessing",
    code: `const options = { with_mean: false, withStd: true };\nnew StandardScaler(options);`,
    name: "ValueError",
    message:
      /^StandardScaler: unknown option "with_mean"; did you mean "withMean"\? \(options: withMean, withStd\)$/,
  },
  {
    id: "getDummies: a column the DataFrame lacks",
    area: "preprocessing",
    code: `getDummies(houses, { columns: ["city"] });`,
    name: "ValueError",
    message:
      /^getDummies: column "city" is not in the DataFrame \(columns: "rooms", "age", "town"\)$/,
  },
  {
    id: "getDummies: a Python option name",
    area: "preprocessing",
    code: `const options = { columns: ["town"], drop_first: true };\ngetDummies(houses, options);`,
    name: "ValueError",
    message: /^getDummies: unknown option "drop_first"; did you mean "dropFirst"\?/,
  },
  // ── metrics ──
  {
    id: "rocAucScore: one class only",
    area: "metrics",
    code: `rocAucScore([1, 1, 1], [0.2, 0.6, 0.9]);`,
    name: "ValueError",
    message:
      /^rocAucScore: only one class present in yTrue \(every label is 1\); ROC AUC score is not defined in that case$/,
    kernel: true,
  },
  {
    id: "accuracyScore: probabilities as predictions",
    area: "metrics",
    code: `accuracyScore([0, 1, 1], [0.2, 0.7, 0.9]);`,
    name: "ValueError",
    message:
      /^accuracyScore: yPred has continuous values \(such as 0\.2\) but accuracyScore needs class labels \(integers such as 0\/1\); pass \{ threshold: 0\.5 \}/,
  },
  {
    id: "r2Score: different lengths",
    area: "metrics",
    code: `r2Score([1, 2, 3], [1, 2]);`,
    name: "ValueError",
    message: /^r2Score: yTrue and yPred have different lengths \(3 != 2\)$/,
  },
  {
    id: "meanSquaredError: NaN",
    area: "metrics",
    code: `meanSquaredError([1, NaN, 3], [1, 2, 3]);`,
    name: "ValueError",
    message:
      /^meanSquaredError: yTrue contains 1 NaN or infinite value \(first at row 1: NaN\); fill or drop them first/,
  },
  {
    id: "precisionScore: one probability per class",
    area: "metrics",
    code: `precisionScore([0, 1], tf.tensor2d([[0.2, 0.8], [0.6, 0.4]]));`,
    name: "ValueError",
    message:
      /^precisionScore: yPred must be 1-D; got shape \[2, 2\]\. For one probability per class take the most likely class first \(e\.g\. tf\.argMax\(yPred, -1\)\)/,
  },
  // ── keras ──
  {
    id: "fit: wrong number of features",
    area: "keras",
    code: `await regressor(3).fit(X, Y, { verbose: 0 });`,
    name: "ValueError",
    message: /^fit: x has 2 features but the model's input expects 3 \(Input shape \[3\]\)$/,
    kernel: true,
  },
  {
    id: "predict: wrong number of features",
    area: "keras",
    code: `base.predict([[1, 2, 3]], { verbose: 0 });`,
    name: "ValueError",
    message: /^predict: x has 3 features but the model's input expects 2 \(Input shape \[2\]\)$/,
  },
  {
    id: "fit: x and y lengths differ",
    area: "keras",
    code: `await base.fit(X, [1, 2, 3], { verbose: 0 });`,
    name: "ValueError",
    message: /^fit: x and y have different lengths \(8 != 3\)$/,
  },
  {
    id: "fit: NaN in a DataFrame column",
    area: "keras",
    code: `await base.fit(houses.loc({ columns: ["rooms", "age"] }), [1, 2, 3, 4], { verbose: 0 });`,
    name: "ValueError",
    message:
      /^fit: x contains 1 NaN or infinite value, in column "age" \(first at row 1: NaN\); fit needs finite numbers \(one NaN makes the loss and every weight NaN\): fill or drop those values first \(e\.g\. df\.dropNa\(\) or df\.fillNa\(0\)\)$/,
    kernel: true,
  },
  {
    id: "fit: NaN in y",
    area: "keras",
    code: `await base.fit(X, [1, 1, NaN, 0, 3, 3, 4, NaN], { verbose: 0 });`,
    name: "ValueError",
    message: /^fit: y contains 2 NaN or infinite values \(first at row 2: NaN\); fit needs finite/,
  },
  {
    id: "fit: Infinity in validationData",
    area: "keras",
    code: `await base.fit(X, Y, { verbose: 0, validationData: [[[0, 1], [Infinity, 1]], [1, 2]] });`,
    name: "ValueError",
    message:
      /^fit: validationData x contains 1 NaN or infinite value, in column 0 \(first at row 1: Infinity\); fit needs finite/,
  },
  {
    id: "fit: NaN in a sequence (3-D x)",
    area: "keras",
    code: [
      `const rnn = keras.Sequential([keras.Input({ shape: [3, 1] }), keras.layers.SimpleRNN(2), keras.layers.Dense(1)]);`,
      `rnn.compile({ optimizer: "adam", loss: "mse" });`,
      `await rnn.fit(tf.tensor3d([[[1], [2], [3]], [[2], [NaN], [4]]]), [4, 5], { verbose: 0 });`,
    ].join("\n"),
    name: "ValueError",
    message:
      /^fit: x contains 1 NaN or infinite value \(first in sample 1 at \[1, 0\]: NaN\); fit needs finite/,
  },
  {
    id: "compile: unknown loss",
    area: "keras",
    code: `base.compile({ optimizer: "adam", loss: "binary_crossentrop" });`,
    name: "ValueError",
    message: new RegExp(
      `^compile: unknown loss "binary_crossentrop"; valid loss names: ${listing("mse", "binary_crossentropy")}; did you mean "binary_crossentropy"\\?$`,
    ),
    kernel: true,
  },
  {
    id: "compile: unknown optimizer",
    area: "keras",
    code: `base.compile({ optimizer: "adamm", loss: "mse" });`,
    name: "ValueError",
    message: new RegExp(
      `^compile: unknown optimizer "adamm"; valid optimizer names: ${listing("sgd", "adam")}; did you mean "adam"\\?$`,
    ),
  },
  {
    id: "Dense: unknown activation",
    area: "keras",
    code: `keras.layers.Dense(4, { activation: "sigmod" });`,
    name: "ValueError",
    message: new RegExp(
      `^Dense: unknown activation "sigmod"; valid activation names: ${listing("relu", "sigmoid")}; did you mean "sigmoid"\\?$`,
    ),
  },
  {
    id: "compile: unknown metric",
    area: "keras",
    code: `base.compile({ loss: "mse", metrics: ["acuracy"] });`,
    name: "ValueError",
    message: new RegExp(
      `^compile: unknown metric "acuracy"; valid metric names: ${listing("accuracy", "mae")}; did you mean "accuracy"\\?$`,
    ),
  },
  {
    id: "fit: validationSplit 1",
    area: "keras",
    code: `await base.fit(X, Y, { validationSplit: 1, verbose: 0 });`,
    name: "ValueError",
    message:
      /^fit: validationSplit must be in \[0, 1\), the fraction of rows kept for validation; got 1$/,
    kernel: true,
  },
  {
    id: "fit: negative validationSplit",
    area: "keras",
    code: `await base.fit(X, Y, { validationSplit: -0.2, verbose: 0 });`,
    name: "ValueError",
    message:
      /^fit: validationSplit must be in \[0, 1\), the fraction of rows kept for validation; got -0\.2$/,
  },
  {
    id: "fit: validationSplit that leaves no training rows",
    area: "keras",
    code: `await base.fit(X, Y, { validationSplit: 0.9, verbose: 0 });`,
    name: "ValueError",
    message: /^fit: validationSplit 0\.9 of 8 rows leaves no training rows; use more rows/,
  },
  {
    id: "fit: batchSize 0",
    area: "keras",
    code: `await base.fit(X, Y, { batchSize: 0, verbose: 0 });`,
    name: "ValueError",
    message: /^fit: batchSize must be a positive integer; got 0$/,
  },
  {
    id: "fit: fractional epochs",
    area: "keras",
    code: `await base.fit(X, Y, { epochs: 2.5, verbose: 0 });`,
    name: "ValueError",
    message: /^fit: epochs must be a positive integer; got 2\.5$/,
    kernel: true,
  },
  {
    id: "fit: a Python option name",
    area: "keras",
    code: `const options = { epochs: 2, batch_size: 4 };\nawait base.fit(X, Y, options);`,
    name: "ValueError",
    message:
      /^fit: unknown option "batch_size"; did you mean "batchSize"\? \(options: epochs, batchSize, .+\)$/,
  },
  {
    id: "fit before compile",
    area: "keras",
    code: `await keras.Sequential([keras.Input({ shape: [2] }), keras.layers.Dense(1)]).fit(X, Y, { verbose: 0 });`,
    name: "ValueError",
    message:
      /^fit: the model must be compiled first; call model\.compile\(\{ optimizer: "adam", loss: "mse" \}\)$/,
  },
  {
    id: "compile: a misspelt option",
    area: "keras",
    code: `const options = { loss: "mse", metric: ["mae"] };\nbase.compile(options);`,
    name: "ValueError",
    message:
      /^compile: unknown option "metric"; did you mean "metrics"\? \(options: optimizer, loss, metrics\)$/,
  },
  {
    id: "Adam: a Python option name",
    area: "keras",
    code: `const config = { learning_rate: 0.01, beta1: 0.9 };\nkeras.optimizers.Adam(config);`,
    name: "ValueError",
    message: /^Adam: unknown option "learning_rate"; did you mean "learningRate"\?/,
  },
  {
    id: "fit: class labels for a 3-unit softmax",
    area: "keras",
    code: [
      `const clf = keras.Sequential([keras.Input({ shape: [2] }), keras.layers.Dense(3, { activation: "softmax" })]);`,
      `clf.compile({ optimizer: "adam", loss: "categorical_crossentropy" });`,
      `await clf.fit(X, [0, 1, 2, 0, 1, 2, 0, 1], { verbose: 0 });`,
    ].join("\n"),
    name: "ValueError",
    message:
      /^fit: y holds one value per sample but the model outputs 3 per sample; one-hot encode y \(toCategorical\) or use loss "sparse_categorical_crossentropy"$/,
  },
  {
    id: "Dense: 0 units",
    area: "keras",
    code: `keras.layers.Dense(0);`,
    name: "ValueError",
    message: /^Dense: units must be a positive integer; got 0$/,
  },
  {
    id: "predict: a Python option name",
    area: "keras",
    code: `const options = { verbose: 0 as const, batch_size: 4 };\nbase.predict(X, options);`,
    name: "ValueError",
    message: /^predict: unknown option "batch_size"; did you mean "batchSize"\?/,
  },
  {
    id: "evaluate: a Python option name",
    area: "keras",
    code: `const options = { verbose: 0 as const, batch_size: 4 };\nbase.evaluate(X, Y, options);`,
    name: "ValueError",
    message:
      /^evaluate: unknown option "batch_size"; did you mean "batchSize"\? \(options: batchSize, verbose\)$/,
  },
  {
    id: "loadModel: a truncated .keras file",
    area: "keras",
    code: `await keras.models.loadModel("cut.keras");`,
    name: "ValueError",
    message: /^loadModel: cut\.keras is a damaged zip archive \(.+\); save the model again$/,
    kernel: true,
  },
  {
    id: "save: into a folder that cannot be created",
    area: "keras",
    code: `await base.save("prices.csv/model.keras");`,
    name: "ValueError",
    message:
      /^save: cannot create the folder of prices\.csv\/model\.keras \(E(EXIST|NOTDIR): .+\)$/,
  },
  {
    id: "save: into a read-only folder",
    area: "keras",
    code: `await base.save("/sys/model.keras");`,
    name: "ValueError",
    message: /^save: cannot write \/sys\/model\.keras \(EACCES: permission denied, open '.+'\)$/,
    kernel: true,
  },
  {
    id: "save: a model folder inside a read-only folder",
    area: "keras",
    code: `await base.save("/sys/models/regressor");`,
    name: "ValueError",
    message: /^save: cannot create the folder of \/sys\/models\/regressor \(E(PERM|ACCES): .+\)$/,
  },
  // ── display ──
  {
    id: "visualization_result: lengths differ",
    area: "display",
    code: `visualization_result([1, 2, 3], [1, 2]);`,
    name: "ValueError",
    message: /^visualization_result: pred and y_val have different lengths \(2 != 3\)$/,
    kernel: true,
  },
  {
    id: "scatter: lengths differ",
    area: "display",
    code: `scatter([1, 2, 3], [1, 2]);`,
    name: "ValueError",
    message: /^scatter: x and y have different lengths \(3 != 2\)$/,
  },
  {
    id: "bar: one value short",
    area: "display",
    code: `bar(["cat", "dog"], [3]);`,
    name: "ValueError",
    message: /^bar: labels and values have different lengths \(2 != 1\)$/,
  },
  {
    id: "heatmap: a ragged matrix",
    area: "display",
    code: `heatmap([[1, 2], [3]]);`,
    name: "ValueError",
    message: /^heatmap: z must be rectangular; row 0 has 2 values but row 1 has 1$/,
  },
  {
    id: "dl_history_plot: no epochs",
    area: "display",
    code: `dl_history_plot({ loss: [] });`,
    name: "ValueError",
    message: /^dl_history_plot: history\.loss is empty; train for at least one epoch first$/,
  },
  {
    id: "plotConfusionMatrix: lengths differ",
    area: "display",
    code: `plotConfusionMatrix([0, 1, 1], [0, 1]);`,
    name: "ValueError",
    message: /^plotConfusionMatrix: yTrue and yPred have different lengths \(3 != 2\)$/,
  },
  // ── kernel ──
  {
    id: "kernel: a type error",
    area: "kernel",
    code: `const rooms: number = "three";`,
    name: "TypeScriptError",
    message: /^line \d+, column 7: Type 'string' is not assignable to type 'number'\.$/,
    kernel: true,
    kernelOnly: true,
  },
  {
    id: "kernel: a name never defined",
    area: "kernel",
    code: `console.log(modle.countParams());`,
    name: "TypeScriptError",
    message: /^line \d+, column 13: Cannot find name 'modle'\.( Did you mean '\w+'\?)?$/,
    kernel: true,
    kernelOnly: true,
  },
];
