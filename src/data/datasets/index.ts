/**
 * The shipped datasets: `datasets.bostonHousing()`, `datasets.breastCancer()`,
 * `datasets.seattleWeather()` (danfo DataFrames) and `datasets.mnist()` (tensors). All load
 * from the package's data/ folder, never from the network.
 */
export { bostonHousing, breastCancer, seattleWeather } from "./csvDatasets";
export { mnist, type MnistOptions, type MnistData } from "./mnist";
