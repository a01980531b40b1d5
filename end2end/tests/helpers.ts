import { expect, Page } from "@playwright/test";
import { demoPassword, emulatorOrigin } from "../playwright.config";

export { demoPassword, emulatorOrigin };

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, username: string, password = demoPassword) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Waits until the WASM bundle has hydrated the page (client-side navigation active). */
export async function waitForHydration(page: Page) {
  await expect(page.locator("body[data-hydrated='true']")).toHaveCount(1, { timeout: 30_000 });
}
