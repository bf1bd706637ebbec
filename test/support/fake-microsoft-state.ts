import { randomBytes } from 'node:crypto';

/** What the local Microsoft identity platform and Graph hold (fake-microsoft.ts). */
export type FakeAccount = { email: string; name: string; oid: string; tid: string };

export type FakeAttendee = {
  emailAddress: { address: string; name?: string };
  type: string;
  status: { response: string; time: string };
};

export type FakeEvent = {
  id: string;
  /** Whose calendar holds it (the organizer's account email). */
  owner: string;
  transactionId: string | null;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location: { displayName: string };
  attendees: FakeAttendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  isCancelled: boolean;
  /** Cancelled by the organizer: gone from their calendar (reads answer 404). */
  isDeleted: boolean;
  allowNewTimeProposals: boolean;
};

export type BusyItem = { start: Date; end: Date; status?: 'busy' | 'tentative' | 'oof' | 'free' };

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: any;
  /** The status the fake answered (undefined while it hangs). */
  status?: number;
};

/** A fault to apply to the next matching requests. */
export type Fault = {
  /** `lost`: the request is carried out, then answered `status` (a reply lost on the way). */
  kind: 'status' | 'hang' | 'lost';
  status: number;
  times: number;
  /** Matched against `METHOD path`; by default every Graph request. */
  match: RegExp;
};

export type FakeState = {
  clientId: string;
  clientSecret: string;
  accounts: Map<string, FakeAccount>;
  /** The account the authorize page signs in when there is no login hint. */
  defaultAccount: string;
  /** What the next visits of the consent page answer. */
  consent: 'allow' | 'deny';
  codes: Map<string, { email: string; redirectUri: string; scope: string; nonce: string | null }>;
  accessTokens: Map<string, { email: string; expiresAt: number }>;
  refreshTokens: Map<string, string>;
  tokenLifetimeSeconds: number;
  busy: Map<string, BusyItem[]>;
  events: Map<string, FakeEvent>;
  /** Events are made without their Teams link until `releaseJoinUrls()`. */
  lateJoinUrls: boolean;
  latencyMs: number;
  faults: Fault[];
  requests: RecordedRequest[];
};

export function newState(): FakeState {
  const account = fakeAccount('organizer@contoso.example', 'Olivia Organizer');
  return {
    clientId: 'parley-test-microsoft-client',
    clientSecret: 'parley-test-microsoft-secret',
    accounts: new Map([[account.email, account]]),
    defaultAccount: account.email,
    consent: 'allow',
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    tokenLifetimeSeconds: 3600,
    busy: new Map(),
    events: new Map(),
    lateJoinUrls: false,
    latencyMs: 0,
    faults: [],
    requests: [],
  };
}

export function fakeAccount(email: string, name: string): FakeAccount {
  return {
    email: email.toLowerCase(),
    name,
    oid: uuidish(),
    tid: '72f988bf-0000-4000-8000-00000000c0de',
  };
}

export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(18).toString('base64url')}`;
}

function uuidish(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function teamsJoinUrl(eventId: string): string {
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${eventId.slice(-12)}%40thread.v2/0`;
}
