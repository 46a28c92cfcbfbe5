// Parses an authored YAML file against a zod schema. Never throws: every
// problem becomes a diagnostic with the file and the line of the offending node.
import { LineCounter, parseDocument, isMap, isNode, isScalar } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "./types";

export type YamlResult<T> = { value: T | null; diagnostics: Diagnostic[]; lineOf: (path: (string | number)[]) => number };

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): YamlResult<z.infer<S>> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineAt = (offset: number) => counter.linePos(offset).line;
  const lineOf = (path: (string | number)[]): number => {
    // Walk up the path until a node with a position is found.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return 1;
  };
  /** The line of `key` itself inside the mapping at `path` (an unknown field points at its own line). */
  const lineOfKey = (path: (string | number)[], key: string): number => {
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
    }
    return lineOf(path);
  };
  // prettyErrors: false leaves linePos unset; the offset in e.pos is always there.
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    severity: doc.errors.includes(e) ? "error" : "warning",
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));
  if (doc.errors.length > 0) return { value: null, diagnostics, lineOf };

  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) {
          diagnostics.push({ file, line: lineOfKey(path, k), severity: "error", message: `${[...path, k].join(".")}: unknown field ${JSON.stringify(k)}` });
        }
        continue;
      }
      diagnostics.push({ file, line: lineOf(path), severity: "error", message: `${path.join(".") || "(document)"}: ${issue.message}` });
    }
    return { value: null, diagnostics, lineOf };
  }
  return { value: parsed.data, diagnostics, lineOf };
}
