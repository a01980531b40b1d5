import { expect, test } from "@playwright/test";
import { signIn, waitForHydration } from "./helpers";

test("select sites, mute their notifications as a job, and watch it finish live", async ({ page }) => {
  await signIn(page, "admin");
  await waitForHydration(page);
  const boxes = page.getByRole("checkbox", { name: /^Select / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await boxes.nth(2).check();
  await page.getByRole("button", { name: "Mute health notifications", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mute health notifications of 3 sites");
  // Progress arrives over server-sent events: no reload needed.
  await expect(page.locator(".page-header .badge")).toHaveText("Succeeded", { timeout: 20_000 });
  await expect(page.locator(".progress-text")).toContainText("3 of 3 done");
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await expect(page.locator("tbody code").first()).toBeVisible(); // tenant request id per item

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("link", { name: "Mute health notifications of 3 sites" }).first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a bulk action still starts a job, and reloading shows its outcome", async ({ page }) => {
    await signIn(page, "editor");
    await page.getByRole("checkbox", { name: "Select London Office" }).check();
    await page.getByRole("button", { name: "Unmute health notifications" }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    await expect(async () => {
      await page.reload();
      await expect(page.locator(".page-header .badge")).toHaveText("Succeeded");
    }).toPass({ timeout: 20_000 });
  });

  test("submitting with nothing selected says what to do", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("button", { name: "Mute health notifications", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("Select at least one site");
  });
});
