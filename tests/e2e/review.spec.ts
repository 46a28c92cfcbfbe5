import { test, expect, type Page } from "./fixtures";

// This spec file has a database of its own (./fixtures.ts), but its tests
// share it in order: read the counts first and only check how they change.
// Learning cards answered earlier can fall due while a test runs, so the
// learning count may grow on its own: exact comparisons use new + review.
const DECK = "claude-character";
type Counts = { new: number; learning: number; review: number };

const fixed = (c: Counts) => ({ new: c.new, review: c.review });

async function shownCounts(page: Page): Promise<Counts> {
  const n = async (k: string) => Number(await page.getByTestId(`count-${k}`).textContent());
  return { new: await n("new"), learning: await n("learning"), review: await n("review") };
}

test("reviews five cards by keyboard only, undoes one, and keeps the state across a reload", async ({ page, request }) => {
  await page.goto(`/review?deck=${DECK}`);
  const card = page.getByTestId("card");
  await expect(card).toBeVisible();

  const apiCounts = async () => ((await (await request.get(`/api/v1/queue?deck=${DECK}`)).json()) as { counts: Counts }).counts;
  expect(fixed(await shownCounts(page))).toEqual(fixed(await apiCounts()));

  const answered: { id: string; reps: number; prompt: string; countsBefore: Counts }[] = [];
  const shot = new Set<string>();
  for (let i = 0; i < 5; i++) {
    const countsBefore = await shownCounts(page);
    const id = (await card.getAttribute("data-card-id")) ?? "";
    const reps = Number(await card.getAttribute("data-reps"));
    const format = (await card.getAttribute("data-format")) ?? "";
    const prompt = (await page.getByTestId("prompt").textContent()) ?? "";
    if (!shot.has(format)) await page.screenshot({ path: test.info().outputPath(`review-${format}-before.png`), fullPage: true });

    if (format === "typed" || format === "cloze") {
      await expect(page.getByLabel(/Your answer/)).toBeFocused();
      await page.keyboard.type("alignmnet");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("verdict")).toBeVisible();
    } else if (format === "multiple-choice" || format === "true-false") {
      await page.keyboard.press("a");
    } else {
      await page.keyboard.press("Space");
    }
    await expect(page.getByTestId("back")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Good \(\S+\)$/ })).toBeVisible();
    if (!shot.has(format)) await page.screenshot({ path: test.info().outputPath(`review-${format}-after.png`), fullPage: true });
    shot.add(format);

    await page.keyboard.press("3");
    // A learning card answered Good may stay in learning today (the count includes it until the day ends): the card changes.
    await expect
      .poll(async () => (await card.getAttribute("data-card-id")) !== id || JSON.stringify(await shownCounts(page)) !== JSON.stringify(countsBefore))
      .toBe(true);
    // A new card answered leaves the new count (which only answers change) lower.
    if (reps === 0) expect((await shownCounts(page)).new).toBeLessThan(countsBefore.new);
    await expect(page.getByTestId("back")).toBeHidden();
    answered.push({ id, reps, prompt, countsBefore });
  }

  // Undo the fifth answer: that card and the counts before it come back.
  // Ctrl+Z works even when the next card's answer field has the focus.
  const last = answered[4]!;
  await page.keyboard.press("Control+z");
  await expect(card).toHaveAttribute("data-card-id", last.id);
  await expect(page.getByTestId("prompt")).toHaveText(last.prompt);
  await expect.poll(async () => fixed(await shownCounts(page))).toEqual(fixed(last.countsBefore));
  await expect(page.getByRole("status")).toContainText("Undid");

  // Reload: the four answers and the undo are kept, on the page and in the API.
  const before = await shownCounts(page);
  await page.reload();
  await expect(card).toBeVisible();
  const after = await shownCounts(page);
  expect(fixed(after)).toEqual(fixed(before));
  expect(after.learning).toBeGreaterThanOrEqual(before.learning);
  expect(fixed(await apiCounts())).toEqual(fixed(before));
  const queue = (await (await request.get(`/api/v1/queue?deck=${DECK}&limit=100`)).json()) as { cards: { id: number; reps: number }[] };
  const ids = queue.cards.map((c) => String(c.id));
  for (const a of answered.slice(0, 4)) expect(ids).not.toContain(a.id);
  expect(queue.cards.find((c) => String(c.id) === last.id)?.reps).toBe(last.reps);
});

test("the shortcut list is visible in the footer and toggled with ?", async ({ page }) => {
  await page.goto(`/review?deck=${DECK}`);
  await expect(page.getByText("all shortcuts")).toBeVisible();
  const help = page.getByRole("region", { name: "Keyboard shortcuts" });
  await expect(help).toBeHidden();
  // The first card may be a typed one whose field has the focus: Esc leaves it.
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  await expect(help).toBeVisible();
  await expect(help).toContainText("undo the last action");
  await page.keyboard.press("?");
  await expect(help).toBeHidden();
});
