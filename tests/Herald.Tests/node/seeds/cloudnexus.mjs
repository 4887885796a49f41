// CloudNexus's documented Express receiver: hex HMAC-SHA256 of JSON.stringify(req.body) (after a JSON body parser),
// compared with the Cloudnexus-Signature header as a plain string.
import crypto from "crypto";
import { readDelivery, accept, reject } from "./delivery.mjs";

const { secret: SECRET, headers, rawBody } = await readDelivery();
const req = { headers, body: JSON.parse(rawBody.toString("utf8")) };

const sig = req.headers["cloudnexus-signature"];
const payload = JSON.stringify(req.body);
const expected = crypto.createHmac("sha256", SECRET).update(payload).digest("hex");
if (sig !== expected) reject("Invalid");
accept({ event: req.body.event });
