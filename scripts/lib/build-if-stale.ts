// `npm start` builds the app only when its sources changed since the last
// build, so a second start is fast and never needs a manual `npm run build`.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const INPUTS = ["app", "lib", "proxy.ts", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const STAMP = ".next/cardinal-source-hash";

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) walk(path.join(p, e), out);
  } else out.push(p);
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const i of INPUTS) walk(i, files);
  const h = createHash("sha256");
  for (const f of files) h.update(f).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function buildIfStale(): void {
  const hash = sourceHash();
  if (existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) {
    console.log("build: up to date");
    return;
  }
  console.log("build: sources changed, running next build (about a minute)…");
  const r = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) {
    console.error("cardinal: next build failed (see above)");
    process.exit(r.status ?? 1);
  }
  writeFileSync(STAMP, hash);
}
