import { test, expect, type Page } from "./fixtures";

// Issue 12 problems 7 and 11 in Chromium: a reload mid-quiz continues at the
// next question; /quiz offers an unfinished quiz to resume or end; the
// feedback says what the answer did to the card (quizzes never push a card back).
const DECK = "claude-character";
const question = (page: Page) => page.getByTestId("quiz-question");

async function answerCurrent(page: Page) {
  const type = await question(page).getAttribute("data-type");
  if (type === "multiple-choice" || type === "true-false") await page.keyboard.press("a");
  else if (type === "cloze") await page.keyboard.type("reward model");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-feedback")).toBeVisible();
}

test("a reload mid-quiz continues at the next question; /quiz can resume or end it", async ({ page }) => {
  await page.goto(`/quiz?deck=${DECK}&topic=takeaways&length=5&seed=5`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 1 of 5");
  await answerCurrent(page);
  await expect(page.getByTestId("quiz-schedule")).toHaveText(/learning card|counts as its review|never push a card back|schedule is unchanged/);
  await page.screenshot({ path: test.info().outputPath("quiz-feedback.png"), fullPage: true });
  await page.getByTestId("quiz-next").click();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 2 of 5");
  expect(new URL(page.url()).searchParams.get("quiz")).toBeTruthy();

  await page.reload();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 2 of 5");
  await expect(page.getByText(/right of 1$/)).toBeVisible();
  await answerCurrent(page);

  await page.goto("/quiz");
  const list = page.getByTestId("unfinished-quizzes");
  await expect(list).toContainText("2 of 5 answered");
  await page.screenshot({ path: test.info().outputPath("quiz-unfinished.png"), fullPage: true });
  await list.getByRole("button", { name: "Resume" }).first().click();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 3 of 5");

  await page.goto("/quiz");
  const before = await page.getByTestId("unfinished-quizzes").getByRole("listitem").count();
  await page.getByTestId("unfinished-quizzes").getByRole("button", { name: "End" }).first().click();
  await expect(page.getByTestId("unfinished-quizzes").getByRole("listitem")).toHaveCount(before - 1);

  // Cards first seen in this quiz are learning cards on the review page, outside the new-card allowance, and it says so (problem 8).
  await page.goto(`/review?deck=${DECK}`);
  await expect(page.getByTestId("quiz-new-today")).toContainText(/Quizzes introduced \d+ new cards? today/);
});
