// Comments in prisma/schema.prisma that point a reader at a source file must
// name one that exists: one pointed at lib/db/quiz.ts long after it was split
// into lib/services/quiz.ts and lib/db/quizzes.ts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");

/** Project paths (`lib/…/x.ts`, `scripts/…`) named in the schema's comments, with their line numbers. */
function namedFiles(text: string): { file: string; line: number }[] {
  const out: { file: string; line: number }[] = [];
  text.split("\n").forEach((l, i) => {
    const comment = /\/\/.*$/.exec(l)?.[0] ?? "";
    for (const m of comment.matchAll(/\b(?:app|lib|scripts|prisma|tests|content)\/[\w./[\]-]*\.(?:ts|tsx|mjs|js|sql|json|md)\b/g))
      out.push({ file: m[0], line: i + 1 });
  });
  return out;
}

describe("prisma/schema.prisma comments", () => {
  it("finds the paths a comment names", () => {
    expect(namedFiles("model X {} // See lib/db/quiz.ts.\n/// kept by lib/srs/scheduler.ts")).toEqual([
      { file: "lib/db/quiz.ts", line: 1 },
      { file: "lib/srs/scheduler.ts", line: 2 },
    ]);
  });

  it("name only files that exist", () => {
    const missing = namedFiles(schema).filter((f) => !existsSync(path.join(root, f.file)));
    expect(missing).toEqual([]);
  });
});
