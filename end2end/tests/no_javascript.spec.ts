import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.use({ javaScriptEnabled: false });

test("without JavaScript: sign in, read the sites, page, search and open a site", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/sites$/);
  expect(await page.locator("table tbody tr").count()).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.locator(".pager-status")).toContainText("Page 2");
  await page.getByLabel("Search").fill("London");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=London/);
  await page.getByRole("link", { name: "London Office" }).click();
  await expect(page.getByRole("heading", { name: "London Office", level: 1 })).toBeVisible();
  expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
});

test("without JavaScript: a wrong password is reported", async ({ page }) => {
  await signIn(page, "editor", "wrong");
  await expect(page.getByRole("alert")).toContainText("Wrong username or password");
  await expect(page.getByLabel("Username")).toHaveValue("editor");
});
