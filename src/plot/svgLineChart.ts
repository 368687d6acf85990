/**
 * `svgLineChart(series, options)`: a small static SVG line chart (no JavaScript needed), used
 * for the frames of the live training view.
 *
 * Behaviour: draws each series as a polyline with dots over x = `xStart`, `xStart + 1`, …,
 * with "nice" y ticks, grid lines, axis titles and a legend. Gaps (null / NaN) break the line.
 * Text is XML-escaped. A chart with no finite value draws only its frame.
 *
 * Options:
 * - `title` (default none), `xLabel` (default "Epoch"), `yLabel` (default none).
 * - `width` / `height` (default 440 / 280): pixels.
 * - `xStart` (default 1): x of the first value.
 *
 * @example
 * svgLineChart([{ name: "loss", values: [3, 2, 1] }]).startsWith("<svg"); // true
 */

/** One line of the chart. */
export interface SvgSeries {
  name: string;
  values: (number | null)[];
  /** CSS colour. Default blue. */
  color?: string;
}

/** Options of `svgLineChart`. */
export interface SvgChartOptions {
  /** Title above the chart. Default none. */
  title?: string;
  /** x axis title. Default "Epoch". */
  xLabel?: string;
  /** y axis title. Default none. */
  yLabel?: string;
  /** Width in pixels. Default 440. */
  width?: number;
  /** Height in pixels. Default 280. */
  height?: number;
  /** x of the first value. Default 1. */
  xStart?: number;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmt = (v: number) => String(Number(v.toPrecision(4)));

/**
 * About `count` round tick values covering [lo, hi].
 *
 * @example
 * niceTicks(0, 1); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** The SVG markup (see the module doc). */
export function svgLineChart(series: SvgSeries[], options: SvgChartOptions = {}): string {
  const W = options.width ?? 440;
  const H = options.height ?? 280;
  const x0 = options.xStart ?? 1;
  const pad = { l: 56, r: 12, t: options.title ? 28 : 12, b: 58 };
  const finite = series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const n = Math.max(1, ...series.map((s) => s.values.length));
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (hi === lo) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  const ticks = niceTicks(lo, hi);
  const px = (i: number) => pad.l + (n === 1 ? 0.5 : i / (n - 1)) * (W - pad.l - pad.r);
  const py = (v: number) => H - pad.b - ((v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect x="${pad.l}" y="${pad.t}" width="${W - pad.l - pad.r}" height="${H - pad.t - pad.b}" fill="white" stroke="#ccc"/>`,
  ];
  if (options.title)
    out.push(
      `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13">${esc(options.title)}</text>`,
    );
  for (const t of ticks) {
    const y = py(t).toFixed(1);
    out.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(
      `<text x="${pad.l - 4}" y="${y}" text-anchor="end" dominant-baseline="middle">${fmt(t)}</text>`,
    );
  }
  const xTicks = niceTicks(x0, x0 + n - 1, 6).filter((t) => Number.isInteger(t));
  for (const t of xTicks) {
    out.push(
      `<text x="${px(t - x0).toFixed(1)}" y="${H - pad.b + 14}" text-anchor="middle">${t}</text>`,
    );
  }
  out.push(
    `<text x="${(pad.l + W - pad.r) / 2}" y="${H - pad.b + 30}" text-anchor="middle">${esc(options.xLabel ?? "Epoch")}</text>`,
  );
  if (options.yLabel) {
    out.push(
      `<text transform="translate(14 ${(pad.t + H - pad.b) / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel)}</text>`,
    );
  }
  series.forEach((s, k) => {
    const c = s.color ?? "#1f77b4";
    let path = "";
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return void (pen = false);
      path += `${pen ? "L" : "M"}${px(i).toFixed(1)},${py(v).toFixed(1)}`;
      pen = true;
      out.push(`<circle cx="${px(i).toFixed(1)}" cy="${py(v).toFixed(1)}" r="2.5" fill="${c}"/>`);
    });
    if (path) out.push(`<path d="${path}" fill="none" stroke="${c}" stroke-width="1.8"/>`);
    const lx = pad.l + k * 120;
    out.push(
      `<line x1="${lx}" x2="${lx + 18}" y1="${H - 10}" y2="${H - 10}" stroke="${c}" stroke-width="2"/>`,
    );
    out.push(`<text x="${lx + 22}" y="${H - 10}" dominant-baseline="middle">${esc(s.name)}</text>`);
  });
  out.push("</svg>");
  return out.join("");
}
