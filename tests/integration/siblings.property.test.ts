// Issue 12 item 4: after an answer, a suspend or a bury, no sibling of that
// card (another card of its note) is shown the same study day — checked after
// every step of random review sessions on real SQLite (the real deck, whose
// notes have 1–4 cards), with undos and clocks that cross study days.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getQueue } from "@/lib/services/queue";
import { answerInSession, buryInSession, suspendInSession, undoInSession } from "@/lib/services/study-actions";
import { queueWindow, type Rating } from "@/lib/srs";
import { MIN_MS, DAY_MS, resetCards, seedDeck, useSettings } from "../helpers/seed";

const START = new Date("2026-05-04T09:00:00Z");
const settings = { timezone: "UTC", dayStartHour: 4 } as const;

type Step = { kind: "answer"; rating: Rating } | { kind: "suspend" } | { kind: "bury" } | { kind: "undo" } | { kind: "wait"; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Rating>(1, 2, 3, 4).map((rating) => ({ kind: "answer" as const, rating })) },
  { weight: 1, arbitrary: fc.constant({ kind: "suspend" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "bury" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "undo" as const }) },
  { weight: 2, arbitrary: fc.constantFrom(MIN_MS / 2, 2 * MIN_MS, 11 * MIN_MS, 3 * 60 * MIN_MS, DAY_MS).map((ms) => ({ kind: "wait" as const, ms })) },
);

beforeAll(async () => {
  await seedDeck(START);
}, 120_000);

describe("siblings", () => {
  it("no sibling of a card answered, suspended or buried is shown the same study day", () => {
    useSettings({ ...settings, newPerDay: 1000, reviewsPerDay: 1000 }, START);
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        resetCards(START);
        const session = `sib-${randomUUID()}`;
        let now = START.getTime();
        // The actions still in effect (undo pops them), with their study day.
        const acted: { day: string; cardId: number; noteId: number }[] = [];
        for (const s of steps) {
          const at = new Date(now);
          const q = getQueue({ deckId: null, limit: 1000, now: at });
          const head = q.cards[0]?.card;
          if (s.kind === "wait") now += s.ms;
          else if (s.kind === "undo") {
            if (undoInSession({ sessionId: session }, at).ok === true) acted.pop();
          } else if (head) {
            const ok =
              s.kind === "answer"
                ? answerInSession({ cardId: head.id, rating: s.rating, durationMs: 1000, reviewId: randomUUID(), sessionId: session }, at).ok === true
                : s.kind === "suspend"
                  ? suspendInSession({ cardId: head.id, suspended: true, sessionId: session }, at).ok === true
                  : buryInSession({ cardId: head.id, buried: true, sessionId: session }, at).ok === true;
            expect(ok).toBe(true);
            acted.push({ day: queueWindow(at, settings).today, cardId: head.id, noteId: head.noteId });
          }
          const checkAt = new Date(now);
          const today = queueWindow(checkAt, settings).today;
          for (const { card } of getQueue({ deckId: null, limit: 1000, now: checkAt }).cards) {
            const sibling = acted.find((a) => a.day === today && a.noteId === card.noteId && a.cardId !== card.id);
            expect(sibling, `card ${card.id} shown on ${today} after its sibling ${sibling?.cardId} was acted on`).toBeUndefined();
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000); // 40 sessions of up to 40 steps on real SQLite: seconds, more on a loaded machine
});
