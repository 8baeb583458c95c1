// Outgoing email over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM.
// Email is a side channel: without SMTP_URL it is skipped (and logged), and a
// mail server that is down or refuses costs a log line, never a delivery.
import { createTransport, type Transporter } from "nodemailer";
import { config } from "../config";
import { logger } from "../logger";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    // Short timeouts: a dead mail server must not pile up pending sends. The URL's own
    // query options (smtp://…?pool=true) win over these.
    t = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    transports.set(url, t);
  }
  return t;
}

/** Sends one message; true when the server accepted it. `smtpUrl` defaults to SMTP_URL. */
export async function sendMail(mail: Mail, smtpUrl: string | undefined = config().SMTP_URL): Promise<boolean> {
  if (mail.to.length === 0) return false;
  if (!smtpUrl) {
    logger.info({ subject: mail.subject, recipients: mail.to.length }, "SMTP_URL not set; email notification skipped");
    return false;
  }
  try {
    await transportFor(smtpUrl).sendMail({ from: config().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return true;
  } catch (err) {
    logger.warn({ err, subject: mail.subject }, "email notification could not be sent");
    return false;
  }
}
