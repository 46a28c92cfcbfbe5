// Every file an npm script names must exist: `npm run dev` once pointed at a
// scripts/prepare-db.ts that was never written.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** Words of a script that name a project file: a relative path with a source-file extension. */
function namedFiles(command: string): string[] {
  return command.split(/\s+|&&|\|\||;/).filter((w) => /^(\.\/)?[\w.-]+(\/[\w.[\]-]+)+\.(ts|tsx|mjs|cjs|js|json)$/.test(w));
}

describe("package.json scripts", () => {
  it("recognises the file names in a command", () => {
    expect(namedFiles("tsx scripts/prepare-db.ts && next dev -H 127.0.0.1")).toEqual(["scripts/prepare-db.ts"]);
    expect(namedFiles("node scripts/test.mjs")).toEqual(["scripts/test.mjs"]);
    expect(namedFiles("next build")).toEqual([]);
  });

  for (const [name, command] of Object.entries(scripts)) {
    it(`"${name}" names only files that exist`, () => {
      const missing = namedFiles(command).filter((f) => !existsSync(path.join(root, f)));
      expect(missing, `npm run ${name}: ${command}`).toEqual([]);
    });
  }
});
