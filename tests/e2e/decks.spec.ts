import { test, expect } from "./fixtures";
import { TALK_DECK } from "../helpers/expected-cards";

// The e2e server syncs content/ into a fresh database: the talk's deck.
const TITLE = TALK_DECK.title;
const COUNTS = TALK_DECK.cards;

test("the home page shows the claude-character deck with its card counts by kind", async ({ page }) => {
  await page.goto("/");
  const deck = page.getByTestId("deck").filter({ has: page.getByRole("heading", { name: TITLE }) });
  await expect(deck).toHaveCount(1);
  await expect(deck.getByTestId("deck-total")).toHaveText(String(Object.values(COUNTS).reduce((a, b) => a + b, 0)));
  const kinds = deck.getByRole("list", { name: `Cards by kind in ${TITLE}` }).getByRole("listitem");
  await expect(kinds).toHaveCount(Object.keys(COUNTS).length);
  const shown = (await kinds.allTextContents()).map((t) => t.trim()).sort();
  expect(shown).toEqual(Object.entries(COUNTS).map(([k, n]) => `${k}: ${n}`).sort());
});

test("GET /api/v1/decks returns the same counts", async ({ request }) => {
  const res = await request.get("/api/v1/decks");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { decks: { key: string; title: string; cards: Record<string, number> }[] };
  expect(body.decks.find((d) => d.key === "claude-character")).toEqual({ key: "claude-character", title: TITLE, cards: COUNTS });
});
