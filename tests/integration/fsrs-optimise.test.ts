// Optimising on the learner's own history (lib/services/fsrs-optimise.ts) on
// a real SQLite file: the fit runs in a worker, its comparison uses the same
// items as the CLI's, applying writes the weights and the history in one go,
// and the previous parameters can be restored.
import { beforeEach, describe, expect, it } from "vitest";
import { sqlite } from "@/lib/db/sqlite";
import { getSettings } from "@/lib/services/settings";
import { syntheticHistory } from "@/lib/fsrs-fit/synthetic-history";
import { buildTrainingItems } from "@/lib/fsrs-fit/items";
import { evaluate, toBindingItems } from "@/lib/fsrs-fit/binding";
import {
  applyOptimisation,
  cancelOptimisation,
  discardOptimisation,
  parameterHistory,
  restoreParameterSet,
  settled,
  startOptimisation,
} from "@/lib/services/fsrs-optimise";
import { insertHistory } from "../helpers/history-db";
import { getDeckPreset } from "@/lib/services/deck-presets";
import { useSettings } from "../helpers/seed";

const NOW = new Date(Date.UTC(2026, 11, 1, 12));
const history = syntheticHistory({ cards: 300, days: 400, seed: 5, start: Date.UTC(2025, 6, 1), timeZone: "Europe/Berlin" });

function clear() {
  const db = sqlite();
  db.exec(`DELETE FROM ReviewLog; DELETE FROM Card; DELETE FROM Note; DELETE FROM Deck; DELETE FROM ParameterSet; DROP TABLE IF EXISTS ImportedReview;`);
}

async function finishedFitOf(deck: string | null) {
  const started = await startOptimisation(NOW, undefined, deck);
  if (started.kind !== "started") throw new Error(`not started: ${started.kind}`);
  const job = await settled(started.job.id);
  expect(job?.status).toBe("done");
  return job!;
}
const finishedFit = () => finishedFitOf(null);

describe("optimising FSRS on the learner's history", () => {
  beforeEach(() => {
    clear();
    useSettings({ timezone: "Europe/Berlin", dayStartHour: 4, weights: null });
  });

  it("fits on ReviewLog (quiz answers included) with the CLI's items, and reports current vs fitted on them", async () => {
    insertHistory(sqlite(), history, { quizEvery: 7 });
    const job = await finishedFit();
    const expected = buildTrainingItems(history, { timeZone: "Europe/Berlin", dayStartHour: 4 });
    expect(job.items).toBe(expected.length);
    expect(job.reviews.quiz).toBe(Math.ceil(history.length / 7));
    expect(job.reviews.review + job.reviews.quiz).toBe(history.length);
    expect(job.result!.parameters).toHaveLength(21);
    // "Current" is measured on exactly these items: the same figure as evaluating them directly.
    const direct = evaluate(toBindingItems(expected), null);
    expect(job.result!.current.logLoss).toBeCloseTo(direct.logLoss, 6);
    expect(job.result!.current.rmseBins).toBeCloseTo(direct.rmseBins, 6);
    // The history follows the defaults, so a fit on it lands close to them.
    expect(Math.abs(job.result!.fitted.logLoss - direct.logLoss)).toBeLessThan(0.02);
    expect(job.health.map((h) => h.code)).not.toContain("few-reviews");
  });

  it("applies the fit in one write, keeps the previous parameters, and restores them", async () => {
    insertHistory(sqlite(), history);
    const job = await finishedFit();
    const applied = applyOptimisation(job.id, NOW);
    expect(applied.kind).toBe("applied");
    expect(getSettings().weights).toEqual(job.result!.parameters);
    const h = parameterHistory();
    expect(h.sets.map((s) => s.source)).toEqual(["optimised", "previous"]);
    expect(h.sets[1]!.weights).toBeNull();
    // Applying twice is refused.
    expect(applyOptimisation(job.id, NOW).kind).toBe("conflict");
    const restored = restoreParameterSet(h.sets[1]!.id, NOW);
    expect(restored).toMatchObject({ kind: "restored", weights: null });
    expect(getSettings().weights).toBeNull();
    expect(parameterHistory().sets.map((s) => s.source)).toEqual(["restored", "optimised", "previous"]);
    expect(restoreParameterSet(99_999, NOW).kind).toBe("not-found");
  });

  it("refuses to apply when the weights changed since the fit started, and writes nothing", async () => {
    insertHistory(sqlite(), history);
    const job = await finishedFit();
    const other = Array.from({ length: 21 }, (_, i) => job.result!.parameters[i]! + 0.001);
    useSettings({ timezone: "Europe/Berlin", weights: other });
    const r = applyOptimisation(job.id, NOW);
    expect(r).toMatchObject({ kind: "conflict", reason: "weights-changed" });
    expect(getSettings().weights).toEqual(other);
    expect(parameterHistory().sets).toEqual([]);
  });

  it("discards a fit without writing anything", async () => {
    insertHistory(sqlite(), history);
    const job = await finishedFit();
    expect(discardOptimisation(job.id).kind).toBe("discarded");
    expect(applyOptimisation(job.id, NOW).kind).toBe("conflict");
    expect(getSettings().weights).toBeNull();
  });

  it("runs one fit at a time, and a cancelled fit ends as cancelled", async () => {
    insertHistory(sqlite(), history);
    const starting = startOptimisation(NOW);
    // Still reading the history: already a fit in progress.
    expect((await startOptimisation(NOW)).kind).toBe("conflict");
    const first = await starting;
    if (first.kind !== "started") throw new Error(first.kind);
    expect((await startOptimisation(NOW)).kind).toBe("conflict");
    expect(cancelOptimisation(first.job.id).kind).toBe("cancelling");
    const job = await settled(first.job.id);
    // A fit this small may finish before the cancel is seen; either way nothing is applied.
    expect(["cancelled", "done"]).toContain(job!.status);
    expect(getSettings().weights).toBeNull();
    expect(cancelOptimisation("nope").kind).toBe("not-found");
  });

  it("with no history says so instead of fitting", async () => {
    const r = await startOptimisation(NOW);
    if (r.kind !== "invalid") throw new Error(r.kind);
    expect(r.job.health).toEqual([{ code: "few-reviews", items: 0, minimum: 400 }]);
  });

  it("includes imported Anki reviews when the ImportedReview table exists", async () => {
    sqlite().exec(`CREATE TABLE ImportedReview (id INTEGER PRIMARY KEY, importId INTEGER NOT NULL, sourceCardId TEXT NOT NULL,
      reviewTime INTEGER NOT NULL, rating INTEGER NOT NULL, state INTEGER NOT NULL, durationMs INTEGER NOT NULL)`);
    const ins = sqlite().prepare(`INSERT INTO ImportedReview (importId, sourceCardId, reviewTime, rating, state, durationMs) VALUES (1, ?, ?, ?, ?, ?)`);
    sqlite().transaction(() => {
      for (const r of history) ins.run(r.cardId, r.reviewTime, r.rating, r.state, r.durationMs);
    })();
    const job = await finishedFit();
    expect(job.reviews).toEqual({ review: 0, quiz: 0, imported: history.length });
    expect(job.items).toBe(buildTrainingItems(history, { timeZone: "Europe/Berlin", dayStartHour: 4 }).length);
  });

  it("fits one deck on its own cards' history and applies the result to its preset only", async () => {
    insertHistory(sqlite(), history, { deckKey: "one" });
    insertHistory(sqlite(), history.slice(0, 500), { deckKey: "other" });
    const job = await finishedFitOf("one");
    expect(job.deck?.key).toBe("one");
    expect(job.reviews.review).toBe(history.length);
    expect(applyOptimisation(job.id, NOW).kind).toBe("applied");
    expect(getDeckPreset("one")).toEqual({ kind: "ok", preset: { desiredRetention: null, weights: job.result!.parameters } });
    expect(getSettings().weights).toBeNull();
    const deckId = (sqlite().prepare(`SELECT id FROM Deck WHERE key = 'one'`).get() as { id: number }).id;
    const sets = parameterHistory(deckId).sets;
    expect(sets.map((x) => x.source)).toEqual(["optimised", "previous"]);
    expect(parameterHistory().sets).toEqual([]);
    restoreParameterSet(sets[1]!.id, NOW);
    expect(getDeckPreset("one")).toEqual({ kind: "ok", preset: { desiredRetention: null, weights: null } });
    expect((await startOptimisation(NOW, undefined, "nope")).kind).toBe("not-found");
  });
});
