// The import graph of app/, lib/ and scripts/: no cycles, no upward imports,
// database packages only below lib/db. The layer order lives in ./layers.ts.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATABASE_IMPORTERS, DATABASE_PACKAGES, LAYERS } from "./layers";

const root = path.resolve(__dirname, "../../..");
const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SKIP = new Set(["node_modules", "generated", ".next"]);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : SOURCE.test(name) ? [full] : [];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports (comments stripped first). */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const found: string[] = [];
  for (const re of [/\b(?:import|export)\s[^"'`;]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g]) {
    for (const m of code.matchAll(re)) found.push(m[1]!);
  }
  return found;
}

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return base.replace(/\.js$/, ".ts");
}

const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
const moduleOf = (file: string): string | null => {
  const r = rel(file);
  return LAYERS.flat().find((m) => r === m || r.startsWith(`${m}/`)) ?? null;
};
const tierOf = (m: string) => LAYERS.findIndex((tier) => tier.includes(m));

const files = ["app", "lib", "scripts"].flatMap((d) => walk(path.join(root, d)));
const graph = new Map<string, string[]>();
const packages = new Map<string, string[]>();
for (const f of files) {
  const specs = specifiers(readFileSync(f, "utf8"));
  graph.set(
    f,
    specs.map((s) => resolve(f, s)).filter((t): t is string => t !== null),
  );
  packages.set(
    f,
    specs.filter((s) => !s.startsWith(".") && !s.startsWith("@/")),
  );
}

/** Every cycle found by a depth-first search, each as the files around it. */
function cycles(g: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (n: string) => {
    state.set(n, "open");
    stack.push(n);
    for (const t of g.get(n) ?? []) {
      if (!g.has(t)) continue;
      if (state.get(t) === "open") out.push([...stack.slice(stack.indexOf(t)), t].map(rel));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of g.keys()) if (!state.has(n)) visit(n);
  return out;
}

describe("import graph", () => {
  it("finds the imports of a file", () => {
    expect(
      specifiers(
        `import a from "./a";\nexport { b } from "../b";\nimport type { C } from "@/lib/c";\n// import x from "./not"\nconst d = await import("./d");`,
      ),
    ).toEqual(["./a", "../b", "@/lib/c", "./d"]);
  });

  it("reports a cycle and nothing for a tree", () => {
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["a"]],
        ]),
      ),
    ).toEqual([["a", "b", "a"]].map((c) => c.map((f) => rel(f))));
    expect(
      cycles(
        new Map([
          ["a", ["b", "c"]],
          ["b", ["c"]],
          ["c", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("covers every folder under lib/ with a layer", () => {
    const folders = readdirSync(path.join(root, "lib")).filter((d) => statSync(path.join(root, "lib", d)).isDirectory());
    expect(folders.filter((d) => moduleOf(path.join(root, "lib", d, "x.ts")) === null)).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("has no upward or sideways imports between layers", () => {
    const bad: string[] = [];
    for (const [from, targets] of graph) {
      const a = moduleOf(from);
      if (a === null) continue;
      for (const t of targets) {
        const b = moduleOf(t);
        if (b === null || b === a) continue;
        if (tierOf(b) <= tierOf(a)) bad.push(`${rel(from)} → ${rel(t)} (${a} may not import ${b})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("keeps SQL in lib/db: services and routes run no statements of their own", () => {
    const bad = files
      .filter((f) => /^(lib\/services|lib\/api|app)\//.test(rel(f)))
      .filter((f) => /\bstmt\(|\bprepared\(|\.prepare\(|\$queryRaw|\$executeRaw/.test(readFileSync(f, "utf8")))
      .map(rel);
    expect(bad).toEqual([]);
  });

  it("imports database packages only in lib/db and scripts", () => {
    const bad: string[] = [];
    for (const [from, pkgs] of packages) {
      const m = moduleOf(from);
      if (m !== null && DATABASE_IMPORTERS.includes(m)) continue;
      for (const p of pkgs) if (DATABASE_PACKAGES.some((d) => p === d || p.startsWith(`${d}/`))) bad.push(`${rel(from)} imports ${p}`);
    }
    expect(bad).toEqual([]);
  });
});
