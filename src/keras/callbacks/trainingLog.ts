/**
 * Where training messages go: `Epoch 12: early stopping`, `Epoch 3: val_loss improved …`,
 * `Epoch 4: ReduceLROnPlateau reducing learning rate to …`.
 *
 * Behaviour: while a notebook progress view is open (`ProgbarLogger` with verbose 1 inside the
 * kernel), a message becomes a line of that view, in Keras's order between the epochs' lines,
 * so the whole training run is one output. Otherwise it is printed with `console.log`.
 * `fit` closes any view that is still open when it ends, also after an error.
 *
 * @example
 * trainingLog("Epoch 12: early stopping");
 */

/** Takes one message line. */
export type TrainingLogSink = (line: string) => void;

let sink: TrainingLogSink | null = null;

/** Show one training message (see the module doc). */
export function trainingLog(line: string): void {
  if (sink) sink(line);
  else console.log(line);
}

/** Send messages to `next` (a progress view) from now on; `null` prints them again. */
export function setTrainingLogSink(next: TrainingLogSink | null): void {
  sink = next;
}
