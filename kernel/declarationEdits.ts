/**
 * Edits to third-party declaration files as the kernel's type checker reads them.
 *
 * Behaviour: danfojs's `shared/types.d.ts` imports `Config` and `Layout` from
 * `plotly.js-dist-min` only to type the options of its browser-only `plot()`. With plotly.js 4
 * that import pulls in 1.2 MB of generated declarations, which every kernel parsed on the first
 * `import * as ml from "tslab-ml"` (tslab-ml's DataFrame is danfo's). The checker therefore sees
 * those two names as `any` in that one file. Nothing changes on disk, and a notebook that
 * imports plotly.js itself still gets its full types. An edit whose text is not found (another
 * danfojs version) leaves the file as it is.
 *
 * @example
 * editDeclaration("/x/node_modules/danfojs/dist/danfojs-base/shared/types.d.ts", text);
 */

interface DeclarationEdit {
  /** The end of the file's path, with forward slashes. */
  file: string;
  from: string;
  to: string;
}

const EDITS: DeclarationEdit[] = [
  {
    file: "/danfojs/dist/danfojs-base/shared/types.d.ts",
    from: 'import { Config, Layout } from "plotly.js-dist-min";',
    to: "type Config = any; type Layout = any;",
  },
];

/** `text` of the declaration file at `path`, with the edits for that file applied. */
export function editDeclaration(path: string, text: string): string {
  if (!path.endsWith(".d.ts")) return text;
  const p = path.replace(/\\/g, "/");
  let out = text;
  for (const e of EDITS) if (p.endsWith(e.file)) out = out.replace(e.from, e.to);
  return out;
}
