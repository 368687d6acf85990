/**
 * `pythonFormat(template, values)`: Python's `template.format(**values)` for named fields, as
 * Keras formats checkpoint file names (`"ckpt-{epoch:03d}-{val_loss:.4f}"`).
 *
 * Behaviour: `{name}`, `{name:spec}` (fill, align, sign, `z`, `#`, `0`, width, `,`/`_`
 * grouping, precision, types `d b o x X c e E f F g G n % s`), `{name!r}` / `{name!s}`, and
 * `{{` / `}}` for literal braces, with Python's results: a `number` value is a Python float
 * (`{loss}` of 1 is `1.0`), a `bigint` an int (`{epoch}` of `3n` is `3`), a `string` a str.
 * Positional fields (`{}`, `{0}`), attribute or index access and nested specs are not supported
 * and raise a ValueError, as do unknown keys (listing the available ones) and specs Python
 * rejects.
 *
 * Options (3rd and 4th arguments): `where` (default `"pythonFormat"`) and `argName` (default
 * `"template"`) name the caller in error messages.
 *
 * @example
 * pythonFormat("model-{epoch:02d}-{val_loss:.2f}", { epoch: 3n, val_loss: 0.48812 });
 * // "model-03-0.49"
 */
import { ValueError } from "../../validation/errors";
import { formatValue, type FormatValue } from "./formatValue";

interface Field {
  name: string;
  conversion: string | undefined;
  spec: string;
  raw: string;
}

/** Splits a template into literal text and fields; throws ValueError like Python's parser. */
function parseTemplate(template: string, fail: (msg: string) => never): Array<string | Field> {
  const out: Array<string | Field> = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === "}") {
      if (template[i + 1] !== "}") fail("Single '}' encountered in format string");
      text += "}";
      i += 2;
    } else if (c !== "{") {
      text += c;
      i += 1;
    } else if (template[i + 1] === "{") {
      text += "{";
      i += 2;
    } else {
      let depth = 1;
      let j = i + 1;
      while (j < template.length && depth > 0) {
        if (template[j] === "{") depth++;
        else if (template[j] === "}") depth--;
        j++;
      }
      if (depth > 0) {
        fail(
          i + 1 >= template.length
            ? "Single '{' encountered in format string"
            : "expected '}' before end of string",
        );
      }
      if (text) out.push(text);
      text = "";
      out.push(parseField(template.slice(i + 1, j - 1), template.slice(i, j), fail));
      i = j;
    }
  }
  if (text) out.push(text);
  return out;
}

function parseField(inner: string, raw: string, fail: (msg: string) => never): Field {
  const m = /^([^!:]*)(?:!(.?))?(?::(.*))?$/s.exec(inner);
  if (!m) fail(`cannot parse the field ${raw}`);
  const [, name, conversion, spec = ""] = m as RegExpExecArray;
  if (conversion !== undefined && !/^[rsa]$/.test(conversion)) {
    fail(
      conversion === ""
        ? "end of string while looking for conversion specifier"
        : `Unknown conversion specifier ${conversion}`,
    );
  }
  if (name === "" || /^\d+$/.test(name)) {
    fail(`positional field ${raw} is not supported; name a key such as {epoch}`);
  }
  if (/[.[]/.test(name)) fail(`attribute or index access in ${raw} is not supported`);
  if (spec.includes("{")) fail(`nested fields in the format spec of ${raw} are not supported`);
  return { name, conversion, spec, raw };
}

/** Python's `str` / `repr` of a value (for `!s`, `!r`). */
function convert(value: FormatValue, conversion: string): string {
  if (typeof value === "number") return formatValue(value, "");
  if (typeof value === "bigint") return value.toString();
  if (conversion === "s") return value;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const body = value.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/**
 * Python's `template.format(**values)` (see the module doc).
 *
 * @example
 * pythonFormat("{loss:.3e}", { loss: 0.000125 }); // "1.250e-04"
 */
export function pythonFormat(
  template: string,
  values: Record<string, FormatValue>,
  where = "pythonFormat",
  argName = "template",
): string {
  const fail = (msg: string): never => {
    throw new ValueError(`${where}: ${argName} ${JSON.stringify(template)}: ${msg}`);
  };
  let out = "";
  for (const part of parseTemplate(template, fail)) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(values, part.name)) {
      throw new ValueError(
        `${where}: ${argName} ${JSON.stringify(template)} uses unknown key "${part.name}"; ` +
          `available: ${Object.keys(values).join(", ")}`,
      );
    }
    let value = values[part.name];
    if (part.conversion) value = convert(value, part.conversion);
    try {
      out += formatValue(value, part.spec);
    } catch (e) {
      fail(`field ${part.raw}: ${(e as Error).message}`);
    }
  }
  return out;
}
