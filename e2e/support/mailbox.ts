// Mail the app sent during the browser tests: the SMTP sink that `npm test` runs for them
// (scripts/lib/smtp-sink.mjs) writes every message into E2E_MAIL_DIR.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The invitation link (…/invitations/<token>) mailed to `to`, waiting up to `timeoutMs` for it. */
export async function invitationLink(to: string, timeoutMs = 15_000): Promise<string> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: npm test's SMTP sink keeps the sent mail there");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const name of readdirSync(dir).sort().reverse()) {
      // Quoted-printable soft line breaks would split the link.
      const raw = readFileSync(join(dir, name), "utf8").replace(/=\r?\n/g, "");
      if (!raw.includes(to)) continue;
      const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{20,}/.exec(raw);
      if (link) return link[0];
    }
    if (Date.now() > deadline) throw new Error(`no invitation mailed to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
