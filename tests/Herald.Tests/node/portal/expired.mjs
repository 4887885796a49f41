// A portal session past its expiry (the test advanced Herald's access clock before this runs): opening its link shows
// the sign-in message ("expired or was revoked"), no page of the account, and the token leaves sessionStorage.
import { scenario } from "./harness.mjs";

await scenario("expired", async ({ input, page, shot, axe }) => {
  const refusal = page.waitForResponse((response) => new URL(response.url()).pathname === "/v1/me");
  await page.goto(`${input.base_url}/portal#token=${encodeURIComponent(input.token)}`);
  const me = await refusal;
  const problem = await me.json();
  await page.getByRole("alert").filter({ hasText: "expired or was revoked" }).waitFor();
  const endpointsShown = await page.getByRole("heading", { name: "Webhook Endpoints" }).count() > 0;
  const kept = await page.evaluate(() => sessionStorage.getItem("herald.portal.token"));
  const checks = [await axe("expired")];
  await shot("1-expired");
  return { me_status: me.status(), me_code: problem.code, endpoints_shown: endpointsShown, token_kept: kept !== null, axe: checks };
});
