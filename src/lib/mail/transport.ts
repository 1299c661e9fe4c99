/**
 * Where emails go: SMTP when SMTP_URL is set, otherwise `.eml` files in `<DATA_DIR>/outbox/`
 * (open them with any mail client; browser tests read the links from them). Both are built by
 * nodemailer, so the file is exactly the message SMTP would have sent.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailTransport(opts: { smtpUrl?: string; outboxDir: string; from: string }): MailTransport {
  if (opts.smtpUrl) {
    const smtp = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(email) {
        await smtp.sendMail({ from: opts.from, ...email });
      },
      close: () => smtp.close(),
    };
  }
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let counter = 0;
  return {
    async send(email) {
      const info = await builder.sendMail({ from: opts.from, ...email });
      await mkdir(opts.outboxDir, { recursive: true });
      // Sortable by time; the counter separates messages written in the same millisecond.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++counter}.eml`;
      await writeFile(path.join(opts.outboxDir, name), info.message as Buffer);
    },
    close: () => {},
  };
}
