import { expect, test } from "@playwright/test";
import { emulatorOrigin, signIn, waitForHydration } from "./helpers";

// Names unique per run: the console's data directory is fresh, but be safe on reruns.
const run = Date.now().toString(36);

test("an admin deploys a connector-mode site with a Linux connector and sees it come up", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin");
  await waitForHydration(page);
  await page.getByRole("link", { name: "New site" }).click();
  await expect(page).toHaveURL(/\/sites\/new$/);

  // Step 1: the site.
  await expect(page.getByRole("heading", { name: "New site", level: 1 })).toBeVisible();
  await expect(page.locator("ol.steps [aria-current='step']")).toContainText("Site");
  await expect(page.getByLabel("Region")).toHaveValue(/.+/); // the default is preselected
  await expect(page.getByRole("radio", { name: /Connector \(one-time password\)/ })).toBeChecked();
  await expect(page.getByText("This cannot be changed later.")).toBeVisible();
  const siteName = `E2E Connector Site ${run}`;
  await page.getByLabel("Name").fill(siteName);
  await page.getByRole("button", { name: "Create site" }).click();

  // Step 2: a Linux connector.
  await expect(page).toHaveURL(/\/sites\/[^/]+\/connectors\/new\?wizard=1$/);
  await expect(page.getByRole("heading", { name: `Add a connector to ${siteName}` })).toBeVisible();
  await expect(page.getByLabel("Persistent volume (Kubernetes)")).toBeHidden();
  await page.getByRole("radio", { name: /Kubernetes/ }).check();
  await expect(page.getByLabel("Persistent volume (Kubernetes)")).toBeVisible();
  await page.getByRole("radio", { name: /^Linux/ }).check();
  const connectorName = `e2e-linux-${run}`;
  await page.getByLabel("Name").fill(connectorName);
  await page.getByRole("button", { name: "Create connector" }).click();

  // Step 3: deploy. The command is fetched only when asked for.
  await expect(page).toHaveURL(/\/sites\/[^/]+\/connectors\/[0-9a-f-]{36}$/);
  const connectorId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: `Deploy ${connectorName}` })).toBeVisible();
  await expect(page.getByText("The command holds a one-time secret.")).toBeVisible();
  await expect(page.getByRole("timer")).toContainText(/2[34] h/);
  await expect(page.locator("#deployment-command")).toHaveCount(0);
  await waitForHydration(page);
  await page.getByRole("button", { name: "Show deployment command" }).click();
  const command = page.locator("#deployment-command");
  await expect(command).toContainText("docker run");
  await expect(command).toContainText("OTP=");
  await expect(page.locator("#deployment-environment")).toContainText("OTP=");
  await page.getByRole("button", { name: "Copy deployment command (linux)" }).click();
  await expect(page.getByText("Copied to the clipboard")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("docker run");
  expect(copied).toContain(connectorName);
  await expect(page.getByRole("status").filter({ hasText: "Waiting for" })).toBeVisible();

  // The container registers (the emulator's control, as the real container would).
  const registered = await request.post(`${emulatorOrigin}/_emulator/connectors/${connectorId}/register`);
  expect(registered.ok()).toBeTruthy();

  // Step 4: the page follows it until it is up, without a reload.
  await expect(page.getByText(`${connectorName} is up.`)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("ol.steps [aria-current='step']")).toContainText("Running");
  await expect(page.locator("#deployment-command")).toHaveCount(0); // the secret view is gone
  const facts = page.locator("section", { has: page.getByRole("heading", { name: "Wait for it to register" }) });
  for (const label of ["Host name", "Internal address", "External address", "Version"]) {
    await expect(facts.getByText(label)).toBeVisible();
  }
  const check = page.locator("section", { has: page.getByRole("heading", { name: "Check" }) });
  await expect(check).toContainText("Registered");
  await expect(check).toContainText("Current");

  // The site page lists it, up.
  await page.getByRole("link", { name: "Go to the site" }).click();
  await expect(page.getByRole("heading", { name: siteName, level: 1 })).toBeVisible();
  await expect(page.locator("tbody tr", { hasText: connectorName })).toContainText("Up");
});

test("an admin creates a site-mode site and sees each new registration key once", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/sites$/); // signed in before going on
  await page.goto("/sites/new");
  await waitForHydration(page);
  const siteName = `E2E Key Site ${run}`;
  await page.getByLabel("Name").fill(siteName);
  await page.getByRole("radio", { name: /Site \(registration key\)/ }).check();
  await page.getByLabel("Send health notifications").uncheck();
  await page.getByRole("button", { name: "Create site" }).click();

  await expect(page).toHaveURL(/\/sites\/[^/]+\/keys\?wizard=1$/);
  await expect(page.locator("ol.steps [aria-current='step']")).toContainText("Registration key");
  await expect(page.getByText("This site has no registration key yet.")).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("button", { name: "Create the registration key" }).click();
  const key = page.locator("#new-registration-key");
  await expect(key).toBeVisible();
  const first = (await key.innerText()).trim();
  expect(first.length).toBeGreaterThan(20);
  await expect(page.getByText("it is shown only this once")).toBeVisible();
  await page.getByRole("button", { name: "Copy new registration key" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await page.getByRole("button", { name: "I have stored the key" }).click();
  await expect(key).toHaveCount(0);
  await expect(page.locator("tbody tr")).toHaveCount(1);

  // Rotate, revoking the old key at once.
  await page.getByRole("radio", { name: /Revoke it now/ }).check();
  await page.getByRole("button", { name: "Rotate the key" }).click();
  await expect(key).toBeVisible();
  const second = (await key.innerText()).trim();
  expect(second).not.toBe(first);
  await expect(page.getByText("The previous key was revoked")).toBeVisible();

  // Never again: not after a reload, not on the site page.
  await page.reload();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  let html = await page.content();
  expect(html).not.toContain(first);
  expect(html).not.toContain(second);
  await page.getByRole("link", { name: "Go to the site" }).click();
  await expect(page.getByRole("heading", { name: siteName, level: 1 })).toBeVisible();
  await expect(page.getByText("Muted")).toBeVisible();
  html = await page.content();
  expect(html).not.toContain(second);
});

test("a taken or too short name is reported at the field, keeping what was typed", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/sites$/); // signed in before going on
  await page.goto("/sites/new");
  await waitForHydration(page);
  const name = page.getByLabel("Name");
  await name.fill("London Office");
  await page.getByRole("button", { name: "Create site" }).click();
  await expect(page.locator("#site-name-error")).toHaveText(/A site with this name already exists/);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveValue("London Office");
  await expect(page).toHaveURL(/\/sites\/new/);

  await name.fill("x");
  await page.getByRole("button", { name: "Create site" }).click();
  await expect(page.locator("#site-name-error")).toHaveText(/at least 2 characters/);
  await expect(name).toHaveValue("x");
});

test("a site editor cannot open a site that is not theirs, nor create sites", async ({ page, browser }) => {
  // Find a site outside the editor's scope as admin.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin");
  await adminPage.goto("/sites?q=Chicago");
  const href = await adminPage.locator("table tbody th a").first().getAttribute("href");
  await admin.close();
  expect(href).toBeTruthy();

  await signIn(page, "editor");
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByRole("link", { name: "Health report" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New site" })).toHaveCount(0);
  for (const path of [href!, `${href}/connectors/new`, `${href}/keys`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("alert")).toContainText("not found, or it is not yours");
    await expect(page.locator("body")).not.toContainText("Chicago");
  }
  const response = await page.goto("/sites/new");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("does not allow");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the wizard works: a taken name comes back at the field, then site, connector and its command", async ({
    page,
  }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/sites$/);
    await page.goto("/sites/new");
    await page.getByLabel("Name").fill("Toronto Lab");
    await page.getByRole("button", { name: "Create site" }).click();
    await expect(page.locator("#site-name-error")).toHaveText(/A site with this name already exists/);
    await expect(page.getByLabel("Name")).toHaveValue("Toronto Lab");

    const siteName = `E2E NoJS Site ${run}`;
    await page.getByLabel("Name").fill(siteName);
    await page.getByRole("button", { name: "Create site" }).click();
    await expect(page).toHaveURL(/\/connectors\/new\?wizard=1$/);
    await page.getByLabel("Name").fill(`e2e-nojs-${run}`);
    await page.getByRole("radio", { name: /Docker Compose/ }).check();
    await page.getByRole("button", { name: "Create connector" }).click();
    await expect(page).toHaveURL(/\/connectors\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("timer")).toContainText(/2[34] h/);
    await page.getByRole("button", { name: "Show deployment command" }).click();
    await expect(page).toHaveURL(/\/deployment$/);
    await expect(page.locator("#deployment-command")).toContainText("OTP");
    await expect(page.locator("#deployment-environment")).toContainText("OTP=");
    await expect(page.getByText("one-time secret")).toBeVisible();
    await page.getByRole("link", { name: "Back to the connector" }).click();
    await expect(page.locator("#deployment-command")).toHaveCount(0);
  });
});
