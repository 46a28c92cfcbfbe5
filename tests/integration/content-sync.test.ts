// content:sync on real SQLite: keyed by deck + item key + card kind, never by
// text — rewording keeps history, removed items retire (kept, with history),
// a second sync changes nothing, and content:check refuses broken decks.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { buildDeck } from "../../lib/generate/build-deck";
import { syncDeck } from "../../lib/db/sync";
import { listDecks } from "../../lib/db/decks";
import { db } from "../../lib/db/client";

const REAL = path.resolve("content/claude-character");
const FIXTURE = path.resolve("tests/fixtures/content/photosynthesis");
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cardinal-sync-"));
  made.push(dir);
  return dir;
};
afterAll(async () => {
  await db().$disconnect();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function copyDeck(from: string, name = path.basename(from)): string {
  const dir = path.join(tmp(), "content", name);
  cpSync(from, dir, { recursive: true });
  return dir;
}
const edit = (file: string, fn: (text: string) => string) => writeFileSync(file, fn(readFileSync(file, "utf8")));

/** The block of one question in questions.yaml, from its "- key:" line up to the next. */
function questionBlock(yaml: string, key: string): string {
  const start = yaml.indexOf(`  - key: ${key}\n`);
  const next = yaml.indexOf("  - key: ", start + 1);
  if (start < 0) throw new Error(`no question ${key}`);
  return yaml.slice(start, next < 0 ? yaml.length : next);
}

async function cardsOf(deckKey: string) {
  return db().card.findMany({ where: { deck: { key: deckKey } }, include: { note: true }, orderBy: { id: "asc" } });
}
async function cardOf(deckKey: string, noteKey: string, kind: string) {
  return db().card.findFirstOrThrow({ where: { kind, note: { key: noteKey, deck: { key: deckKey } } }, include: { note: true } });
}
async function addReview(cardId: number, reviewId: string, at: Date) {
  return db().reviewLog.create({
    data: {
      cardId,
      rating: 3,
      state: 0,
      due: at,
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      last_elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reviewedAt: at,
      durationMs: 4200,
      source: "review",
      reviewId,
      snapshot: "{}",
    },
  });
}
/** What a review did to a card: its FSRS fields. */
const FSRS = (due: Date, last: Date) => ({
  reps: 3,
  lapses: 1,
  stability: 12.5,
  difficulty: 5.25,
  state: 2,
  due,
  last_review: last,
  scheduled_days: 12,
  elapsed_days: 4,
});
const fsrsOf = (c: {
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  state: number;
  due: Date;
  last_review: Date | null;
  scheduled_days: number;
  elapsed_days: number;
}) => ({
  reps: c.reps,
  lapses: c.lapses,
  stability: c.stability,
  difficulty: c.difficulty,
  state: c.state,
  due: c.due,
  last_review: c.last_review,
  scheduled_days: c.scheduled_days,
  elapsed_days: c.elapsed_days,
});

describe("syncDeck on the real deck (a copy we can edit)", { timeout: 60_000 }, () => {
  const dir = copyDeck(REAL);
  const KEY = "claude-character";
  const t0 = new Date("2026-05-01T10:00:00Z");
  const due = new Date("2026-05-20T04:00:00Z");
  const reviewed = new Date("2026-05-08T09:30:00Z");

  it("first sync adds every card; the second changes nothing", async () => {
    const built = buildDeck(dir);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(await syncDeck(built, t0)).toEqual({ deck: KEY, added: 124, updated: 0, retired: 0, unchanged: 0 });
    const cards = await cardsOf(KEY);
    expect(cards).toHaveLength(124);
    expect(cards.every((c) => !c.retired && c.state === 0 && c.reps === 0 && c.due.getTime() === t0.getTime())).toBe(true);
    expect(await db().note.count({ where: { deck: { key: KEY } } })).toBe(built.content.items.length);
    expect(await db().deck.findUniqueOrThrow({ where: { key: KEY } })).toMatchObject({
      title: "Claude's character: how an assistant's character is trained",
      sourceFile: "talk.txt",
    });

    expect(await syncDeck(buildDeck(dir), new Date("2026-05-02T10:00:00Z"))).toEqual({ deck: KEY, added: 0, updated: 0, retired: 0, unchanged: 124 });
    // Nothing moved: not even the due dates of new cards.
    expect((await cardsOf(KEY)).map((c) => [c.id, c.payload, c.due.getTime()])).toEqual(cards.map((c) => [c.id, c.payload, c.due.getTime()]));
  });

  it("rewording a definition updates that term's cards and keeps their ids, FSRS state and review log", async () => {
    const target = await cardOf(KEY, "term:hallucination", "term-to-definition");
    await db().card.update({ where: { id: target.id }, data: FSRS(due, reviewed) });
    await addReview(target.id, "rev-hallucination", reviewed);
    const before = new Map((await cardsOf(KEY)).map((c) => [c.id, c]));

    // The talk holds the vocabulary twice (unheaded copy and under "Vocabulary"): edit both.
    const talk = path.join(dir, "talk.txt");
    edit(talk, (t) =>
      t.replaceAll("When an AI model generates information that is factually incorrect", "When an AI model produces information that is factually wrong"),
    );
    const built = buildDeck(dir);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const counts = await syncDeck(built, new Date("2026-05-09T10:00:00Z"));
    expect(counts).toMatchObject({ added: 0, retired: 0 });
    expect(counts.updated + counts.unchanged).toBe(124);

    const after = await cardsOf(KEY);
    expect(after.map((c) => c.id)).toEqual([...before.keys()]);
    const changed = after.filter((c) => c.payload !== before.get(c.id)?.payload);
    expect(changed).toHaveLength(counts.updated);
    // Exactly the reworded term's cards (and the definition → term cards whose options or
    // term → definition cards whose distractors show that definition).
    expect(
      changed
        .map((c) => `${c.note.key} ${c.kind}`)
        .filter((k) => k.startsWith("term:hallucination"))
        .sort(),
    ).toEqual(["definition-to-term", "term-to-definition"].map((k) => `term:hallucination ${k}`));
    for (const c of changed.filter((x) => x.note.key === "term:hallucination")) expect(c.payload).toContain("produces information that is factually wrong");
    expect(JSON.parse(changed.find((c) => c.kind === "term-to-definition")!.note.fields)).toMatchObject({
      term: "Hallucination",
      definition: "When an AI model produces information that is factually wrong, nonsensical, or not supported by its training data.",
    });

    const kept = after.find((c) => c.id === target.id)!;
    expect(fsrsOf(kept)).toEqual(FSRS(due, reviewed));
    expect(JSON.parse(kept.payload)).toMatchObject({
      // A definition listing three ways to be wrong holds several facts: it is recognised among definitions.
      prompt: "Which is the talk's definition of “Hallucination”?",
      answer: expect.stringMatching(/^When an AI model produces information/),
    });
    const logs = await db().reviewLog.findMany({ where: { cardId: target.id } });
    expect(logs.map((l) => [l.reviewId, l.rating, l.reviewedAt.getTime(), l.durationMs])).toEqual([["rev-hallucination", 3, reviewed.getTime(), 4200]]);
    // Untouched cards keep their due dates too.
    for (const c of after.filter((x) => !changed.includes(x))) expect(c.due).toEqual(before.get(c.id)!.due);

    expect(await syncDeck(buildDeck(dir), new Date())).toMatchObject({ added: 0, updated: 0, retired: 0, unchanged: 124 });
  });

  const QKEY = "question:system-prompt-final-tweak";
  const questions = path.join(dir, "questions.yaml");
  let original = "";

  it("removing a question retires its card (kept, with its log), it no longer counts", async () => {
    const card = await cardOf(KEY, QKEY, "question");
    await db().card.update({ where: { id: card.id }, data: FSRS(due, reviewed) });
    await addReview(card.id, "rev-question", reviewed);

    original = readFileSync(questions, "utf8");
    const block = questionBlock(original, "system-prompt-final-tweak");
    expect(block).toContain("final ability to tweak");
    writeFileSync(questions, original.replace(block, ""));
    const built = buildDeck(dir);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.cards.some((c) => c.noteKey === QKEY)).toBe(false);

    const counts = await syncDeck(built, new Date("2026-05-10T10:00:00Z"));
    // Later questions moved up a few lines, so their source (shown on the card) is updated.
    expect(counts).toMatchObject({ added: 0, retired: 1 });
    expect(counts.updated + counts.unchanged).toBe(123);

    const retired = await db().card.findUniqueOrThrow({ where: { id: card.id }, include: { note: true, reviewLogs: true } });
    expect(retired.retired).toBe(true);
    expect(retired.note.retired).toBe(true);
    expect(fsrsOf(retired)).toEqual(FSRS(due, reviewed));
    expect(retired.reviewLogs.map((l) => l.reviewId)).toEqual(["rev-question"]);
    expect(await db().card.count({ where: { deck: { key: KEY } } })).toBe(124);

    const summary = (await listDecks()).find((d) => d.key === KEY);
    expect(summary?.cards.question).toBe(67);
    expect(summary?.total).toBe(123);

    // Retiring is done once: the next sync reports nothing.
    expect(await syncDeck(buildDeck(dir), new Date())).toMatchObject({ added: 0, updated: 0, retired: 0, unchanged: 123 });
  });

  it("putting it back un-retires the same card, history intact", async () => {
    const card = await cardOf(KEY, QKEY, "question");
    writeFileSync(questions, original);
    const counts = await syncDeck(buildDeck(dir), new Date("2026-05-11T10:00:00Z"));
    expect(counts).toMatchObject({ added: 0, retired: 0 });
    expect(counts.updated).toBeGreaterThanOrEqual(1);
    const back = await db().card.findUniqueOrThrow({ where: { id: card.id }, include: { note: true, reviewLogs: true } });
    expect(back.retired).toBe(false);
    expect(back.note.retired).toBe(false);
    expect(fsrsOf(back)).toEqual(FSRS(due, reviewed));
    expect(back.reviewLogs.map((l) => l.reviewId)).toEqual(["rev-question"]);
    expect((await listDecks()).find((d) => d.key === KEY)?.total).toBe(124);
    expect(await syncDeck(buildDeck(dir), new Date())).toMatchObject({ added: 0, updated: 0, retired: 0, unchanged: 124 });
  });

  it("renaming a key is a new card: the old one retires with its history", async () => {
    const old = await cardOf(KEY, QKEY, "question");
    edit(questions, (t) => t.replace("  - key: system-prompt-final-tweak\n", "  - key: system-prompt-last-tweak\n"));
    expect(await syncDeck(buildDeck(dir), new Date())).toMatchObject({ added: 1, updated: 0, retired: 1, unchanged: 123 });
    const renamed = await cardOf(KEY, "question:system-prompt-last-tweak", "question");
    expect(renamed.id).not.toBe(old.id);
    expect(renamed.reps).toBe(0);
    expect((await db().card.findUniqueOrThrow({ where: { id: old.id } })).retired).toBe(true);
    writeFileSync(questions, original);
    expect(await syncDeck(buildDeck(dir), new Date())).toMatchObject({ added: 0, updated: 1, retired: 1, unchanged: 123 });
  });

  it("a second deck folder (the photosynthesis fixture) syncs as its own deck", async () => {
    const photo = copyDeck(FIXTURE);
    const built = buildDeck(photo);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(await syncDeck(built, new Date())).toEqual({ deck: "photosynthesis", added: 27, updated: 0, retired: 0, unchanged: 0 });
    const decks = await listDecks();
    expect(decks.map((d) => [d.key, d.total])).toEqual([
      ["claude-character", 124],
      ["photosynthesis", 27],
    ]);
    expect(decks[1]?.cards).toEqual({
      "term-to-definition": 6,
      "definition-to-term": 6,
      "acronym-to-expansion": 2,
      "expansion-to-acronym": 2,
      "takeaway-cloze": 5,
      "takeaway-claim-choice": 3,
      "tldr-cloze": 3,
    });
    // Same item keys in two decks are two notes: nothing of the first deck changed.
    expect(await syncDeck(buildDeck(dir), new Date())).toMatchObject({ added: 0, updated: 0, retired: 0, unchanged: 124 });
    expect(await syncDeck(buildDeck(photo), new Date())).toMatchObject({ added: 0, updated: 0, retired: 0, unchanged: 27 });
  });
});

// ---------------------------------------------------------------- the CLI

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/content.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lineOf = (file: string, needle: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle)) + 1;
const rowCounts = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    const n = (t: string) => (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    const sum = (sqlite.prepare(`SELECT group_concat(payload || retired, '|') AS s FROM Card`).get() as { s: string | null }).s;
    return { decks: n("Deck"), notes: n("Note"), cards: n("Card"), payloads: sum };
  } finally {
    sqlite.close();
  }
};

/** A copy of the real deck with three mistakes: a misquote, a YAML type error, a stray TL;DR line. */
function breakDeck(dir: string) {
  const questions = path.join(dir, "questions.yaml");
  edit(questions, (t) =>
    t.replace("Yeah, so there's roughly two reasons for a system prompt.", "Yeah, so there are exactly three reasons for a system prompt."),
  );
  const pipeline = path.join(dir, "pipeline.yaml");
  edit(pipeline, (t) => t.replace("    order: 2\n", '    order: "x"\n'));
  const talk = path.join(dir, "talk.txt");
  const lines = readFileSync(talk, "utf8").split("\n");
  const tldr = lines.indexOf("TL;DR");
  lines.splice(tldr + 2, 0, "This sentence was pasted here by mistake.");
  writeFileSync(talk, lines.join("\n"));
  const rel = (f: string) => path.relative(process.cwd(), f);
  return {
    quote: `${rel(questions)}:${lineOf(questions, "quote: >-")}: error: quote is not in the transcript`,
    order: `${rel(pipeline)}:${lineOf(pipeline, 'order: "x"')}: error: stages.1.order:`,
    stray: `${rel(talk)}:${tldr + 3}: error: TL;DR: line is not a "- " bullet and cannot be placed: "This sentence was pasted here by mistake."`,
  };
}

describe("content:check and content:sync from the command line", () => {
  it("check exits 1 with file:line: error lines; sync refuses and writes nothing", () => {
    const deck = copyDeck(REAL);
    const contentDir = path.dirname(deck);
    const expected = breakDeck(deck);
    const dbFile = path.join(tmp(), "c.db");
    const env = { CONTENT_DIR: contentDir, DATABASE_URL: `file:${dbFile}` };

    const check = cli(["check"], env);
    expect(check.status).toBe(1);
    const errors = check.stderr.split("\n").filter((l) => l.includes(": error: "));
    expect(errors).toHaveLength(3);
    expect(errors.find((l) => l.startsWith(expected.quote.split(": error")[0]!))).toMatch(
      new RegExp(`^${escapeRegExp(expected.quote)}: "Yeah, so there are exactly three reasons`),
    );
    expect(errors.find((l) => l.includes("pipeline.yaml"))).toMatch(new RegExp(`^${escapeRegExp(expected.order)}`));
    expect(errors).toContain(expected.stray);
    expect(check.stderr).toMatch(/content: 1 deck\(s\), \d+ cards, 3 error\(s\)/);

    const sync = cli(["sync"], env);
    expect(sync.status).not.toBe(0);
    expect(sync.stderr).toContain("content check failed");
    expect(sync.stderr).toContain("nothing was written");
    expect(sync.stdout).not.toMatch(/added/);
    expect(rowCounts(dbFile)).toEqual({ decks: 0, notes: 0, cards: 0, payloads: null });
  }, 60_000);

  it("sync writes a good deck; once the deck breaks, a new sync changes no row", () => {
    const deck = copyDeck(REAL);
    const contentDir = path.dirname(deck);
    const dbFile = path.join(tmp(), "c.db");
    const env = { CONTENT_DIR: contentDir, DATABASE_URL: `file:${dbFile}` };

    const first = cli(["sync"], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("content: claude-character: 124 added, 0 updated, 0 retired, 0 unchanged");
    const again = cli(["sync"], env);
    expect(again.stdout).toContain("content: claude-character: 0 added, 0 updated, 0 retired, 124 unchanged");
    const before = rowCounts(dbFile);
    expect(before).toMatchObject({ decks: 1, cards: 124 });

    breakDeck(deck);
    // A change that would otherwise be an update, and a question that would otherwise retire.
    edit(path.join(deck, "talk.txt"), (t) => t.replaceAll("generates information that is factually incorrect", "produces wrong information"));
    edit(path.join(deck, "questions.yaml"), (t) => t.replace(questionBlock(t, "system-prompt-final-tweak"), ""));
    const refused = cli(["sync"], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("nothing was written");
    expect(rowCounts(dbFile)).toEqual(before);
  }, 60_000);

  it("parse <talk> --json prints the parsed talk", () => {
    const r = cli(["parse", "content/claude-character/talk.txt", "--json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown[]>;
    expect(Object.keys(json)).toEqual(["tldr", "takeaways", "terms", "diagnostics"]);
    expect(json.tldr).toHaveLength(3);
    expect(json.takeaways).toHaveLength(8);
    for (const t of json.takeaways!) expect(Object.keys(t as object)).toEqual(["title", "text"]);
    expect(json.terms).toHaveLength(10);
    for (const t of json.terms!) expect(Object.keys(t as object)).toEqual(["term", "expansion", "definition"]);
    expect(json.terms![5]).toEqual({
      term: "RL-AIF",
      expansion: "Reinforcement Learning from AI Feedback",
      definition:
        "A component of Constitutional AI where an AI model, guided by a set of principles, generates feedback on its own outputs, which is then used to refine its behavior.",
    });
    expect((json.diagnostics as { severity: string }[]).filter((d) => d.severity === "error")).toEqual([]);
  }, 30_000);

  it("cards <deck-dir> --json prints the generated cards", () => {
    const r = cli(["cards", "content/claude-character", "--json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { deck: string; cards: Record<string, unknown>[]; diagnostics: unknown[] };
    expect(json.deck).toBe("claude-character");
    expect((json.diagnostics as { severity: string }[]).filter((d) => d.severity === "error")).toEqual([]);
    expect(json.cards).toHaveLength(124);
    for (const c of json.cards) {
      expect(c).toHaveProperty("kind");
      expect(c).toHaveProperty("prompt");
      expect(c).toHaveProperty("answer");
      expect(c).toHaveProperty("options");
      expect(c).toMatchObject({ source: { file: expect.any(String), line: expect.any(Number), quote: expect.any(String) } });
    }
    expect(json.cards.find((c) => c.note === "term:rl-aif" && c.kind === "acronym-to-expansion")).toMatchObject({
      prompt: "What does RL-AIF stand for?",
      answer: "Reinforcement Learning from AI Feedback",
      options: null,
      source: { file: "content/claude-character/talk.txt", line: 29 },
    });
    const choice = json.cards.find((c) => c.note === "term:rl-aif" && c.kind === "definition-to-term");
    expect(choice?.options).toHaveLength(4);
    expect(choice?.options).toContain("RL-AIF");
  }, 30_000);
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
