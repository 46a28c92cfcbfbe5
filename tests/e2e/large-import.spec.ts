// Importing an Anki history larger than one request body through /data (issue
// 14, items 1, 2 and 6): the real 41k-review CSV when ../shared/data has it,
// else a generated one over 1 MiB — sent in chunks with a progress bar, its
// summary before the confirm, then stored. A file over the 200 MiB cap is
// refused with one message before any of it is sent.
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bigRevlogCsv, referenceCsvPath } from "../helpers/reference-csv";
import { expect, test } from "./fixtures";

const TMP = path.resolve(".tmp/e2e-files");
const csv = bigRevlogCsv();

function csvPath(): string {
  const real = referenceCsvPath();
  if (real) return real;
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, csv.name);
  writeFileSync(file, csv.bytes);
  return file;
}

const imported = async (request: import("@playwright/test").APIRequestContext) =>
  ((await (await request.get("/api/v1/imports")).json()) as { imports: { fileName: string; summary: { reviews: number } }[] }).imports;

test(`the upload shows its progress in chunks; Cancel keeps nothing (${csv.real ? "real 41k CSV" : "generated CSV"})`, async ({ page, request }) => {
  const chunks: number[] = [];
  // Slow each chunk down so the bar can be seen between them.
  await page.route("**/api/v1/uploads/chunks", async (route) => {
    chunks.push(route.request().postData()?.length ?? 0);
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.goto("/data");
  await page.getByTestId("import-file").setInputFiles(csvPath());
  await page.getByTestId("import-read").click();
  const bar = page.getByTestId("progress");
  await expect(bar).toContainText(`Uploading ${csv.name}… 0%`);
  await expect(bar).toContainText(/Uploading .*… (3[0-9]|[4-9][0-9])%/);
  await page.screenshot({ path: ".tmp/large-import-progress.png", fullPage: true });
  await expect(page.getByTestId("import-summary")).toBeVisible({ timeout: 30_000 });
  // Every chunk stayed under the upload body limit (1 MiB of JSON).
  expect(chunks.length).toBe(Math.ceil(csv.bytes.length / (512 * 1024)));
  for (const n of chunks) expect(n).toBeLessThan(1024 * 1024);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("import-summary")).toHaveCount(0);
  expect(await imported(request)).toEqual([]);
});

test(`imports ${csv.real ? "the real 41,847-review CSV" : "a generated CSV over 1 MiB"} end to end: choose, summary, confirm`, async ({ page, request }) => {
  await page.goto("/data");
  const t0 = Date.now();
  await page.getByTestId("import-file").setInputFiles(csvPath());
  await page.getByTestId("import-read").click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const toSummary = Date.now() - t0;
  if (csv.real) {
    await expect(summary).toContainText("40,075 reviews of 5,184 cards");
    await expect(page.getByTestId("import-skipped")).toContainText("skipped 1,772 cram");
  }
  const reviews = Number(((await page.getByTestId("import-confirm").textContent()) ?? "").replace(/\D/g, ""));
  expect(reviews).toBeGreaterThan(30_000);
  await page.screenshot({ path: ".tmp/large-import-summary.png", fullPage: true });
  const t1 = Date.now();
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-message")).toHaveText(
    new RegExp(`^Imported ${reviews.toLocaleString("en")} reviews of [\\d,]+ cards from ${csv.name}\\.$`),
    {
      timeout: 30_000,
    },
  );
  const toStored = Date.now() - t1;
  console.log(`large import (${csv.name}, ${csv.bytes.length} bytes): choose → summary ${toSummary} ms; confirm → stored ${toStored} ms`);
  mkdirSync(path.resolve(".tmp"), { recursive: true });
  writeFileSync(path.resolve(".tmp/large-import-timing.json"), JSON.stringify({ file: csv.name, bytes: csv.bytes.length, toSummary, toStored }));
  const list = await imported(request);
  expect(list.map((i) => [i.fileName, i.summary.reviews])).toEqual([[csv.name, reviews]]);
  await expect(page.getByTestId("imports")).toContainText(`${csv.name}: ${reviews.toLocaleString("en")} reviews`);
});

test("a file over 200 MiB is refused with one message before any of it is sent; nothing changes", async ({ page, request }) => {
  mkdirSync(TMP, { recursive: true });
  const huge = path.join(TMP, "huge-collection.colpkg");
  const fd = openSync(huge, "w");
  ftruncateSync(fd, 201 * 1024 * 1024); // sparse: no disk used
  closeSync(fd);
  const before = await imported(request);
  const sent: string[] = [];
  page.on("request", (r) => r.url().includes("/api/v1/uploads") && sent.push(r.url()));
  await page.goto("/data");
  await page.getByTestId("import-file").setInputFiles(huge);
  await page.getByTestId("import-read").click();
  const msg = page.getByTestId("import-message");
  await expect(msg).toHaveText("huge-collection.colpkg is too large: 201 MiB, and Cardinal takes files up to 200 MiB; nothing was changed");
  await expect(msg).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("import-summary")).toHaveCount(0);
  expect(sent).toEqual([]);
  expect(await imported(request)).toEqual(before);
  // The server says the same if asked directly, before any chunk.
  const r = await request.post("/api/v1/uploads", { data: { fileName: "huge-collection.colpkg", size: 201 * 1024 * 1024, sha256: "0".repeat(64) } });
  expect(r.status()).toBe(413);
  expect(((await r.json()) as { error: string }).error).toBe(await msg.textContent());
});
