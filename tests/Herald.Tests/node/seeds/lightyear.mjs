// LightYear's documented receiver: express.json(), then HMAC-SHA256 hex of JSON.stringify(req.body),
// compared with X-LightYear-Signature as `sha256=${expected}`.
import crypto from "crypto";
import { readDelivery, accept, reject } from "./delivery.mjs";

const { secret: WEBHOOK_SECRET, headers, rawBody } = await readDelivery();
const req = { headers, body: JSON.parse(rawBody.toString("utf8")) }; // what express.json() hands the route

const signature = req.headers["x-lightyear-signature"];
const payload = JSON.stringify(req.body);
const expected = crypto.createHmac("sha256", WEBHOOK_SECRET).update(payload).digest("hex");
if (signature !== `sha256=${expected}`) {
  reject("Invalid signature");
}
const { event, data } = req.body;
accept({ event, label: data.server.label });
