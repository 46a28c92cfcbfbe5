// Keyboard steps on the review page, shared by the specs that study through it.
import { expect, type Page } from "./fixtures";

/** Reveals the current card with the keyboard, whatever its format: a typed answer, a letter, or Space. */
export async function revealCard(page: Page) {
  const format = (await page.getByTestId("card").getAttribute("data-format")) ?? "";
  if (format === "typed" || format === "cloze") {
    await page.getByLabel(/Your answer/).fill("x");
    await page.keyboard.press("Enter");
  } else if (format === "multiple-choice" || format === "true-false") {
    await page.keyboard.press("a");
  } else {
    await page.keyboard.press("Space");
  }
  await expect(page.getByTestId("back")).toBeVisible();
}
