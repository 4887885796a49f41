// JSON.stringify(JSON.parse(text)) for each input, the reference for Herald's canonical JSON writer.
// stdin: {"inputs_base64": ["…"]}; stdout: {"outputs_base64": ["…" | null (JSON.parse refused it)]}.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const outputs = input.inputs_base64.map((encoded) => {
  try {
    const text = Buffer.from(encoded, "base64").toString("utf8");
    return Buffer.from(JSON.stringify(JSON.parse(text)), "utf8").toString("base64");
  } catch {
    return null;
  }
});
process.stdout.write(JSON.stringify({ outputs_base64: outputs }));
