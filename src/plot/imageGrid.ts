/**
 * `imageGrid(images, options)`: grayscale images in a grid, each with its label.
 *
 * Behaviour: shows the first `limit` images (e.g. 5×5 MNIST digits), dark ink on white as
 * matplotlib's `binary` colour map, all on the same scale (the smallest value white, the largest
 * black), each as a small PNG in a plotly `image` trace (25 digits ≈ 15 KB, not ≈ 80 KB of
 * numbers). With `predicted`, each
 * caption reads "label → prediction" and wrong predictions are red; the title counts them.
 *
 * Options:
 * - `labels` (default none): one label per image (numbers or strings, an array or a tensor).
 * - `predicted` (default none): predicted labels, same length as `labels`.
 * - `columns` (default 5): images per row.
 * - `limit` (default 25): how many images to show.
 * - `size` (default 120): pixels per image.
 * - `title` (default none): figure title.
 *
 * @example
 * imageGrid(xTest.slice(0, 25), { labels: yTest.slice(0, 25) }).data.length; // 25
 */
import { checkPositiveInteger, checkSameLength } from "../validation/checks";
import { toVector } from "../validation/coerce";
import { asExportedDanfo } from "../validation/danfoBase";
import { ValueError } from "../validation/errors";
import { Figure } from "./figure";
import { readImages } from "./images";
import { subplots } from "./subplots";
import { grayPng } from "./png";

/** Options of `imageGrid`. */
export interface ImageGridOptions {
  /** One label per image. Default none. */
  labels?: unknown;
  /** Predicted labels. Default none. */
  predicted?: unknown;
  /** Images per row. Default 5. */
  columns?: number;
  /** Images shown. Default 25. */
  limit?: number;
  /** Pixels per image. Default 120. */
  size?: number;
  /** Figure title. Default none. */
  title?: string;
}

function labelList(value: unknown, where: string, arg: string): string[] {
  if (Array.isArray(value) && value.some((v) => typeof v === "string")) return value.map(String);
  return Array.from(toVector(asExportedDanfo(value), where, arg), (v) => String(v));
}

/** Dark ink on white (matplotlib's `binary`): `zmin` white, `zmax` black; NaN white. */
function inkPng(
  img: number[][],
  zmin: number,
  zmax: number,
  width: number,
  height: number,
): string {
  const span = zmax > zmin ? zmax - zmin : 1;
  const pixels = new Uint8Array(width * height);
  img.forEach((row, y) =>
    row.forEach((v, x) => {
      pixels[y * width + x] = Number.isFinite(v)
        ? 255 - Math.round((255 * (v - zmin)) / span)
        : 255;
    }),
  );
  return grayPng(pixels, width, height);
}

/** An image grid (see the module doc); `where` names the caller in errors. */
export function imageGrid(
  images: unknown,
  options: ImageGridOptions = {},
  where = "imageGrid",
): Figure {
  const limit = checkPositiveInteger(where, "limit", options.limit ?? 25);
  const columns = checkPositiveInteger(where, "columns", options.columns ?? 5);
  const batch = readImages(images, where, limit);
  const n = batch.images.length;
  const labels =
    options.labels === undefined ? undefined : labelList(options.labels, where, "labels");
  const predicted =
    options.predicted === undefined ? undefined : labelList(options.predicted, where, "predicted");
  if (labels) checkSameLength(where, "images", batch.total, "labels", labels.length);
  if (predicted) {
    if (!labels) throw new ValueError(`${where}: predicted needs labels to compare with`);
    checkSameLength(where, "labels", labels.length, "predicted", predicted.length);
  }
  const all = batch.images.flat(2).filter(Number.isFinite);
  const [zmin, zmax] = [Math.min(...all), Math.max(...all)];
  let wrong = 0;
  const panels = batch.images.map((img, k) => {
    const bad = predicted !== undefined && labels !== undefined && predicted[k] !== labels[k];
    if (bad) wrong++;
    const caption = labels ? (predicted ? `${labels[k]} → ${predicted[k]}` : labels[k]) : "";
    const hidden = { showticklabels: false, showgrid: false, zeroline: false, ticks: "" };
    return new Figure({
      data: [
        {
          type: "image",
          source: inkPng(img, zmin, zmax, batch.width, batch.height),
          hovertemplate: "(%{x}, %{y})<extra></extra>",
        },
      ],
      layout: {
        ...(caption ? { title: { text: caption, font: bad ? { color: "#d62728" } : {} } } : {}),
        xaxis: { ...hidden, constrain: "domain" },
        yaxis: { ...hidden, autorange: "reversed", scaleanchor: "x", constrain: "domain" },
      },
    });
  });
  const rows = Math.ceil(n / columns);
  const size = options.size ?? 120;
  const notes = [
    predicted ? `${wrong} of ${n} predictions wrong (red)` : "",
    batch.total > n ? `first ${n} of ${batch.total} images` : "",
  ].filter(Boolean);
  const title = [options.title, ...notes].filter(Boolean).join(" — ");
  const fig = subplots(panels, {
    columns: Math.min(columns, n),
    title: title || undefined,
    height: rows * (size + 30) + (title ? 80 : 50),
    width: Math.min(columns, n) * size + 80,
    gapX: 0.03,
    gapY: rows > 1 ? 0.25 / rows : 0,
  });
  fig.layout.margin = { t: title ? 80 : 40, r: 20, b: 20, l: 20 };
  return fig;
}
