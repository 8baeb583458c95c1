// A throwaway SMTP server for the Playwright phase of `npm test`: the app's
// notification emails (SMTP_URL) are accepted and dropped instead of failing
// with ECONNREFUSED warnings. The node:test files that check email bring their
// own inbox on the same port, so this one only runs after they are done. With
// `saveTo`, each message is also written there (.eml): the browser tests read the
// invitation links out of them (e2e/support/mailbox.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export async function startSmtpSink(smtpUrl, { saveTo } = {}) {
  let count = 0;
  const { SMTPServer } = await import("smtp-server");
  const port = Number(new URL(smtpUrl).port || 25);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        if (saveTo) writeFileSync(join(saveTo, `${Date.now()}-${count++}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { close: () => new Promise((resolve) => server.close(resolve)) };
}
