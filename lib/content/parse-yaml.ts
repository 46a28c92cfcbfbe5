// Parses an authored YAML file against a zod schema. Never throws: every
// problem becomes a diagnostic with the file and the line of the offending node.
import { LineCounter, parseDocument, isNode } from "yaml";
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
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? 1,
    severity: doc.errors.includes(e) ? "error" : "warning",
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));
  if (doc.errors.length > 0) return { value: null, diagnostics, lineOf };

  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      diagnostics.push({ file, line: lineOf(path), severity: "error", message: `${path.join(".") || "(document)"}: ${issue.message}` });
    }
    return { value: null, diagnostics, lineOf };
  }
  return { value: parsed.data, diagnostics, lineOf };
}
