import { test, expect, type Page } from "./fixtures";

// One undo stack for every study action (issue 12 item 2, issue 14 item 2,
// decision 0060) in real Chromium: a bulk action from /browse, a quiz answer,
// and a review answer share this tab's study session; the page says what U /
// Undo will undo, and each undo names its action. This file has its own
// database; its tests share it in order.
const DECK = "claude-character";
const rows = (page: Page) => page.getByTestId("cards").locator("tbody tr");
const total = async (page: Page, q: string) => ((await (await page.request.get(`/api/v1/cards?q=${encodeURIComponent(q)}`)).json()) as { total: number }).total;

test("a bulk action from /browse is one undo step; the button names it, after a reload too, and it runs once", async ({ page }) => {
  await page.goto("/browse?q=kind%3Aterm-to-definition");
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId("bulk-undo")).toHaveText("Nothing to undo");
  const chosen = await Promise.all([0, 1, 2].map((i) => rows(page).nth(i).getAttribute("data-card-id")));
  for (const i of [0, 1, 2]) await rows(page).nth(i).getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
  await page.getByRole("button", { name: "Bury", exact: true }).click();
  await expect(page.getByTestId("bulk-notice")).toHaveText("Buried 3 cards");
  await expect(page.getByTestId("bulk-undo")).toHaveText("Undo bury of 3 cards");
  expect(await total(page, "is:buried")).toBe(3);
  await page.screenshot({ path: test.info().outputPath("browse-bulk-undo.png"), fullPage: true });

  // A reload keeps the session's stack.
  await page.reload();
  await expect(page.getByTestId("bulk-undo")).toHaveText("Undo bury of 3 cards");
  await page.getByTestId("bulk-undo").click();
  await expect(page.getByTestId("bulk-notice")).toHaveText("Undid bury of 3 cards.");
  await expect(page.getByTestId("bulk-undo")).toHaveText("Nothing to undo");
  expect(await total(page, "is:buried")).toBe(0);
  for (const id of chosen) await expect(page.locator(`tr[data-card-id="${id}"]`)).not.toContainText("buried");

  // The review page's U sees the same stack: nothing left to undo in this tab.
  await page.goto(`/review?deck=${DECK}`);
  await expect(page.getByTestId("undo-button")).toContainText("Nothing to undo");
});

test("a quiz answer is undone exactly: its question opens again and the review page's U reaches it first (problem 10)", async ({ page }) => {
  // A review answer first, then a quiz answer, in the same tab.
  await page.goto(`/review?deck=${DECK}`);
  const card = page.getByTestId("card");
  await expect(card).toBeVisible();
  const format = (await card.getAttribute("data-format")) ?? "";
  if (format === "typed" || format === "cloze") {
    await page.getByLabel(/Your answer/).fill("x");
    await page.keyboard.press("Enter");
  } else if (format === "multiple-choice" || format === "true-false") await page.keyboard.press("a");
  else await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("undo-button")).toContainText("Undo Good on");

  await page.goto(`/quiz?deck=${DECK}&topic=takeaways&length=5&seed=3`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 1 of 5");
  await expect(page.getByTestId("quiz-undo")).toContainText("Undo Good on"); // the review answer is the newest so far
  const quizId = new URL(page.url()).searchParams.get("quiz")!;
  const prompt = (await page.getByTestId("quiz-question").locator("p, [data-testid=prompt]").first().textContent()) ?? "";
  const type = await page.getByTestId("quiz-question").getAttribute("data-type");
  if (type === "multiple-choice" || type === "true-false") await page.keyboard.press("a");
  else if (type === "cloze") await page.keyboard.type("reward model");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-feedback")).toBeVisible();
  await expect(page.getByTestId("quiz-undo")).toContainText(/Undo quiz answer \((right|wrong), \w+\) on “/);
  const progress = async () => (await (await page.request.get(`/api/v1/quiz/${quizId}/progress`)).json()) as { answered: number; nextIndex: number };
  expect(await progress()).toMatchObject({ answered: 1, nextIndex: 1 });
  await page.screenshot({ path: test.info().outputPath("quiz-answer-undo-offered.png"), fullPage: true });

  // U (focus on the page, not in a field) takes the answer back: question 1 again, nothing answered.
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("u");
  await expect(page.getByTestId("quiz-undo-notice")).toContainText(/Undid quiz answer/);
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 1 of 5");
  await expect(page.getByTestId("quiz-feedback")).toBeHidden();
  await expect(page.getByText(/0 right of 0/)).toBeVisible();
  expect(await progress()).toMatchObject({ answered: 0, nextIndex: 0 });
  expect(prompt.length).toBeGreaterThan(0);
  await expect(page.getByTestId("quiz-undo")).toContainText("Undo Good on");
  await page.screenshot({ path: test.info().outputPath("quiz-answer-undone.png"), fullPage: true });

  // Answer it again, then from the review page U undoes that quiz answer first — the newest — then the review answer.
  if (type === "multiple-choice" || type === "true-false") await page.keyboard.press("b");
  else if (type === "cloze") await page.getByRole("textbox").fill("constitution");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("quiz-feedback")).toBeVisible();
  await page.goto(`/review?deck=${DECK}`);
  await expect(page.getByTestId("undo-button")).toContainText("Undo quiz answer");
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("u");
  await expect(page.getByTestId("notice")).toContainText("Undid quiz answer");
  await expect(page.getByTestId("undo-button")).toContainText("Undo Good on");
  expect(await progress()).toMatchObject({ answered: 0 });
  await page.keyboard.press("u");
  await expect(page.getByTestId("notice")).toContainText("Undid Good on");
  await expect(page.getByTestId("undo-button")).toContainText("Nothing to undo");
});

test("the quiz page's undo fits a 390 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/quiz?deck=${DECK}&topic=takeaways&length=5&seed=4`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  const type = await page.getByTestId("quiz-question").getAttribute("data-type");
  if (type === "multiple-choice" || type === "true-false") await page.keyboard.press("a");
  else if (type === "cloze") await page.keyboard.type("reward model");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-undo")).toContainText("Undo quiz answer");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("quiz-undo-390.png"), fullPage: true });
});
