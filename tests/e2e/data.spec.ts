import { test, expect, type Page } from "./fixtures";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strToU8 } from "fflate";
import { ankiPackage, sampleRevlog } from "../helpers/anki";

const TMP = path.resolve(".tmp/e2e-files");

async function download(page: Page, testId: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return readFileSync((await d.path())!, "utf8");
}

test("export the history, back up, study on, restore the backup: the history is back byte for byte", async ({ page, request }) => {
  mkdirSync(TMP, { recursive: true });
  // One answer first, so the history is not empty.
  const answer = async () => {
    const q = (await (await request.get("/api/v1/queue?deck=claude-character&limit=1")).json()) as { cards: { id: number; reps: number }[] };
    const c = q.cards[0]!;
    const res = await request.post("/api/v1/reviews", {
      data: { cardId: c.id, rating: 3, durationMs: 4000, reviewId: `e2e-data-${Date.now()}-${Math.random()}`, reps: c.reps },
    });
    expect(res.ok()).toBe(true);
  };
  await answer();

  await page.goto("/data");
  const before = await download(page, "export-fsrs");
  expect(before.split("\n")[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  expect(before.trim().split("\n").length).toBeGreaterThan(1);
  expect((await download(page, "export-anki")).split("\n")[0]).toBe("id,cid,usn,ease,ivl,lastIvl,factor,time,type");

  await page.getByTestId("backup-now").click();
  await expect(page.getByTestId("backup-message")).toContainText("Backed up: cardinal-backup-");
  const name = ((await page.getByTestId("backup-message").textContent()) ?? "").replace("Backed up: ", "").trim();
  const zip = await (await request.get(`/api/v1/backups/${name}`)).body();
  const file = path.join(TMP, name);
  writeFileSync(file, zip);

  await answer();
  expect(await download(page, "export-fsrs")).not.toBe(before);

  await page.getByTestId("restore-file").setInputFiles(file);
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("restore").click();
  await expect(page.getByTestId("backup-message")).toContainText("Restored the backup");
  await expect(page.getByTestId("backup-message")).toContainText("before-restore");
  expect(await download(page, "export-fsrs")).toBe(before);
  await page.screenshot({ path: ".tmp/data-restored.png", fullPage: true });

  // A damaged file changes nothing and says why, once.
  const bad = path.join(TMP, "damaged.zip");
  writeFileSync(bad, zip.subarray(0, Math.floor(zip.length / 2)));
  await page.getByTestId("restore-file").setInputFiles(bad);
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("restore").click();
  await expect(page.getByTestId("backup-message")).toHaveText(/not a readable zip.*nothing was changed/);
  await expect(page.getByTestId("backup-message")).toHaveAttribute("role", "alert");
  expect(await download(page, "export-fsrs")).toBe(before);
});

test("import a small Anki collection made here: summary first, then the reviews; a wrong file is refused", async ({ page, request }) => {
  mkdirSync(TMP, { recursive: true });
  const pkg = path.join(TMP, "history.colpkg");
  writeFileSync(pkg, ankiPackage(sampleRevlog(Date.UTC(2023, 4, 1)), "anki21b"));

  await page.goto("/data");
  await page.getByTestId("import-file").setInputFiles(pkg);
  await page.getByTestId("import-read").click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("12 reviews of 3 cards, from 2023-05-01 to 2023-05-11");
  await expect(page.getByTestId("import-skipped")).toContainText("skipped 1 manual reschedules");
  await expect(page.getByTestId("import-skipped")).toContainText("skipped 1 cram");
  await page.screenshot({ path: ".tmp/data-import-summary.png", fullPage: true });
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-message")).toHaveText("Imported 12 reviews of 3 cards from history.colpkg.");
  await expect(page.getByTestId("imports")).toContainText("history.colpkg: 12 reviews of 3 cards");
  const list = (await (await request.get("/api/v1/imports")).json()) as { imports: { fileName: string }[] };
  expect(list.imports.map((i) => i.fileName)).toContain("history.colpkg");

  const wrong = path.join(TMP, "notes.csv");
  writeFileSync(wrong, strToU8("front,back\nhello,world\n"));
  await page.getByTestId("import-file").setInputFiles(wrong);
  await page.getByTestId("import-read").click();
  await expect(page.getByTestId("import-message")).toContainText("this CSV is not a review history");
  await expect(page.getByTestId("import-message")).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("import-summary")).toHaveCount(0);
});

test("an upload arrives whole up to the upload limit; a larger one is refused with one clear 413", async ({ request }) => {
  const csv = (n: number) => {
    const lines = ["card_id,review_time,review_rating,review_state,review_duration"];
    for (let i = 0; i < n; i++) lines.push(`${1_600_000_000_000 + (i % 997)},${1_600_000_000_000 + i * 60_000},${(i % 4) + 1},${i % 4},${1000 + (i % 50_000)}`);
    return Buffer.from(`${lines.join("\n")}\n`).toString("base64");
  };
  const fits = csv(19_000); // about 0.95 MB of JSON
  expect(fits.length).toBeGreaterThan(900_000);
  const ok = await request.post("/api/v1/imports", { data: { fileName: "history.csv", data: fits } });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { summary: { reviews: number } }).summary.reviews).toBe(19_000);
  const big = await request.post("/api/v1/imports", { data: { fileName: "big-history.csv", data: csv(40_000) } });
  expect(big.status()).toBe(413);
  expect(((await big.json()) as { error: string }).error).toMatch(/too large/);
});

test("/data on a 390 px screen has no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/data");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: ".tmp/data-390.png", fullPage: true });
});
