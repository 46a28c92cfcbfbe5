// GET /api/v1/decks on a real database after a content sync: each deck with
// its live card counts by kind.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDeck } from "../../lib/generate/build-deck";
import { syncDeck } from "../../lib/db/sync";
import { db } from "../../lib/db/client";
import { GET } from "../../app/api/v1/decks/route";

afterAll(() => db().$disconnect());

type DecksBody = { decks: { key: string; title: string; cards: Record<string, number> }[] };
const get = async () => {
  const res = await GET();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as DecksBody;
};

describe("GET /api/v1/decks", { timeout: 60_000 }, () => {
  it("is empty before any sync", async () => {
    expect(await get()).toEqual({ decks: [] });
  });

  it("lists each synced deck with its card counts by kind", async () => {
    await syncDeck(buildDeck(path.resolve("content/claude-character")), new Date());
    await syncDeck(buildDeck(path.resolve("tests/fixtures/content/photosynthesis")), new Date());
    const body = await get();
    expect(body).toEqual({
      decks: [
        {
          key: "claude-character",
          title: "Claude's character: how an assistant's character is trained",
          cards: {
            "term-to-definition": 10,
            "definition-to-term": 10,
            "definition-to-term-choice": 10,
            "definition-to-term-typed": 10,
            "acronym-to-expansion": 2,
            "expansion-to-acronym": 2,
            "takeaway-cloze": 8,
            "takeaway-claim-choice": 8,
            "tldr-cloze": 3,
            "stage-to-purpose": 6,
            "purpose-to-stage": 6,
            "method-signal": 3,
            "steps-order": 3,
            "stages-order": 1,
            question: 46,
          },
        },
        {
          key: "photosynthesis",
          title: "Photosynthesis: how plants eat sunlight",
          cards: {
            "term-to-definition": 6,
            "definition-to-term": 6,
            "definition-to-term-choice": 6,
            "definition-to-term-typed": 6,
            "acronym-to-expansion": 2,
            "expansion-to-acronym": 2,
            "takeaway-cloze": 5,
            "takeaway-claim-choice": 5,
            "tldr-cloze": 3,
          },
        },
      ],
    });
  });

  it("does not count retired cards", async () => {
    const card = await db().card.findFirstOrThrow({ where: { kind: "stages-order", deck: { key: "claude-character" } } });
    await db().card.update({ where: { id: card.id }, data: { retired: true } });
    const deck = (await get()).decks.find((d) => d.key === "claude-character");
    expect(deck?.cards["stages-order"]).toBeUndefined();
    expect(deck?.cards.question).toBe(46);
  });
});
