import { test, expect } from "./fixtures";
import { TALK_DECK } from "../helpers/expected-cards";

// The e2e server syncs content/ into a fresh database: the talk's deck.
const TITLE = TALK_DECK.title;
const COUNTS = TALK_DECK.cards;

test("the home page shows the claude-character deck with its due counts (new / learning / review), as the queue API does", async ({ page, request }) => {
  await page.goto("/");
  const deck = page.getByTestId("deck").filter({ has: page.getByRole("heading", { name: TITLE }) });
  await expect(deck).toHaveCount(1);
  await expect(deck.getByTestId("deck-total")).toHaveText(String(Object.values(COUNTS).reduce((a, b) => a + b, 0)));
  const api = ((await (await request.get("/api/v1/queue?deck=claude-character")).json()) as { counts: Record<string, number> }).counts;
  for (const k of ["new", "review"]) await expect(deck.getByTestId(`count-${k}`)).toHaveText(String(api[k]));
  await expect(deck.getByText(/cards by kind|term-definition|cloze:/i)).toHaveCount(0); // no internal kind slugs
});

test("GET /api/v1/decks returns the same counts", async ({ request }) => {
  const res = await request.get("/api/v1/decks");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { decks: { key: string; title: string; cards: Record<string, number> }[] };
  expect(body.decks.find((d) => d.key === "claude-character")).toEqual({ key: "claude-character", title: TITLE, cards: COUNTS });
});
