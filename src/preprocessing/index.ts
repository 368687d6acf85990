/** scikit-learn / pandas-shaped preprocessing: scalers, label encoding, one-hot columns. */
export { MinMaxScaler, type MinMaxScalerOptions } from "./minMaxScaler";
export { StandardScaler, type StandardScalerOptions } from "./standardScaler";
export { Scaler } from "./scaler";
export type { TableLike } from "./table";
export { LabelEncoder, type Label, type LabelsLike } from "./labelEncoder";
export { getDummies, type GetDummiesOptions } from "./getDummies";
