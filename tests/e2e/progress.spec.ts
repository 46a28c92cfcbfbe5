import { test, expect } from "./fixtures";
import { randomUUID } from "node:crypto";
import { EMPTY_BASE_URL } from "../../playwright.config";

test("progress on an empty database says what to do next", async ({ page }) => {
  await page.goto(`${EMPTY_BASE_URL}/progress`);
  await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
  await expect(page.getByTestId("empty-progress")).toContainText("review your first cards");
  await expect(page.getByTestId("today")).toContainText("Reviews done0");
  await expect(page.getByRole("link", { name: "review your first cards" })).toHaveAttribute("href", "/review");
});

test("progress shows today's answers, retention, buttons and mastery", async ({ page, request }) => {
  const before = await (await request.get("/api/v1/stats?deck=claude-character")).json();
  // Answer three cards through the API, as the review page would.
  const queue = await (await request.get("/api/v1/queue?deck=claude-character&limit=3")).json();
  for (const card of queue.cards.slice(0, 3)) {
    const res = await request.post("/api/v1/reviews", { data: { cardId: card.id, rating: 3, durationMs: 4000, reviewId: randomUUID(), reps: card.reps } });
    expect(res.status()).toBe(201);
  }
  const after = await (await request.get("/api/v1/stats?deck=claude-character")).json();
  expect(after.today.reviewsDone).toBe(before.today.reviewsDone + 3);
  expect(after.today.streak).toBeGreaterThanOrEqual(1);
  expect(after.buttons.review[2]).toBe(before.buttons.review[2] + 3);

  await page.goto("/progress?deck=claude-character");
  await expect(page.getByTestId("empty-progress")).toHaveCount(0);
  await expect(page.getByTestId("today")).toContainText(`Reviews done${after.today.reviewsDone}`);
  await expect(page.getByTestId("buttons")).toContainText("review (recall)");
  await expect(page.getByTestId("mastery")).toContainText("Topic: vocabulary");
  // Every chart has a text alternative.
  await expect(page.getByText("Cards due per day as a table")).toBeVisible();
  await page.screenshot({ path: ".tmp/progress.png", fullPage: true });
});

test("a card page shows the source, history and forgetting curve", async ({ page, request }) => {
  const queue = await (await request.get("/api/v1/queue?deck=claude-character&limit=1")).json();
  const card = queue.cards[0];
  await request.post("/api/v1/reviews", { data: { cardId: card.id, rating: 3, durationMs: 3000, reviewId: randomUUID(), reps: card.reps } });
  await page.goto(`/cards/${card.id}`);
  await expect(page.getByTestId("card-prompt")).toHaveText(card.prompt);
  await expect(page.getByTestId("history")).toContainText("Good");
  await expect(page.getByText(card.source.quote.slice(0, 40))).toBeVisible();
  await expect(page.getByRole("img", { name: /Probability of recall/ })).toBeVisible();
  await page.screenshot({ path: ".tmp/card.png", fullPage: true });
});

test("unknown deck on the stats API is 404 with a message", async ({ request }) => {
  const res = await request.get("/api/v1/stats?deck=nope");
  expect(res.status()).toBe(404);
  expect((await res.json()).error).toContain("nope");
});
