import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The helpdesk finds a user by part of the e-mail address, blocks them with a reason and
// an end time, sees them in the blocked list, and unblocks them; sites stay closed.

test("helpdesk finds, blocks and unblocks a user", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "helpdesk");
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Users",
    "Jobs",
    "Account",
  ]);

  // Search for a fragment of an address that several users share, then pick one who is
  // not blocked and search again by part of their own address.
  await page.getByLabel("Name or e-mail").fill("@acme.com");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/users\?q=/);
  const active = page.locator("table tbody tr", { has: page.locator(".badge-ok") });
  await expect(active.first()).toBeVisible({ timeout: 20_000 });
  const email = (await active.nth(5).locator("td").first().textContent())!.trim();
  const part = email.split("@")[0].slice(0, -1);
  await page.getByLabel("Name or e-mail").fill(part);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.locator("table tbody tr", { hasText: email });
  await expect(row).toBeVisible({ timeout: 20_000 });
  const name = (await row.locator("th").textContent())!.trim();
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  // Block: the confirmation names the user and says that their sessions end now.
  await page.getByRole("link", { name: "Block" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Block ${name}?`);
  await expect(page.getByText("signed out of every session now")).toBeVisible();
  // The reason is required.
  await page.getByRole("button", { name: "Block and end sessions" }).click();
  await expect(page.getByText("Give a reason")).toBeVisible();
  await page.getByLabel("Reason (ticket number or text)").fill("INC-20261203");
  const until = new Date(Date.now() + 3 * 3600 * 1000).toISOString().slice(0, 16);
  await page.getByLabel("Unblock automatically at (UTC, optional)").fill(until);
  await page.getByRole("button", { name: "Block and end sessions" }).click();
  await expect(page.getByRole("status")).toContainText("The user is blocked");
  await expect(page.getByText("INC-20261203")).toBeVisible();
  await expect(page.getByText("scheduled by helpdesk")).toBeVisible();

  // The blocked list shows them at once, with reason, who and the scheduled unblock.
  await page.goto("/users/blocked");
  const blocked = page.locator("table tbody tr", { hasText: name });
  await expect(blocked).toContainText("INC-20261203");
  await expect(blocked).toContainText("helpdesk");
  await expect(blocked).toContainText(until.replace("T", " "));

  // Unblock from the list: one click plus confirmation.
  await blocked.getByRole("link", { name: `Unblock ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Unblock ${name}?`);
  await page.getByRole("button", { name: "Unblock", exact: true }).click();
  await expect(page).toHaveURL(/\/users\/blocked\?notice=unblocked/);
  await expect(page.getByRole("status")).toContainText("unblocked");
  await expect(page.locator("table tbody tr", { hasText: name })).toHaveCount(0);
});

test("helpdesk cannot open sites or call a site server function", async ({ page }) => {
  await signIn(page, "helpdesk");
  await expect(page).toHaveURL(/\/users$/);
  const response = await page.goto("/sites");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("does not allow");
  const api = await page.request.post("/api/sites/health", {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(api.ok()).toBe(false);
  expect(await api.text()).toContain("Forbidden");
});
