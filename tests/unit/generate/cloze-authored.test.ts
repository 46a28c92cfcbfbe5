import { describe, it, expect } from "vitest";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { clozeAt } from "../../../lib/generate/cloze";
import { buildDeck } from "../../../lib/generate/build-deck";

describe("clozeAt (an author's cloze phrase)", () => {
  const text = "A desirable AI trait is to interpret all queries charitably, assuming benign intent.";

  it("hides exactly the phrase", () => {
    expect(clozeAt(text, "charitably")).toEqual({
      prompt: "A desirable AI trait is to interpret all queries _____, assuming benign intent.",
      answer: "charitably",
    });
  });

  it("refuses a phrase that is not in the text, or is there twice", () => {
    expect(clozeAt(text, "kindly")).toMatch(/does not occur/);
    expect(clozeAt("trust the trust", "trust")).toMatch(/more than once/);
  });

  it("refuses a phrase given away by another form of its word", () => {
    expect(clozeAt("Interpret queries so that the interpretation is kind.", "Interpret")).toMatch(/given away by "interpretation"/);
  });

  it("refuses a phrase of stop words only", () => {
    expect(clozeAt(text, "is to")).toMatch(/no content word/);
  });
});

describe("clozes.yaml", () => {
  const deckCopy = () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "cardinal-cloze-")), "claude-character");
    cpSync("content/claude-character", dir, { recursive: true });
    return dir;
  };

  it("the real deck's authored phrases become its clozes", () => {
    const { cards, diagnostics } = buildDeck("content/claude-character");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const card = cards.find((c) => c.noteKey === "takeaway:charitable-interpretation" && c.kind === "takeaway-cloze");
    expect(card?.answer).toBe("charitably");
    expect(card?.prompt).toContain("interpret all queries _____,");
  });

  it("an unknown item key or an unfair phrase is an error at its line", () => {
    const dir = deckCopy();
    writeFileSync(path.join(dir, "clozes.yaml"), "clozes:\n  takeaway:charitable-interpretation: kindly\n  takeaway:no-such-item: alignment\n");
    const errors = buildDeck(dir).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [path.basename(d.file), d.line, d.message])).toEqual(
      expect.arrayContaining([
        ["clozes.yaml", 2, expect.stringMatching(/does not occur/)],
        ["clozes.yaml", 3, expect.stringMatching(/no takeaway or TL;DR item with key takeaway:no-such-item/)],
      ]),
    );
  });
});
