// content:audit on every deck (content/ and the fixtures, so it runs inside
// npm test): no errors. And each check catches the defect it is for.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listDeckDirs } from "../../../lib/content/load-deck";
import { buildDeck } from "../../../lib/generate/build-deck";
import { auditDeck, MAX_LONGEST_ANSWER_SHARE, type AuditCard } from "../../../lib/audit/audit";

const DECKS = [...listDeckDirs(path.resolve("content")), ...listDeckDirs(path.resolve("tests/fixtures/content"))];
const audit = (dir: string) => {
  const b = buildDeck(dir);
  return { b, r: auditDeck(b.content.meta.key, b.content.items, b.content.talk?.transcript ?? "", b.cards) };
};
const tmp = mkdtempSync(path.join(tmpdir(), "cardinal-audit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(DECKS.map((d) => [path.basename(d), d]))("content:audit of %s", (_n, dir) => {
  const { r } = audit(dir);
  it("finds no errors", () => expect(r.findings.filter((f) => f.severity === "error")).toEqual([]));
  it("runs every check", () => {
    for (const c of r.checks) if (c.check !== "distractor-shape" || r.findings.length >= 0) expect(c.checked, c.check).toBeGreaterThan(0);
  });
  it(`bounds how often the answer is the longest option (≤ ${100 * MAX_LONGEST_ANSWER_SHARE}%)`, () =>
    expect(r.longestAnswerShare).toBeLessThanOrEqual(MAX_LONGEST_ANSWER_SHARE));
});

describe("a talk in the seed's format with no authored files", () => {
  it("becomes a deck whose generated cards pass the audit; the silent transcript is a warning", () => {
    const dir = path.join(tmp, "bare");
    cpSync(path.resolve("content/claude-character/talk.txt"), path.join(dir, "talk.txt"));
    const { b, r } = audit(dir);
    expect(b.cards.length).toBeGreaterThan(30);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    // Without evidence.yaml every item still gets a transcript passage, or says it has none.
    for (const c of b.cards) expect(["transcript", "summary"]).toContain(c.source.evidence);
  });
});

describe("each check catches its defect", () => {
  const { b } = audit(path.resolve("content/claude-character"));
  const base = b.cards.find((c) => c.kind === "definition-to-term" && c.noteKey === "term:jailbreak")!;
  const run = (cards: AuditCard[]) => auditDeck("t", b.content.items, b.content.talk!.transcript, cards).findings;
  it("leakage: a prompt with a variant of the answer", () => {
    expect(run([{ ...base, prompt: "Which term is this? Jailbreaking a model bypasses its guardrails." }]).map((f) => f.check)).toContain("leakage");
  });
  it("readable blank: two gaps", () => {
    expect(run([{ ...base, format: "cloze", prompt: "The _____ of the _____ model." }]).map((f) => f.check)).toContain("readable-blank");
  });
  it("near-duplicates: the same question twice", () => {
    expect(run([base, { ...base, kind: "copy" }]).map((f) => f.check)).toContain("near-duplicates");
  });
  it("evidence: a paraphrase is not transcript text; a summary line is a warning", () => {
    expect(run([{ ...base, source: { ...base.source, quote: "Jailbreaks bypass guardrails." } }]).find((f) => f.check === "evidence")?.severity).toBe("error");
    expect(run([{ ...base, source: { ...base.source, evidence: "summary" } }]).find((f) => f.check === "evidence")?.severity).toBe("warning");
  });
  it("distractor shape: the answer always the longest option", () => {
    const mc = (i: number): AuditCard => ({
      ...base,
      noteKey: `q${i}`,
      format: "multiple-choice",
      prompt: `Question number ${i} about something?`,
      answer: "the clearly much longer right answer",
      options: ["short", "tiny", "small", "the clearly much longer right answer"],
    });
    expect(run([mc(1), mc(2), mc(3)]).map((f) => f.check)).toContain("distractor-shape");
  });
});

describe("npm run content:audit", () => {
  it("exits 1 on an error and names the card's file and line", () => {
    const dir = path.join(tmp, "content", "broken");
    cpSync(path.resolve("content/claude-character"), dir, { recursive: true });
    const leaky =
      '\n  - key: leaky\n    topic: vocabulary\n    type: short\n    prompt: "What is the jailbreak technique called?"\n    answer: "A jailbreak"\n    explanation: "x"\n    quote: "You can jailbreak the system prompt out there."\n';
    writeFileSync(path.join(dir, "questions.yaml"), readFileSync(path.resolve("content/claude-character/questions.yaml"), "utf8") + leaky);
    const bad = spawnSync(process.execPath, ["--import", "tsx", "scripts/content.ts", "audit", dir], { encoding: "utf8" });
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/questions\.yaml:\d+: error: question:leaky question: the prompt gives the answer away/);
    const ok = spawnSync(process.execPath, ["--import", "tsx", "scripts/content.ts", "audit", "content/claude-character"], { encoding: "utf8" });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  }, 60_000);
});
