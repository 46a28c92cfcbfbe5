import Database from "better-sqlite3";
import path from "node:path";
import { test, expect } from "./fixtures";
import { syntheticHistory } from "../../lib/fsrs-fit/synthetic-history";

// Optimise on /settings: progress, then current vs fitted in numbers and words,
// apply, and restore the defaults; then rescheduling. This spec's database (its
// own copy, tests/e2e/fixtures.ts) has no history of past days — answers
// through the API all happen "now" — so the first test writes one into
// ReviewLog for the deck's first 120 cards (reviews only, cards untouched).
const PREFIX = "e2e-fsrs-";
const dbOf = (server: { dir: string }) => path.join(server.dir, "cardinal.db");

function writeHistory(file: string) {
  const db = new Database(file, { timeout: 5000 });
  const cards = (db.prepare(`SELECT id FROM Card ORDER BY id LIMIT 120`).all() as { id: number }[]).map((c) => c.id);
  const history = syntheticHistory({ cards: cards.length, days: 500, seed: 9, start: Date.UTC(2025, 0, 1) });
  const ins = db.prepare(
    `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps,
       reviewedAt, durationMs, source, reviewId, snapshot) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, 'review', ?, '{}')`,
  );
  db.transaction(() => {
    history.forEach((r, i) => {
      ins.run(cards[Number(r.cardId) - 1000], r.rating, r.state, r.reviewTime, r.reviewTime, r.durationMs, `${PREFIX}${i}`);
    });
  })();
  db.close();
}

test("optimise: fit with progress, compare in numbers and words, apply, then restore the defaults", async ({ page, specServer }) => {
  writeHistory(dbOf(specServer));
  await page.goto("/settings");
  // The workload chart draws (under the page's CSP) with the learner's setting in its sentence, its range shaded and the setting marked.
  await expect(page.getByTestId("workload-chart").getByTestId("chart-svg")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("workload-chart").getByTestId("chart-band")).toContainText("cost-effective");
  await expect(page.getByTestId("workload-chart").getByTestId("reference-line")).toContainText(/^yours \d+%$/);
  await page.getByTestId("workload-chart").getByRole("application").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("workload-chart").getByTestId("chart-tooltip")).toContainText(
    /desired retention \d+%.*minutes a day: [\d.]+.*known after a year: [\d.]+%/,
  );
  await expect(page.getByTestId("workload-current")).toContainText("At your desired retention of 90%");
  const panel = page.getByRole("region", { name: "Your memory model" });
  await expect(panel.getByTestId("weights-in-use")).toHaveText("FSRS-6 defaults");
  await panel.getByRole("button", { name: "Optimise" }).click();
  // Running: the button is busy and a cancel is offered (the fit may finish first on a fast machine).
  const result = panel.getByTestId("fit-result");
  await expect(result.or(panel.getByRole("button", { name: "Cancel" }))).toBeVisible();
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByRole("row", { name: /Current \(FSRS-6 defaults\)/ })).toContainText(/0\.\d{4}/);
  await expect(result.getByRole("row", { name: /Fitted parameters/ })).toContainText(/0\.\d{4}/);
  await expect(panel.getByTestId("fit-words")).toHaveText(/predict your recall (\d+% (more|less) accurately|about as accurately)/);
  await page.screenshot({ path: test.info().outputPath("fsrs-result.png"), fullPage: true });

  await panel.getByRole("button", { name: "Apply fitted parameters" }).click();
  await expect(panel.getByRole("status")).toHaveText(/Applied/);
  await expect(panel.getByTestId("weights-in-use")).toHaveText("your own parameters");
  const applied = await (await page.request.get("/api/v1/settings")).json();
  expect(applied.weights).toHaveLength(21);
  // The settings form shows the weights now in use (so saving it keeps them).
  await expect(page.getByLabel("FSRS weights")).toHaveValue(new RegExp(`^${String(applied.weights[0]).slice(0, 6)}`));

  const history = panel.getByRole("list", { name: "Parameter history" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await history.getByRole("listitem").filter({ hasText: "FSRS-6 defaults" }).getByRole("button", { name: "Restore" }).click();
  await expect(panel.getByRole("status")).toHaveText(/Restored/);
  await expect(panel.getByTestId("weights-in-use")).toHaveText("FSRS-6 defaults");
  expect((await (await page.request.get("/api/v1/settings")).json()).weights).toBeNull();
  await expect(history.getByRole("listitem")).toHaveCount(3);
});

test("optimise API: unknown jobs are 404, and a fit cannot be applied twice", async ({ request }) => {
  expect((await request.get("/api/v1/fsrs/optimisations/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  expect((await request.post("/api/v1/fsrs/optimisations/not-a-uuid/apply", { data: {} })).status()).toBe(400);
  expect((await request.post("/api/v1/fsrs/parameter-sets/999999/restore", { data: {} })).status()).toBe(404);
  const started = await request.post("/api/v1/fsrs/optimisations", { data: {} });
  expect(started.status()).toBe(202);
  const { job } = await started.json();
  let status = job.status;
  for (let i = 0; i < 120 && status === "running"; i++) {
    await new Promise((r) => setTimeout(r, 250));
    status = (await (await request.get(`/api/v1/fsrs/optimisations/${job.id}`)).json()).job.status;
  }
  expect(status).toBe("done");
  expect((await request.post(`/api/v1/fsrs/optimisations/${job.id}/discard`, { data: {} })).status()).toBe(200);
  expect((await request.post(`/api/v1/fsrs/optimisations/${job.id}/apply`, { data: {} })).status()).toBe(409);
  expect((await (await request.get("/api/v1/settings")).json()).weights).toBeNull();
});

test("reschedule: after raising desired retention, preview the next 30 days, reschedule, and undo", async ({ page, request, specServer }) => {
  // Three cards outside the written history, answered Easy now through the real API: review cards.
  const db = new Database(dbOf(specServer), { timeout: 5000, readonly: true });
  const ids = (db.prepare(`SELECT id FROM Card ORDER BY id DESC LIMIT 3`).all() as { id: number }[]).map((c) => c.id);
  const dueOf = () => ids.map((id) => (db.prepare(`SELECT due FROM Card WHERE id = ?`).get(id) as { due: number }).due);
  let answered = 0;
  try {
    for (const [i, cardId] of ids.entries()) {
      const r = await request.post("/api/v1/reviews", { data: { cardId, rating: 4, durationMs: 3000, reviewId: `${PREFIX}easy-${i}` } });
      expect(r.status()).toBe(201);
      answered++;
    }
    const scheduled = dueOf();
    expect((await request.patch("/api/v1/settings", { data: { desiredRetention: 0.97 } })).status()).toBe(200);
    await page.goto("/settings");
    const panel = page.getByRole("region", { name: "Apply changes to existing cards" });
    await expect(panel.getByTestId("reschedule-summary")).toHaveText(/\d+ of \d+ reviewed cards would get new due dates/);
    await page.screenshot({ path: test.info().outputPath("fsrs-reschedule.png"), fullPage: true });
    await panel.getByRole("button", { name: /^Reschedule \d+ cards$/ }).click();
    await expect(panel.getByRole("status")).toHaveText(/Rescheduled \d+ cards/);
    // Higher retention, shorter intervals: each card is now due earlier.
    const moved = dueOf();
    for (const [i, d] of moved.entries()) expect(d).toBeLessThan(scheduled[i]!);
    await expect(panel.getByTestId("reschedule-summary")).toHaveText(/already scheduled with the current settings/);
    await panel.getByRole("button", { name: "Undo" }).click();
    await expect(panel.getByRole("status")).toHaveText(/Undone: \d+ cards are back/);
    expect(dueOf()).toEqual(scheduled);
  } finally {
    db.close();
    await request.patch("/api/v1/settings", { data: { desiredRetention: 0.9 } });
    for (let i = 0; i < answered; i++) expect((await request.post("/api/v1/reviews/undo", { data: {} })).status()).toBe(200);
  }
});

test("deck presets: a deck's own desired retention is saved, shown after a reload, and cleared back to the global one", async ({ page, request }) => {
  const decks = (await (await request.get("/api/v1/decks")).json()) as { key: string; title: string }[] | { decks: { key: string; title: string }[] };
  const deck = (Array.isArray(decks) ? decks : decks.decks)[0]!;
  await page.goto("/settings");
  const presets = page.getByRole("region", { name: "Deck presets" });
  const field = presets.getByLabel(deck.title);
  await field.fill("0.8");
  await presets.getByRole("button", { name: "Save" }).first().click();
  await expect(presets.getByRole("status").first()).toHaveText("Desired retention 0.8 for this deck.");
  expect(await (await request.get(`/api/v1/decks/${deck.key}/preset`)).json()).toEqual({ desiredRetention: 0.8, weights: null });
  await page.reload();
  await expect(page.getByRole("region", { name: "Deck presets" }).getByLabel(deck.title)).toHaveValue("0.8");
  await page.screenshot({ path: test.info().outputPath("fsrs-presets.png"), fullPage: true });
  // Out of range: refused inline, nothing saved.
  await page.getByRole("region", { name: "Deck presets" }).getByLabel(deck.title).fill("1.2");
  await page.getByRole("region", { name: "Deck presets" }).getByRole("button", { name: "Save" }).first().click();
  await expect(page.getByRole("region", { name: "Deck presets" }).getByRole("status").first()).toHaveText(/Not saved: must be between 0.70 and 0.99/);
  expect((await (await request.get(`/api/v1/decks/${deck.key}/preset`)).json()).desiredRetention).toBe(0.8);
  await page.getByRole("region", { name: "Deck presets" }).getByLabel(deck.title).fill("");
  await page.getByRole("region", { name: "Deck presets" }).getByRole("button", { name: "Save" }).first().click();
  await expect(page.getByRole("region", { name: "Deck presets" }).getByRole("status").first()).toHaveText("Uses the global desired retention.");
  expect((await (await request.get(`/api/v1/decks/${deck.key}/preset`)).json()).desiredRetention).toBeNull();
});
