// GET /api/v1/decks on a real database after a content sync: each deck with
// its live card counts by kind.
import { TALK_DECK, PHOTOSYNTHESIS_DECK } from "../helpers/expected-cards";
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
      decks: [TALK_DECK, PHOTOSYNTHESIS_DECK],
    });
  });

  it("does not count retired cards", async () => {
    const card = await db().card.findFirstOrThrow({ where: { kind: "stages-order", deck: { key: "claude-character" } } });
    await db().card.update({ where: { id: card.id }, data: { retired: true } });
    const deck = (await get()).decks.find((d) => d.key === "claude-character");
    expect(deck?.cards["stages-order"]).toBeUndefined();
    expect(deck?.cards.question).toBe(68);
  });
});
