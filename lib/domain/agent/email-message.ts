/**
 * A raw RFC 822 / MIME message read far enough for a reply (DESIGN §7): the addresses, the
 * threading headers and the plain text (else the HTML without its tags). Pure: bytes in as a
 * string of latin1 characters (one per octet), text out.
 */
export type ParsedEmail = {
  from: string | null;
  /** Every recipient address (To, Cc, Delivered-To, X-Original-To), lowercased. */
  recipients: string[];
  subject: string | null;
  messageId: string | null;
  /** Message-IDs named by In-Reply-To and References. */
  inReplyTo: string[];
  text: string;
};

type Part = { headers: Map<string, string>; body: string };

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded lines continue the header above them.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { headers, body };
}

function parameter(header: string | undefined, name: string): string | null {
  if (!header) return null;
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function octets(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

function base64Octets(text: string): Uint8Array {
  try {
    return octets(atob(text.replace(/[^A-Za-z0-9+/=]/g, '')));
  } catch {
    return new Uint8Array();
  }
}

function decodeCharset(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const charset = parameter(part.headers.get('content-type'), 'charset');
  let bytes: Uint8Array;
  if (encoding === 'base64') {
    bytes = base64Octets(part.body);
  } else if (encoding === 'quoted-printable') {
    const text = part.body
      .replace(/=\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    bytes = octets(text);
  } else {
    bytes = octets(part.body);
  }
  return decodeCharset(bytes, charset);
}

/** RFC 2047 encoded words in headers (`=?utf-8?Q?…?=`, `=?utf-8?B?…?=`). */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
      (_, charset: string, kind: string, data: string) => {
        const bytes =
          kind.toUpperCase() === 'B'
            ? base64Octets(data)
            : octets(
                data
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-Fa-f]{2})/g, (__, hex: string) =>
                    String.fromCharCode(parseInt(hex, 16)),
                  ),
              );
        return decodeCharset(bytes, charset);
      },
    );
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '\n> \n')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The first text/plain part (depth first), else the first text/html one as text. */
function textOf(part: Part, depth = 0): { plain: string | null; html: string | null } {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < 10) {
    const boundary = parameter(part.headers.get('content-type'), 'boundary');
    if (!boundary) return { plain: null, html: null };
    const pieces = part.body.split(`--${boundary}`).slice(1);
    let html: string | null = null;
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      const found = textOf(splitPart(piece.replace(/^\n/, '')), depth + 1);
      if (found.plain !== null) return found;
      html ??= found.html;
    }
    return { plain: null, html };
  }
  if ((part.headers.get('content-disposition') ?? '').toLowerCase().startsWith('attachment'))
    return { plain: null, html: null };
  if (type.startsWith('text/html')) return { plain: null, html: decodeBody(part) };
  if (type.startsWith('text/')) return { plain: decodeBody(part), html: null };
  return { plain: null, html: null };
}

const ADDRESS = /[^\s<>,;"]+@[^\s<>,;"]+/g;

function addresses(value: string | undefined): string[] {
  return value ? (decodeHeader(value).match(ADDRESS) ?? []).map((a) => a.toLowerCase()) : [];
}

function messageIds(value: string | undefined): string[] {
  return value ? (value.match(/<[^<>\s]+>/g) ?? []) : [];
}

/**
 * An email a provider already parsed (Resend's receiving API): its address lists, headers (any
 * case) and text, else HTML, read the same way as a raw message's.
 */
export function emailFromParts(parts: {
  from: string;
  recipients: string[];
  subject: string | null;
  messageId: string | null;
  headers: Record<string, string>;
  text: string | null;
  html: string | null;
}): ParsedEmail {
  const headers = Object.fromEntries(
    Object.entries(parts.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    from: addresses(parts.from)[0] ?? null,
    recipients: [...new Set(parts.recipients.flatMap((r) => addresses(r)))],
    subject: parts.subject,
    messageId: parts.messageId,
    inReplyTo: [...messageIds(headers['in-reply-to']), ...messageIds(headers.references)],
    text: (parts.text ?? (parts.html !== null ? htmlToText(parts.html) : '')).replace(
      /\r\n?/g,
      '\n',
    ),
  };
}

export function parseRawEmail(raw: string): ParsedEmail {
  const top = splitPart(raw);
  const { plain, html } = textOf(top);
  const h = top.headers;
  return {
    from: addresses(h.get('from'))[0] ?? null,
    recipients: [
      ...new Set([
        ...addresses(h.get('to')),
        ...addresses(h.get('cc')),
        ...addresses(h.get('delivered-to')),
        ...addresses(h.get('x-original-to')),
      ]),
    ],
    subject: h.has('subject') ? decodeHeader(h.get('subject')!) : null,
    messageId: messageIds(h.get('message-id'))[0] ?? null,
    inReplyTo: [...messageIds(h.get('in-reply-to')), ...messageIds(h.get('references'))],
    text: (plain ?? (html !== null ? htmlToText(html) : '')).replace(/\r\n?/g, '\n'),
  };
}
