// Accounts end to end: sign up through the form, create a second workspace from the
// header switcher, and a second, invite-less user sees none of the first one's data.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

// New users, not the demo session the other specs share.
test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = "a long enough passphrase";

async function signUp(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Create one" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.getByLabel("Name").fill(email.split("@")[0]);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user-email")).toHaveText(email);
}

test("sign up, create a workspace; a second user cannot see it", async ({ page, browser }) => {
  const first = `first-${randomUUID().slice(0, 8)}@example.test`;
  const workspaceName = `Team ${randomUUID().slice(0, 6)}`;

  // The password rule is shown, and enforced before anything is sent.
  await page.goto("/signup");
  await expect(page.getByText("Use 10 to 128 characters")).toBeVisible();
  await signUp(page, first);

  const switcher = page.getByLabel("Workspace", { exact: true });
  await expect(switcher.locator("option:checked")).toHaveText(/\(owner\)/);
  await switcher.selectOption({ label: "+ New workspace…" });
  await page.getByLabel("New workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(switcher.locator("option:checked")).toHaveText(`${workspaceName} (owner)`);

  // Data in the new (active) workspace, made with the first user's session.
  const hook = await page.request.post("/api/v1/webhooks", { data: { url: "http://127.0.0.1:9/accounts-e2e", events: ["*"] } });
  expect(hook.status()).toBe(201);
  const hookId = (await hook.json()).id as string;
  const workspaces = (await (await page.request.get("/api/v1/workspaces")).json()).data as Array<{ id: string; name: string }>;
  const teamId = workspaces.find((w) => w.name === workspaceName)!.id;

  await page.goto("/members");
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(page.getByTestId("member-row")).toContainText(first);

  // A second user, in a separate browser context, never added to the first user's workspace.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page2 = await other.newPage();
  const second = `second-${randomUUID().slice(0, 8)}@example.test`;
  await signUp(page2, second);
  const options = page2.getByLabel("Workspace", { exact: true }).locator("option");
  await expect(options).toHaveCount(2); // their own workspace + "New workspace…"
  await expect(options.filter({ hasText: workspaceName })).toHaveCount(0);

  const list = await page2.request.get("/api/v1/webhooks");
  expect(list.status()).toBe(200);
  expect(await list.text()).not.toContain(hookId);
  expect((await page2.request.get(`/api/v1/webhooks/${hookId}`)).status()).toBe(404);
  expect((await page2.request.post("/api/v1/workspaces/switch", { data: { workspace_id: teamId } })).status()).toBe(404);

  await page2.goto("/members");
  await expect(page2.getByTestId("member-row")).toHaveCount(1);
  await expect(page2.getByTestId("member-row")).toContainText(second);
  await other.close();
});
