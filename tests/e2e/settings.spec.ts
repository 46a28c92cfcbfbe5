import { test, expect, type Page } from "./fixtures";

// Other specs share this server and database: whatever this spec changes, it puts back.
const retention = (page: Page) => page.getByLabel("Desired retention");
// The settings form's own status line (the page's FSRS sections have theirs).
const formStatus = (page: Page) => page.locator("form").getByRole("status");

async function save(page: Page) {
  await page.getByRole("button", { name: "Save settings" }).click();
}

test("settings: an invalid value is shown inline and kept; a valid one is saved and survives a reload", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(retention(page)).toHaveValue("0.9");

  // Invalid: 1.5 → inline error tied to the field, the typed value kept, nothing saved.
  await retention(page).fill("1.5");
  await page.getByLabel("Learning steps", { exact: true }).fill("1m 5m");
  await save(page);
  const error = page.getByTestId("desiredRetention-error");
  await expect(error).toHaveText(/between 0\.70 and 0\.99/);
  await expect(retention(page)).toHaveAttribute("aria-invalid", "true");
  await expect(retention(page)).toHaveAttribute("aria-describedby", /desiredRetention-error/);
  await expect(retention(page)).toHaveValue("1.5");
  await expect(page.getByLabel("Learning steps", { exact: true })).toHaveValue("1m 5m");
  await expect(formStatus(page)).toHaveText(/Not saved/);
  const stored = await (await page.request.get("/api/v1/settings")).json();
  expect(stored).toMatchObject({ desiredRetention: 0.9, learningSteps: "1m 10m" });

  // Valid: 0.85 → "Saved", the error gone, and a reload shows 0.85.
  await retention(page).fill("0.85");
  await page.getByLabel("Learning steps", { exact: true }).fill("1m 10m");
  await save(page);
  await expect(formStatus(page)).toHaveText(/Saved/);
  await expect(error).toHaveCount(0);
  await expect(retention(page)).not.toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(retention(page)).toHaveValue("0.85");
  expect((await (await page.request.get("/api/v1/settings")).json()).desiredRetention).toBe(0.85);

  // Put it back for the other specs.
  await retention(page).fill("0.9");
  await save(page);
  await expect(formStatus(page)).toHaveText(/Saved/);
  expect((await (await page.request.get("/api/v1/settings")).json()).desiredRetention).toBe(0.9);

  await page.screenshot({ path: test.info().outputPath("settings.png"), fullPage: true });
});
