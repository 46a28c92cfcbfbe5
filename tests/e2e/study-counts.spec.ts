import { test, expect, type Page } from "./fixtures";
import { revealCard } from "./review-keys";

// Issue 12's count problems in real Chromium: the learning count while learning cards wait later today,
// learn-ahead, the ticking countdown (5); home, progress and review agreeing on due now and due tomorrow
// against the forecast, and a card failed in a quiz being due now, not buried (6). This file has its own
// database (./fixtures.ts); its tests run in order on it.
const DECK = "claude-character";
const card = (page: Page) => page.getByTestId("card");
const cardId = async (page: Page) => Number(await card(page).getAttribute("data-card-id"));

type QueueReply = {
  cards: { id: number; state: number; buriedUntil: string | null }[];
  counts: { new: number; learning: number; review: number };
  dueNow: number;
  dueTomorrow: number;
};
type StatsReply = { today: { due: number; learningToday: number; dueTomorrow: number }; forecast: { day: string; due: number }[] };
const apiQueue = async (page: Page) => (await (await page.request.get(`/api/v1/queue?deck=${DECK}&limit=100`)).json()) as QueueReply;
const apiStats = async (page: Page) => (await (await page.request.get(`/api/v1/stats?deck=${DECK}`)).json()) as StatsReply;
const tile = (page: Page, id: string) => page.getByTestId(id).locator("dd").first();
const settings = async (page: Page, body: Record<string, unknown>) => expect((await page.request.patch("/api/v1/settings", { data: body })).status()).toBe(200);

test("learning cards waiting later today are counted, the countdown ticks, and learn-ahead shows one early (problem 5)", async ({ page }) => {
  // Two new cards today and no learn-ahead: after two Good answers (next step 10 min) nothing is due now.
  // The study day starts 12 hours from now: with the default 04:00 the 10-minute step of a run at 03:55 fell
  // into tomorrow, so "learning today" was rightly 0 (this failed a full run at 03:55 UTC).
  await settings(page, { newPerDay: 2, learnAheadMinutes: 0, learningSteps: "1m 10m", timezone: "UTC", dayStartHour: (new Date().getUTCHours() + 12) % 24 });
  await page.goto(`/review?deck=${DECK}`);
  for (let i = 0; i < 2; i++) {
    await expect(card(page)).toBeVisible();
    const before = await cardId(page);
    await revealCard(page);
    await page.keyboard.press("3");
    if (i === 0) await expect(card(page)).not.toHaveAttribute("data-card-id", String(before));
  }
  await expect(page.getByTestId("done")).toBeVisible();
  // Anki's learning count: the two cards due in 10 minutes, not 0.
  await expect(page.getByTestId("count-learning")).toHaveText("2");
  await expect(page.getByTestId("learning-later")).toContainText("2 waiting");
  const countdown = page.getByTestId("countdown");
  await expect(countdown).toHaveText(/^\d+:\d\d$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!, { timeout: 5000 }); // it ticks
  expect((await apiQueue(page)).counts.learning).toBe(2);
  await page.screenshot({ path: test.info().outputPath("learning-later.png"), fullPage: true });

  // With learn-ahead (20 minutes) and nothing else due, the first learning card comes early.
  await settings(page, { learnAheadMinutes: 20 });
  await page.reload();
  await expect(card(page)).toBeVisible();
  const q = await apiQueue(page);
  expect(q.cards.map((c) => c.state)).toEqual([1, 1]);
  await expect(card(page)).toHaveAttribute("data-card-id", String(q.cards[0]!.id));
  await expect(page.getByTestId("count-learning")).toHaveText("2");
});

test("home, progress and review agree on due now, learning today and due tomorrow, as in the forecast (problem 6)", async ({ page }) => {
  // The learn-ahead card of the test above is on screen: bury it (B), so it is due tomorrow.
  await page.goto(`/review?deck=${DECK}`);
  await expect(card(page)).toBeVisible();
  const buried = await cardId(page);
  await page.keyboard.press("b");
  await expect(card(page)).not.toHaveAttribute("data-card-id", String(buried));
  await expect(page.getByTestId("count-learning")).toHaveText("1");

  const q = await apiQueue(page);
  const s = await apiStats(page);
  expect({ due: s.today.due, learning: s.today.learningToday, tomorrow: s.today.dueTomorrow }).toEqual({ due: q.dueNow, learning: 1, tomorrow: 1 });
  expect(q.dueTomorrow).toBe(1);
  expect(s.forecast[1]!.due).toBe(1);

  // Home: the deck's learning count and "due tomorrow".
  await page.goto("/");
  const deck = page.getByTestId("deck").filter({ has: page.locator(`a[href="/review?deck=${DECK}"]`) });
  await expect(deck.getByTestId("count-learning")).toHaveText("1");
  await expect(deck.getByTestId("deck-due")).toContainText("1 due tomorrow");

  // Progress: the tiles and the forecast table's row for tomorrow.
  await page.goto(`/progress?deck=${DECK}`);
  await expect(tile(page, "due-now")).toHaveText(String(q.dueNow));
  await expect(tile(page, "learning-today")).toHaveText("1");
  await expect(tile(page, "due-tomorrow")).toHaveText("1");
  await page.getByText("Due in the next 30 days as a table").click();
  const tomorrowRow = page.locator("details", { hasText: "Due in the next 30 days as a table" }).locator("tbody tr").nth(1);
  await expect(tomorrowRow.locator("td").first()).toHaveText("1"); // the day is the row header (th)
  await page.screenshot({ path: test.info().outputPath("progress-counts.png"), fullPage: true });

  // Review, once nothing is left: the same due tomorrow.
  await settings(page, { learnAheadMinutes: 0 });
  await page.goto(`/review?deck=${DECK}`);
  await expect(page.getByTestId("done")).toBeVisible();
  await expect(page.getByTestId("due-tomorrow")).toHaveText("1 card due tomorrow.");
});

test("a card failed in a quiz is due now on the review page, not buried (problem 6)", async ({ page }) => {
  const quiz = (await (await page.request.post("/api/v1/quiz", { data: { deck: DECK, topic: "takeaways", length: 10, seed: 5 } })).json()) as {
    id: string;
    questions: { id: string; type: string }[];
  };
  const cloze = quiz.questions.find((x) => x.type === "cloze");
  expect(cloze, "a takeaways quiz has a cloze question").toBeDefined();
  const res = await page.request.post(`/api/v1/quiz/${quiz.id}/answers`, { data: { questionId: cloze!.id, answer: "zzzz qqqq", durationMs: 4000 } });
  expect(res.status()).toBe(200);
  const answered = (await res.json()) as { correct: boolean; card: { id: number } };
  expect(answered.correct).toBe(false);

  const q = await apiQueue(page);
  const failed = q.cards.find((c) => c.id === answered.card.id);
  expect(failed, "the failed card is in the queue now").toBeDefined();
  expect(failed!.buriedUntil).toBeNull();
  // Learning cards due now come first: the review page shows the failed card straight away.
  await page.goto(`/review?deck=${DECK}`);
  await expect(card(page)).toHaveAttribute("data-card-id", String(answered.card.id));
  const after = await apiQueue(page);
  expect(after.cards[0]!.id).toBe(answered.card.id);
  await expect(page.getByTestId("count-learning")).toHaveText(String(after.counts.learning));
  const s = await apiStats(page);
  expect(s.today.due).toBe((await apiQueue(page)).dueNow);
  expect(s.today.due).toBeGreaterThanOrEqual(1);
});
