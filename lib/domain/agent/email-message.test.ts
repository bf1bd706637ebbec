import { describe, expect, it } from 'vitest';
import { replyBody } from './understand-reply';
import { decodeHeader, parseRawEmail } from './email-message';

const reply = [
  'From: "Jamie Lee" <Jamie.Lee@example.com>',
  'To: Parley <reply+0123456789abcdef0123456789abcdef@inbound.parley.test>',
  'Subject: =?utf-8?Q?Re:_Your_interview_=E2=80=94_Acme?=',
  'Message-ID: <CAF1234@mail.example.com>',
  'In-Reply-To: <018f0000-0000-7000-8000-000000000001@inbound.parley.test>',
  'References: <018f0000-0000-7000-8000-000000000000@inbound.parley.test>',
  '  <018f0000-0000-7000-8000-000000000001@inbound.parley.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset="utf-8"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Tuesday at 2pm works, th=C3=A9 best for me.',
  '',
  'On Mon, Dec 7, 2026 at 10:00 AM Parley <reply+0123@inbound.parley.test> wrote:',
  '> Hi Jamie! Pick a time for your interview.',
  '--b1',
  'Content-Type: text/html; charset="utf-8"',
  '',
  '<p>Tuesday at 2pm works</p>',
  '--b1--',
  '',
].join('\r\n');

describe('parseRawEmail', () => {
  it('reads addresses, threading headers and the plain text part', () => {
    const parsed = parseRawEmail(reply);
    expect(parsed.from).toBe('jamie.lee@example.com');
    expect(parsed.recipients).toEqual([
      'reply+0123456789abcdef0123456789abcdef@inbound.parley.test',
    ]);
    expect(parsed.subject).toBe('Re: Your interview — Acme');
    expect(parsed.messageId).toBe('<CAF1234@mail.example.com>');
    expect(parsed.inReplyTo).toEqual([
      '<018f0000-0000-7000-8000-000000000001@inbound.parley.test>',
      '<018f0000-0000-7000-8000-000000000000@inbound.parley.test>',
      '<018f0000-0000-7000-8000-000000000001@inbound.parley.test>',
    ]);
    expect(parsed.text).toContain('Tuesday at 2pm works, thé best for me.');
    expect(replyBody(parsed.text)).toBe('Tuesday at 2pm works, thé best for me.');
  });

  it('falls back to the HTML part without tags, and decodes base64', () => {
    const html = parseRawEmail(
      [
        'From: a@example.com',
        'To: b@example.com',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        btoa('<div>Thursday afternoon?</div><blockquote>old</blockquote>'),
      ].join('\n'),
    );
    expect(html.text.trim().split('\n')[0]).toBe('Thursday afternoon?');
    expect(replyBody(html.text)).toBe('Thursday afternoon?');
  });

  it('decodes encoded words, and survives a message without a body or headers', () => {
    expect(decodeHeader('=?UTF-8?B?w6l0w6k=?= ok')).toBe('été ok');
    expect(parseRawEmail('')).toMatchObject({ from: null, recipients: [], text: '' });
    expect(parseRawEmail('garbage without structure').text).toBe('');
  });
});
