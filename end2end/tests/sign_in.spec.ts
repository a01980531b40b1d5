import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("/ leads to sign-in, which has labelled fields", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Username")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("a wrong password gets a clear message and keeps the username", async ({ page }) => {
  await signIn(page, "admin", "not-the-password");
  await expect(page).toHaveURL(/\/login\?error=invalid/);
  await expect(page.getByRole("alert")).toContainText("Wrong username or password");
  await expect(page.getByLabel("Username")).toHaveValue("admin");
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("a page asked for before sign-in is shown after it", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill((await import("./helpers")).demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/sites/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?error=signed_out/);
  await expect(page.getByRole("alert")).toContainText("You have signed out");
  await page.goto("/sites");
  await expect(page).toHaveURL(/\/login/);
});
