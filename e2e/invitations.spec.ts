// Invitations end to end: an owner invites an address from the Members screen, the
// invitee follows the emailed link, creates an account, accepts, and later leaves.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { invitationLink } from "./support/mailbox";

test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = "a long enough passphrase";

test("invite by email → the invitee signs up from the link and accepts → leaves", async ({ page, browser }) => {
  const owner = `owner-${randomUUID().slice(0, 8)}@example.test`;
  const invitee = `invitee-${randomUUID().slice(0, 8)}@example.test`;
  const signUp = await page.request.post("/api/auth/sign-up/email", { data: { email: owner, password: PASSWORD, name: "Owner" } });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const ownerWs = ((await (await page.request.get("/api/v1/workspaces")).json()).data as Array<{ id: string; name: string }>)[0];

  await page.goto("/members");
  await page.getByLabel("Invite by email").fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invitation-row")).toContainText(invitee);
  await expect(page.getByTestId("member-row")).toHaveCount(1);

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const page2 = await other.newPage();
    await page2.goto(await invitationLink(invitee));
    await expect(page2.getByText(`You are invited to ${ownerWs.name} as admin`)).toBeVisible();
    await page2.getByRole("link", { name: "Create an account" }).click();
    await expect(page2.getByLabel("Email")).toHaveValue(invitee);
    await page2.getByLabel("Name").fill("Invitee");
    await page2.getByLabel("Password").fill(PASSWORD);
    await page2.getByRole("button", { name: "Create account" }).click();
    await page2.getByRole("button", { name: "Accept invitation" }).click();
    const switcher = page2.getByLabel("Workspace", { exact: true });
    await expect(switcher.locator("option:checked")).toHaveText(`${ownerWs.name} (admin)`);

    await page.reload();
    await expect(page.getByTestId("member-row")).toHaveCount(2);
    await expect(page.getByTestId("invitation-row")).toHaveCount(0);

    await page2.goto("/members");
    page2.once("dialog", (d) => void d.accept());
    await page2.getByRole("button", { name: "Leave workspace" }).click();
    await expect(switcher.locator("option:checked")).not.toHaveText(`${ownerWs.name} (admin)`);
    await page.reload();
    await expect(page.getByTestId("member-row")).toHaveCount(1);
  } finally {
    await other.close();
  }
});
