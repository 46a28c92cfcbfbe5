import type { APIRequestContext, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { PAGE_JS_BUDGET_KB, pageJs } from "../../scripts/bench/page-js";
import { test, expect } from "./fixtures";
import { EMPTY_BASE_URL } from "../../playwright.config";

type QueueCard = { id: number; reps: number; prompt: string; source: { quote: string } };

async function answer(request: APIRequestContext, card: { id: number; reps: number }, rating: number) {
  const res = await request.post("/api/v1/reviews", { data: { cardId: card.id, rating, durationMs: 4000, reviewId: randomUUID(), reps: card.reps } });
  expect(res.status()).toBe(201);
  return (await res.json()).card as QueueCard;
}

/** Every chart of the page draws both axes with ticks and axis titles (with their units). */
async function expectChartsDrawn(page: Page, ids: string[]) {
  for (const id of ids) {
    const fig = page.getByTestId(`chart-${id}`);
    await fig.scrollIntoViewIfNeeded();
    await expect(fig.getByTestId("x-axis").getByTestId("tick").first()).toBeVisible();
    await expect(fig.getByTestId("y-axis").getByTestId("tick").first()).toBeVisible();
    await expect(fig.getByTestId("x-axis").getByTestId("axis-title")).toBeVisible();
    await expect(fig.getByTestId("y-axis").getByTestId("axis-title")).toBeVisible();
  }
}

/** Hovering a drawn mark shows the tooltip; leaving hides it; focusing the chart and pressing → shows it again. */
async function expectTooltipOnHoverAndKeyboard(page: Page, id: string, text: RegExp, mark = "chart-bar", keyText = text) {
  const fig = page.getByTestId(`chart-${id}`);
  await fig.scrollIntoViewIfNeeded();
  const tip = fig.getByTestId("chart-tooltip");
  const marks = mark === "chart-bar" ? fig.getByTestId("chart-bar") : fig.getByTestId(mark).locator("circle");
  await marks.first().hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(text);
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  // Keyboard: Tab-reachable, the arrow keys move the tooltip.
  await fig.getByRole("application").focus();
  await page.keyboard.press("ArrowRight");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(keyText);
  await page.keyboard.press("End");
  await expect(tip).toContainText(keyText);
  return tip;
}

test("progress on an empty database says what to do next, light and dark, at 390 px", async ({ page }) => {
  await page.goto(`${EMPTY_BASE_URL}/progress`);
  await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
  await expect(page.getByTestId("empty-progress")).toContainText("review your first cards");
  await expect(page.getByTestId("today")).toContainText("Answers0");
  await expect(page.getByTestId("empty-progress").getByRole("link", { name: "review your first cards" })).toHaveAttribute("href", "/review");
  await expect(page.getByTestId("weakest-empty")).toContainText("Review your first cards");
  await expect(page.getByTestId("chart-activity").getByTestId("chart-empty")).toContainText("Start a review");
  await expect(page.getByTestId("chart-retention").getByTestId("chart-empty")).toContainText("true retention starts");
  // The heatmap still draws a year of days, and its table says there is nothing.
  await expect(page.getByTestId("heatmap").locator("[data-i]")).toHaveCount(365);
  await page.getByTestId("chart-heatmap").getByText("as a table").click();
  await expect(page.getByTestId("chart-heatmap").getByRole("table")).toContainText("no answers in the past year");
  await page.screenshot({ path: test.info().outputPath("progress-empty.png"), fullPage: true });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe("rgb(250, 250, 249)"); // stone-50: the light background
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("progress-empty-dark-390.png"), fullPage: true });
});

test("progress with data: honest figures, charts with axes, tooltips on hover and focus, tables", async ({ page, request }) => {
  const queue = await (await request.get("/api/v1/queue?deck=claude-character&limit=4")).json();
  const cards: QueueCard[] = queue.cards.slice(0, 4);
  // Three cards answered Good, one failed three times in a row.
  for (const c of cards.slice(0, 3)) await answer(request, c, 3);
  let failed = cards[3]!;
  for (let i = 0; i < 3; i++) failed = await answer(request, failed, 1);

  const stats = await (await request.get("/api/v1/stats?deck=claude-character")).json();
  expect(stats.today.reviewsDone).toBeGreaterThanOrEqual(6);
  // Cards reviewed today are not mastered just for being fresh: new cards answered once have small stability.
  expect(stats.mastery.deck[0].mastered).toBe(0);
  expect(stats.known).toBeLessThan(stats.reviewedCards);

  await page.goto("/progress?deck=claude-character");
  await expect(page.getByTestId("empty-progress")).toHaveCount(0);
  await expect(page.getByTestId("today")).toContainText(`Answers${stats.today.reviewsDone}`);
  await expect(page.getByTestId("time")).toContainText("s per card");
  await expect(page.getByTestId("mastered")).toContainText("predicted recall 30 days from today is at least 90%");
  await expect(page.getByTestId("mastered")).toContainText(`0 of ${stats.mastery.deck[0].cards} cards`);
  await expect(page.getByTestId("known")).toContainText("counted as of tomorrow");
  await expect(page.getByTestId("true-retention")).toContainText("quiz answers never count");
  await expect(page.getByTestId("true-retention")).toContainText("target 90.0%");

  await expectChartsDrawn(page, ["activity", "forecast", "stability", "difficulty", "retrievability", "buttons-review"]);
  // No card has come due for a scheduled review yet: the retention chart says so instead of drawing nothing.
  await expect(page.getByTestId("chart-retention").getByTestId("chart-empty")).toContainText("once cards you learned come due again");
  await expectTooltipOnHoverAndKeyboard(page, "activity", /review\s*:?\s*\d+/);
  await expectTooltipOnHoverAndKeyboard(page, "forecast", /due that day/);
  await expectTooltipOnHoverAndKeyboard(page, "buttons-review", /Again: \d+/);
  await expectTooltipOnHoverAndKeyboard(page, "difficulty", /cards: \d+/);

  // Heatmap: month labels; the focused day is described.
  const heat = page.getByTestId("heatmap");
  await expect(page.getByTestId("chart-heatmap")).toContainText(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/);
  await heat.locator("[tabindex='0']").focus();
  await expect(page.getByTestId("heatmap-tooltip")).toContainText(`${stats.heatmap.at(-1).count} answers`);
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("heatmap-tooltip")).toContainText(`${stats.heatmap.at(-8).count} answer`);

  // Table alternatives hold the same numbers.
  const activity = page.getByTestId("chart-activity");
  await activity.getByText("as a table").click();
  await expect(activity.getByRole("table").locator("tbody tr")).toHaveCount(30);
  const forecast = page.getByTestId("chart-forecast");
  await forecast.getByText("as a table").click();
  await expect(forecast.getByRole("table").locator("tbody tr").first()).toContainText(String(stats.forecast[0].due));

  // Weakest first: the failed card's item is first, and links to its card and a quiz on it.
  const weakest = page.getByTestId("weakest");
  await expect(weakest.locator("li")).not.toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("progress.png"), fullPage: true });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  const tickFill = await page
    .getByTestId("chart-activity")
    .getByTestId("x-axis")
    .getByTestId("tick")
    .first()
    .evaluate((el) => getComputedStyle(el).fill);
  expect(tickFill).toBe("rgb(214, 211, 209)"); // stone-300: the dark scheme's axis colour
  await expectTooltipOnHoverAndKeyboard(page, "activity", /review/);
  await page.screenshot({ path: test.info().outputPath("progress-dark.png"), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const chartBox = (await page.getByTestId("chart-activity").getByTestId("chart-svg").boundingBox())!;
  expect(chartBox.width).toBeGreaterThan(300);
  expect(chartBox.width).toBeLessThanOrEqual(390);
  await expectChartsDrawn(page, ["activity", "forecast"]);
  await page.screenshot({ path: test.info().outputPath("progress-390.png"), fullPage: true });
});

const DAY = 86_400_000;

/**
 * Five weeks of scheduled reviews, written into this spec's own database (answers through the API all happen
 * "now"): on every third day before today, six cards in review state answered on the review screen, one of
 * them Again. ReviewLog rows only; the cards themselves are untouched.
 */
function writeScheduledReviews(file: string, now: number) {
  const db = new Database(file, { timeout: 5000 });
  const cards = (db.prepare(`SELECT id FROM Card ORDER BY id DESC LIMIT 6`).all() as { id: number }[]).map((c) => c.id);
  const ins = db.prepare(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps,
       reviewedAt, durationMs, source, reviewId, snapshot) VALUES (?, ?, 2, ?, 5, 5, 3, 3, 3, 0, ?, 6000, 'review', ?, '{}')`,
  );
  db.transaction(() => {
    for (let back = 3; back <= 36; back += 3) {
      const at = now - back * DAY;
      cards.forEach((id, i) => {
        ins.run(id, i === 0 ? 1 : 3, at, at + i * 60_000, `e2e-retention-${back}-${i}`);
      });
    }
  })();
  db.close();
}

test("retention over time draws from scheduled reviews over several weeks: line, target, tooltips, table; dark; 390 px", async ({
  page,
  request,
  specServer,
}) => {
  writeScheduledReviews(path.join(specServer.dir, "cardinal.db"), Date.now());
  const stats = await (await request.get("/api/v1/stats")).json();
  const days = (stats.retention.daily as { day: string; passed: number; total: number; rate: number | null }[]).filter((d) => d.total > 0);
  expect(days.length).toBeGreaterThanOrEqual(9); // every third day of the last 30
  for (const d of days) expect([d.passed, d.total]).toEqual([5, 6]);

  await page.goto("/progress");
  const fig = page.getByTestId("chart-retention");
  await expect(fig.getByTestId("chart-empty")).toHaveCount(0);
  await expectChartsDrawn(page, ["retention"]);
  await expect(fig.getByTestId("y-axis")).toContainText("100%");
  await expect(fig.getByTestId("reference-line")).toContainText("target 90.0%");
  await expect(fig.getByTestId("chart-line").locator("circle")).toHaveCount(days.length);
  expect(await fig.getByTestId("chart-line").locator("path").getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+/);
  const tip = await expectTooltipOnHoverAndKeyboard(page, "retention", /true retention: 83\.3%/, "chart-line", /true retention: /);
  // End moves to today, which has no scheduled review: the tooltip says so rather than inventing a value.
  await expect(tip).toContainText("true retention: —");
  await fig.getByText("as a table").click();
  const rows = fig.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(days.length);
  await expect(rows.first()).toContainText("5");
  await expect(rows.first()).toContainText("83.3%");
  await page.screenshot({ path: test.info().outputPath("retention-1280.png"), fullPage: false, clip: (await fig.boundingBox())! });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectChartsDrawn(page, ["retention", "activity", "forecast", "stability", "buttons-review"]);
  const line = await fig
    .getByTestId("chart-line")
    .locator("path")
    .evaluate((el) => getComputedStyle(el).stroke);
  expect(line).toBe("rgb(248, 113, 113)"); // red-400: the dark scheme's primary colour
  const box = (await fig.getByTestId("chart-svg").boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expectTooltipOnHoverAndKeyboard(page, "retention", /true retention/, "chart-line");
  await page.screenshot({ path: test.info().outputPath("retention-dark-390.png"), fullPage: true });
});

test("weakest first links to the card and starts a quiz on exactly its cards", async ({ page }) => {
  await page.goto("/progress?deck=claude-character");
  const first = page.getByTestId("weakest").locator("li").first();
  const name = (await first.getByRole("link").first().textContent())!;
  await first.getByRole("link", { name: "Quiz it" }).click();
  await expect(page).toHaveURL(/\/quiz\?deck=claude-character&topic=\w+&cards=\d+/);
  await expect(page.getByTestId("quiz-chosen-cards")).toContainText("you chose on the Progress page");
  await page.goBack();
  await page.getByTestId("weakest").locator("li").first().getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/cards\/\d+/);
});

test("a card failed three times: recall is not 100%, not mastered, and its curve marks today and the due date", async ({ page, request }) => {
  const queue = await (await request.get("/api/v1/queue?deck=claude-character&limit=1")).json();
  let card: QueueCard = queue.cards[0];
  const first = card;
  for (let i = 0; i < 3; i++) card = await answer(request, card, 1);
  await page.goto(`/cards/${card.id}`);
  await expect(page.getByTestId("card-prompt")).toHaveText(first.prompt);
  await expect(page.getByTestId("history")).toContainText("Again");
  await expect(page.getByText(first.source.quote.slice(0, 40))).toBeVisible();
  await expect(page.getByTestId("card-recall")).not.toHaveText("100.0%");
  await expect(page.getByTestId("card-mastered")).toHaveText("not mastered: last answer was Again");
  const curve = page.getByTestId("chart-curve");
  await expectChartsDrawn(page, ["curve"]);
  await expect(curve.getByTestId("y-axis")).toContainText("90%");
  await expect(curve.getByTestId("reference-line")).toHaveCount(2); // desired retention, due date
  await expect(curve.locator("text", { hasText: /^due \d+ \w+$/ })).toHaveCount(1);
  await expect(curve.locator("text", { hasText: /^desired \d+%$/ })).toHaveCount(1);
  await expect(curve.getByTestId("reference-dot")).toContainText("today");
  await curve.getByRole("application").focus();
  await page.keyboard.press("ArrowRight");
  await expect(curve.getByTestId("chart-tooltip")).toContainText(/after the last review.*predicted recall: \d+\.\d%/);
  await curve.getByText("as a table").click();
  await expect(curve.getByRole("table")).toContainText("today");
  await page.screenshot({ path: test.info().outputPath("card.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("card-dark-390.png"), fullPage: true });
});

test("the JavaScript Chromium loads for /progress, charts used included, is within the budget and is what page-js counts", async ({ page }) => {
  const scripts = new Map<string, number>();
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script") return;
    const url = new URL(res.url()).pathname;
    scripts.set(url, gzipSync(await res.body()).length / 1024);
  });
  await page.goto("/progress");
  // Use every chart: scroll to it, hover it, focus it — whatever loads on demand loads now.
  for (const fig of await page.locator("[data-testid^='chart-']:has([role='application'])").all()) {
    await fig.scrollIntoViewIfNeeded();
    await fig.getByRole("application").hover();
    await fig.getByRole("application").focus();
    await page.keyboard.press("ArrowRight");
  }
  await page.waitForLoadState("networkidle");
  const loaded = [...scripts.keys()].filter((u) => u.startsWith("/_next/static/chunks/")).sort();
  const kb = [...scripts.values()].reduce((a, b) => a + b, 0);
  const counted = pageJs("/progress")!;
  // page-js (the bench row) counts exactly the files the browser fetched (the nomodule polyfills are left out by both).
  expect(loaded).toEqual([...counted.files, ...counted.lazyFiles].map((f) => `/_next/${f}`).sort());
  expect(kb).toBeCloseTo(counted.totalGzipKb, 0);
  expect(kb).toBeLessThanOrEqual(PAGE_JS_BUDGET_KB);
});

test("unknown deck on the stats API is 404 with a message", async ({ request }) => {
  const res = await request.get("/api/v1/stats?deck=nope");
  expect(res.status()).toBe(404);
  expect((await res.json()).error).toContain("nope");
});
