// Issue 11: cards merged into one keep their review history (real SQLite).
// Before: a term had sibling cards definition-to-term-typed / -choice. After:
// one definition-to-term card (typed in review, choice in a quiz) replaces them.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDeck, type BuiltDeck } from "../../lib/generate/build-deck";
import { syncDeck } from "../../lib/db/sync";
import { db } from "../../lib/db/client";
import type { GeneratedCard } from "../../lib/generate/types";

const tmp = mkdtempSync(path.join(tmpdir(), "cardinal-merge-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function deck(): BuiltDeck {
  const dir = path.join(tmp, "merge-test");
  cpSync(path.resolve("content/claude-character"), dir, { recursive: true });
  writeFileSync(path.join(dir, "deck.yaml"), 'key: merge-test\ntitle: "Merge test"\nsource: talk.txt\n');
  return buildDeck(dir);
}

/** The deck as the old generator made it: three sibling cards per definition instead of one. */
function oldShape(built: BuiltDeck): BuiltDeck {
  const cards = built.cards.flatMap((c): GeneratedCard[] => {
    if (c.kind !== "definition-to-term") return [c];
    const { formerKinds: _f, options, ...rest } = c;
    return [
      { ...rest, format: "flip" },
      { ...rest, kind: "definition-to-term-typed", format: "typed" },
      ...(options ? [{ ...rest, kind: "definition-to-term-choice", format: "multiple-choice" as const, options }] : []),
    ];
  });
  return { ...built, cards };
}

const cardOf = (noteKey: string, kind: string) => db().card.findFirst({ where: { kind, note: { key: noteKey, deck: { key: "merge-test" } } } });
async function review(cardId: number, n: number) {
  for (let i = 0; i < n; i++) {
    await db().reviewLog.create({
      data: {
        cardId,
        rating: 3,
        state: 2,
        due: new Date(),
        stability: 1,
        difficulty: 5,
        elapsed_days: 1,
        last_elapsed_days: 0,
        scheduled_days: 3,
        learning_steps: 0,
        reviewedAt: new Date(Date.UTC(2026, 10, 1 + i)),
        durationMs: 1000,
        source: "review",
        reviewId: `merge-${cardId}-${i}`,
        snapshot: "{}",
      },
    });
  }
  await db().card.update({ where: { id: cardId }, data: { reps: n, state: 2, stability: 9.5, difficulty: 4.5, last_review: new Date(Date.UTC(2026, 10, n)) } });
}

describe("sync moves the history of merged cards onto the card that replaces them", () => {
  it("a reviewed sibling's schedule and logs move to the unreviewed survivor; others retire with their logs", async () => {
    const now = new Date(Date.UTC(2026, 10, 1));
    const built = deck();
    const counts0 = await syncDeck(oldShape(built), now);
    expect(counts0.added).toBeGreaterThan(built.cards.length);

    const typed = (await cardOf("term:jailbreak", "definition-to-term-typed"))!;
    const choice = (await cardOf("term:jailbreak", "definition-to-term-choice"))!;
    const flip = (await cardOf("term:jailbreak", "definition-to-term"))!;
    await review(typed.id, 3);
    await review(choice.id, 1);

    await syncDeck(built, new Date(Date.UTC(2026, 10, 10)));
    const survivor = (await cardOf("term:jailbreak", "definition-to-term"))!;
    expect(survivor.id).toBe(flip.id);
    expect(survivor).toMatchObject({ reps: 3, state: 2, stability: 9.5, retired: false });
    expect(JSON.parse(survivor.payload)).toMatchObject({ format: "typed" });
    expect(await db().reviewLog.count({ where: { cardId: survivor.id } })).toBe(3);
    // The other sibling is retired and keeps its own log.
    expect((await db().card.findUniqueOrThrow({ where: { id: choice.id } })).retired).toBe(true);
    expect(await db().reviewLog.count({ where: { cardId: choice.id } })).toBe(1);
    expect((await db().card.findUniqueOrThrow({ where: { id: typed.id } })).retired).toBe(true);

    // A second sync changes nothing and moves nothing again.
    const again = await syncDeck(built, new Date(Date.UTC(2026, 10, 11)));
    expect(again).toMatchObject({ added: 0, updated: 0, retired: 0 });
    expect(await db().reviewLog.count({ where: { cardId: survivor.id } })).toBe(3);
  });

  it("with no survivor yet, the most-reviewed former card becomes it (same row, same history)", async () => {
    const built = deck();
    const sycophancy = (await cardOf("term:sycophancy", "definition-to-term"))!;
    // Simulate a database from before the flip card existed: only a typed sibling, reviewed.
    await db().card.deleteMany({ where: { noteId: sycophancy.noteId, kind: { in: ["definition-to-term-typed", "definition-to-term-choice"] } } });
    await db().card.update({ where: { id: sycophancy.id }, data: { kind: "definition-to-term-typed", retired: true } });
    await review(sycophancy.id, 2);
    await syncDeck(built, new Date(Date.UTC(2026, 10, 12)));
    const now = (await cardOf("term:sycophancy", "definition-to-term"))!;
    expect(now.id).toBe(sycophancy.id);
    expect(now).toMatchObject({ reps: 2, retired: false });
    expect(await db().reviewLog.count({ where: { cardId: now.id } })).toBe(2);
  });
});
