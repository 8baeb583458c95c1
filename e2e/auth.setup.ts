// Signs in once through the real login form and saves the session cookie, so
// every other browser test starts signed in without repeating the form.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_STORAGE_STATE } from "./support/env";

setup("sign in as the demo user", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  // Either the dashboard header or the form's error shows up; report the error
  // text (wrong seed, rate limit) rather than a bare URL timeout.
  const signedIn = page.getByRole("banner").getByText(DEMO_EMAIL);
  const formError = page.getByRole("main").getByRole("alert");
  await expect(signedIn.or(formError)).toBeVisible();
  if (await formError.isVisible()) throw new Error(`Sign-in as ${DEMO_EMAIL} failed: ${await formError.textContent()}`);
  await expect(page).toHaveURL((url) => url.pathname === "/");

  mkdirSync(path.dirname(DEMO_STORAGE_STATE), { recursive: true });
  await page.context().storageState({ path: DEMO_STORAGE_STATE });
});
