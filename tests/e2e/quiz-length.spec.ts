import { test, expect, type Page } from "./fixtures";

const DECK = "claude-character";

/** Answers the question on screen (the first option, a typed guess, or the order as shown) and checks it. */
async function answer(page: Page): Promise<void> {
  const type = await page.getByTestId("quiz-question").getAttribute("data-type");
  if (type === "multiple-choice" || type === "true-false") await page.keyboard.press("1");
  else if (type === "cloze") await page.getByRole("textbox").first().fill("a guess");
  else if (type !== "order") throw new Error(`unexpected type ${type} in a pipeline quiz`);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-feedback")).toBeVisible();
}

test.use({ viewport: { width: 390, height: 844 } });

test("a vocabulary quiz of 20 says how many questions the topic has that don't give each other away", async ({ page, request }) => {
  const res = await request.post("/api/v1/quiz", { data: { deck: DECK, topic: "vocabulary", length: 20, seed: 7 } });
  const quiz = (await res.json()) as { questions: unknown[]; notice?: string };
  const n = quiz.questions.length;
  expect(n).toBeLessThan(20);
  expect(quiz.notice).toBe(`${n} questions: this topic has only ${n} that don't give each other away`);

  await page.goto(`/quiz?deck=${DECK}&topic=vocabulary&length=20&seed=7`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByRole("status").filter({ hasText: "give each other away" })).toHaveText(
    `${n} questions: this topic has only ${n} that don't give each other away.`,
  );
  await expect(page.getByTestId("quiz-progress")).toHaveText(`Question 1 of ${n}`);
  await page.screenshot({ path: ".tmp/quiz-390-vocabulary-20.png", fullPage: true });
});

test("a pipeline quiz of 10 is 10 long; its choices show the options a learner weighs", async ({ page }) => {
  await page.goto(`/quiz?deck=${DECK}&topic=pipeline&length=10&seed=3`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 1 of 10");
  await expect(page.getByRole("status").filter({ hasText: "give each other away" })).toHaveCount(0);
  let shots = 0;
  for (let i = 1; i <= 10; i++) {
    await expect(page.getByTestId("quiz-progress")).toHaveText(`Question ${i} of 10`);
    const type = await page.getByTestId("quiz-question").getAttribute("data-type");
    if (type === "multiple-choice" && shots < 4) await page.screenshot({ path: `.tmp/quiz-390-pipeline-${++shots}.png`, fullPage: true });
    await answer(page);
    if (i < 10) await page.keyboard.press("Enter");
  }
});
