// CDHosting's documented verifyWebhook(payload, signature, secret): hex HMAC-SHA256 of the raw payload,
// compared with crypto.timingSafeEqual. The signature arrives in X-CDHosting-Signature.
import crypto from "crypto";
import { readDelivery, accept, reject } from "./delivery.mjs";

function verifyWebhook(payload, signature, secret) {
  const expected = crypto
    .createHmac("sha256", secret)
    .update(payload)
    .digest("hex");
  return crypto.timingSafeEqual(
    Buffer.from(signature),
    Buffer.from(expected)
  );
}

const { secret, headers, rawBody } = await readDelivery();
let ok = false;
try {
  ok = verifyWebhook(rawBody.toString("utf8"), headers["x-cdhosting-signature"] ?? "", secret);
} catch (error) {
  reject(String(error));
}
if (!ok) reject("Invalid signature");
accept({ type: JSON.parse(rawBody.toString("utf8")).type });
