import { test, expect, type APIRequestContext, type Page } from "./fixtures";

const DECK = "claude-character";

type Q = { id: string; type: string };

/** A seed whose quiz has the wanted question types among its first `length` questions (found through the API). */
async function seedWith(request: APIRequestContext, topic: string, length: number, want: (qs: Q[]) => boolean): Promise<number> {
  for (let seed = 0; seed < 200; seed++) {
    const res = await request.post("/api/v1/quiz", { data: { deck: DECK, topic, length, seed } });
    expect(res.status()).toBe(201);
    const quiz = (await res.json()) as { questions: Q[] };
    if (want(quiz.questions)) return seed;
  }
  throw new Error(`no seed gives the wanted ${topic} quiz`);
}

const question = (page: Page) => page.getByTestId("quiz-question");
const feedback = (page: Page) => page.getByTestId("quiz-feedback");

test("a 5-question pipeline quiz, by keyboard only, with an ordering question, ends in a summary", async ({ page, request }) => {
  const seed = await seedWith(request, "pipeline", 5, (qs) => qs.some((q) => q.type === "order") && qs.some((q) => q.type !== "order"));
  await page.goto(`/quiz?deck=${DECK}&topic=pipeline&length=5&seed=${seed}`);
  await expect(page.getByRole("button", { name: "Start quiz" })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath("quiz-setup.png"), fullPage: true });
  await page.keyboard.press("Enter");

  const shot = new Set<string>();
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByTestId("quiz-progress")).toHaveText(`Question ${i} of 5`);
    const type = await question(page).getAttribute("data-type");
    if (type === "order") {
      const items = page.getByTestId("quiz-order-item");
      const texts = page.getByTestId("quiz-order-text");
      await expect(items.first()).toBeFocused();
      const before = await texts.allTextContents();
      expect(before.length).toBeGreaterThan(1);
      await page.keyboard.press("Alt+ArrowDown");
      // Wait for the re-render instead of reading the list at once.
      await expect(texts.nth(1)).toHaveText(before[0]!);
      await expect(texts.nth(0)).toHaveText(before[1]!);
      await expect(items.nth(1)).toBeFocused();
      await page.keyboard.press("Alt+ArrowUp");
      await page.keyboard.press("Alt+ArrowDown");
      if (!shot.has("order")) await page.screenshot({ path: test.info().outputPath("quiz-order.png"), fullPage: true });
      shot.add("order");
    } else if (type === "multiple-choice" || type === "true-false") {
      await page.keyboard.press(i % 2 ? "2" : "a");
      await expect(page.locator('[data-testid="quiz-option"][data-selected="true"]')).toHaveCount(1);
      if (!shot.has("question")) await page.screenshot({ path: test.info().outputPath("quiz-question.png"), fullPage: true });
      shot.add("question");
    } else if (type === "cloze") {
      await page.keyboard.type("reward model");
    } else {
      throw new Error(`unexpected question type ${type} in a pipeline quiz`);
    }
    await page.keyboard.press("Enter");
    await expect(feedback(page)).toBeVisible();
    await expect(page.getByTestId("quiz-source-quote")).not.toBeEmpty();
    if (!shot.has(`feedback-${type}`)) await page.screenshot({ path: test.info().outputPath(`quiz-feedback-${type}.png`), fullPage: true });
    shot.add(`feedback-${type}`);
    await expect(page.getByTestId("quiz-next")).toBeFocused();
    await page.keyboard.press("Enter");
  }

  const summary = page.getByTestId("quiz-summary");
  await expect(summary).toBeVisible();
  await expect(page.getByTestId("quiz-score")).toHaveText(/^\d \/ 5$/);
  await expect(page.getByTestId("quiz-topic-score")).toContainText("Training pipeline");
  await expect(page.getByTestId("quiz-time")).toHaveText(/^\d+:\d\d$/);
  await page.screenshot({ path: test.info().outputPath("quiz-summary.png"), fullPage: true });
  expect(shot.has("order")).toBe(true);

  const missed = await page.getByTestId("quiz-missed").count();
  if (missed > 0) {
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: /Retry the missed ones/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("quiz-progress")).toHaveText(`Question 1 of ${missed}`);
  }
});

// Vocabulary is recognised in a quiz (typed recall is the review's job), so the typed
// cloze comes from the takeaways of an "all" quiz.
test("pointer: a quiz with a match and a typed cloze question", async ({ page, request }) => {
  const seed = await seedWith(request, "all", 5, (qs) => qs.some((q) => q.type === "match") && qs.some((q) => q.type === "cloze"));
  await page.goto(`/quiz?deck=${DECK}&topic=all&length=5&seed=${seed}`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByTestId("quiz-progress")).toHaveText(`Question ${i} of 5`);
    const type = await question(page).getAttribute("data-type");
    if (type === "match") {
      const selects = page.getByTestId("quiz-match-select");
      const n = await selects.count();
      expect(n).toBe(4);
      for (let k = 0; k < n; k++) await selects.nth(k).selectOption({ index: k + 1 });
      await page.screenshot({ path: test.info().outputPath("quiz-match.png"), fullPage: true });
    } else if (type === "cloze") {
      await page.getByTestId("quiz-cloze-input").fill("Sycophancy");
    } else {
      await page.getByTestId("quiz-option").first().click();
    }
    await page.getByRole("button", { name: "Check" }).click();
    await expect(feedback(page)).toBeVisible();
    if (type === "match") await page.screenshot({ path: test.info().outputPath("quiz-feedback-match.png"), fullPage: true });
    await page.getByTestId("quiz-next").click();
  }
  await expect(page.getByTestId("quiz-summary")).toBeVisible();
  await expect(page.getByTestId("quiz-topic-score").filter({ hasText: "Vocabulary" })).toHaveCount(1);
});

test("pointer: ordering with the move buttons", async ({ page, request }) => {
  const seed = await seedWith(request, "pipeline", 5, (qs) => qs[0]?.type === "order");
  await page.goto(`/quiz?deck=${DECK}&topic=pipeline&length=5&seed=${seed}`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  // The question renders after the click: wait for it before reading its items.
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 1 of 5");
  await expect(question(page)).toHaveAttribute("data-type", "order");
  const texts = page.getByTestId("quiz-order-text");
  await expect(texts.nth(1)).not.toBeEmpty();
  const before = await texts.allTextContents();
  await page.getByRole("button", { name: `Move “${before[1]}” up` }).click();
  await expect(texts.nth(0)).toHaveText(before[1]!);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(feedback(page)).toBeVisible();
});
