// A token of account A: the portal lists A's endpoint and not B's, and B's endpoint opened by its id is "not found";
// a token Herald does not know shows the sign-in message, not a page.
import { openPortal, scenario } from "./harness.mjs";

await scenario("isolation", async ({ input, page, shot, axe }) => {
  await openPortal(page, input);
  await page.getByRole("link", { name: input.own_url }).waitFor();
  if (await page.getByText(input.other_url).count() > 0) {
    throw new Error("account B's endpoint is listed with account A's token");
  }
  const checks = [await axe("endpoints")];
  await shot("1-own-endpoints");

  await page.evaluate((id) => { location.hash = `#/webhooks/${id}`; }, input.other_webhook_id);
  await page.getByRole("alert").filter({ hasText: "does not exist" }).waitFor();
  if (await page.getByText(input.other_url).count() > 0) {
    throw new Error("account B's endpoint is shown with account A's token");
  }
  await shot("2-other-account-not-found");

  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${input.base_url}/portal#token=hk_not-a-key-of-herald`);
  await page.getByRole("alert").filter({ hasText: "expired or was revoked" }).waitFor();
  checks.push(await axe("signed out"));
  return { other_listed: false, other_found: false, unknown_token_refused: true, axe: checks };
});
