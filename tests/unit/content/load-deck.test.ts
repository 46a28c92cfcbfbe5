// loadDeck's diagnostics for authored files: each names its file and line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDeck } from "../../../lib/content/load-deck";

const tmp = mkdtempSync(path.join(tmpdir(), "cardinal-load-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function deckWith(edits: Record<string, (text: string) => string>): string {
  const dir = path.join(tmp, `deck-${++n}`);
  cpSync(path.resolve("content/claude-character"), dir, { recursive: true });
  for (const [file, fn] of Object.entries(edits)) writeFileSync(path.join(dir, file), fn(readFileSync(path.join(dir, file), "utf8")));
  return dir;
}
const lineOf = (dir: string, file: string, needle: string) =>
  readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle)) + 1;
const errors = (dir: string) =>
  loadDeck(dir)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => ({ file: path.basename(d.file), line: d.line, message: d.message }));

describe("loadDeck diagnostics", () => {
  it("the real deck has none", () => {
    expect(loadDeck(path.resolve("content/claude-character")).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a misquote points at its quote line", () => {
    const dir = deckWith({
      "questions.yaml": (t) => t.replace("So you've already fully trained your model,", "So you have already trained your model fully,"),
    });
    expect(errors(dir)).toEqual([
      {
        file: "questions.yaml",
        line: lineOf(dir, "questions.yaml", "So you have already trained") - 1,
        message: expect.stringMatching(/^quote is not in the transcript: "So you have already/),
      },
    ]);
  });

  it("a YAML type error points at the value's line", () => {
    const dir = deckWith({ "pipeline.yaml": (t) => t.replace("    order: 3\n", '    order: "x"\n') });
    expect(errors(dir)).toEqual([
      { file: "pipeline.yaml", line: lineOf(dir, "pipeline.yaml", 'order: "x"'), message: expect.stringMatching(/^stages\.2\.order: /) },
    ]);
  });

  it("a stage order with a gap is an error on that order", () => {
    const dir = deckWith({ "pipeline.yaml": (t) => t.replace("    order: 3\n", "    order: 4\n") });
    expect(errors(dir)).toEqual([{ file: "pipeline.yaml", line: lineOf(dir, "pipeline.yaml", "order: 4"), message: expect.stringContaining("without gaps") }]);
  });

  it("options that grade as the same answer (RL-AIF vs rlaif) are an error", () => {
    const dir = deckWith({
      "questions.yaml": (t) =>
        t
          .replace('    answer: "What day it is today"\n', '    answer: "RL-AIF"\n')
          .replace('      - "How to interpret queries charitably"\n', '      - "rlaif"\n'),
    });
    expect(errors(dir)).toEqual([
      {
        file: "questions.yaml",
        line: lineOf(dir, "questions.yaml", '- "Which principles are in its constitution"'),
        message: expect.stringContaining("distinct"),
      },
    ]);
  });

  it("a duplicate key is an error at the second one", () => {
    const dir = deckWith({ "questions.yaml": (t) => t.replace("  - key: system-prompt-final-tweak\n", "  - key: system-prompt-date-example\n") });
    expect(errors(dir)).toEqual([
      {
        file: "questions.yaml",
        line: lineOf(dir, "questions.yaml", "final ability to tweak the model once training is done") - 4,
        message: expect.stringMatching(/^duplicate key question:system-prompt-date-example/),
      },
    ]);
  });
});
