import { describe, expect, it, vi } from 'vitest';
import {
  checkWebhookUrlSyntax,
  isPrivateAddress,
  resolveWebhookTarget,
  type UrlGuardOptions,
} from './url-guard';

const prod = { allowPrivate: false, isProduction: true };
const dev = { allowPrivate: false, isProduction: false };
const local = { allowPrivate: true, isProduction: false };
const localProd = { allowPrivate: true, isProduction: true };

type Answer = { address: string; family: 4 | 6 };

/** A resolver that knows only `records`; anything else fails like NXDOMAIN. */
function fakeDns(records: Record<string, string[]>) {
  return vi.fn((hostname: string): Promise<Answer[]> => {
    const addresses = records[hostname];
    if (!addresses) {
      return Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
    }
    return Promise.resolve(
      addresses.map((address): Answer => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  });
}

const publicDns = fakeDns({
  'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
});

describe('isPrivateAddress', () => {
  it.each([
    '0.0.0.0',
    '0.1.2.3',
    '10.0.0.1',
    '10.255.255.255',
    '100.64.0.1',
    '100.127.255.254',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.0.2.10',
    '192.88.99.1',
    '192.168.1.1',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
  ])('refuses IPv4 %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '93.184.216.34',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
  ])('accepts public IPv4 %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it.each([
    '::',
    '::1',
    '0:0:0:0:0:0:0:1',
    '::0.0.0.1',
    '::10.0.0.1', // IPv4-compatible, deprecated
    '::8.8.8.8', // IPv4-compatible wrapping a public address: still refused
    '::ffff:10.0.0.1',
    '::ffff:a00:1',
    '::FFFF:7F00:1',
    '0:0:0:0:0:ffff:169.254.169.254',
    '::ffff:0:10.0.0.1', // IPv4-translated (SIIT)
    '64:ff9b::10.0.0.1',
    '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
    '64:ff9b:1::8.8.8.8', // local-use NAT64
    '2002:a00:1::1', // 6to4 of 10.0.0.1
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '2002:c0a8:101::42', // 6to4 of 192.168.1.1
    '100::1', // discard-only
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'fec0::1', // site-local, deprecated
    'ff02::1',
    'ff0e::1',
    '2001::1', // Teredo
    '2001:2::1', // benchmarking
    '2001:db8::1', // documentation
    '3fff::1', // documentation (RFC 9637)
    '4000::1', // outside global unicast
  ])('refuses IPv6 %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::8.8.8.8', // NAT64 of a public address, as DNS64 gives on IPv6-only networks
    '2002:808:808::1', // 6to4 of 8.8.8.8
    '[2606:4700:4700::1111]',
  ])('accepts public IPv6 %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it.each([
    '',
    'example.com',
    '127.1',
    '0177.0.0.1',
    '2130706433',
    '1.2.3.4.5',
    ':::1',
    'fe80::1::2',
  ])('fails closed on %j, which is not an IP address', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
});

describe('checkWebhookUrlSyntax', () => {
  it('accepts a public https URL and returns it parsed', () => {
    const result = checkWebhookUrlSyntax('https://hooks.example.com:8443/parley?x=1', prod);
    expect(result).toEqual({ ok: true, url: new URL('https://hooks.example.com:8443/parley?x=1') });
  });

  it('requires https in production', () => {
    expect(checkWebhookUrlSyntax('http://hooks.example.com/', prod)).toMatchObject({
      ok: false,
      reason: 'URL must use https',
    });
    expect(checkWebhookUrlSyntax('http://hooks.example.com/', dev).ok).toBe(true);
    expect(checkWebhookUrlSyntax('http://hooks.example.com/', localProd).ok).toBe(false);
  });

  it('allows http to loopback in production only with allowPrivate', () => {
    for (const url of [
      'http://localhost:3000/hook',
      'http://127.0.0.1/',
      'http://[::1]/',
      'http://app.localhost/',
    ]) {
      expect(checkWebhookUrlSyntax(url, localProd).ok, url).toBe(true);
      expect(checkWebhookUrlSyntax(url, prod).ok, url).toBe(false);
    }
  });

  it.each([
    'ftp://example.com/',
    'file:///etc/passwd',
    'gopher://example.com/',
    'javascript:alert(1)',
    'data:text/plain,x',
    'ws://example.com/',
  ])('refuses the scheme of %s', (url) => {
    expect(checkWebhookUrlSyntax(url, dev).ok).toBe(false);
  });

  it.each([
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://:pass@example.com/',
  ])('refuses credentials in %s', (url) => {
    expect(checkWebhookUrlSyntax(url, prod)).toEqual({
      ok: false,
      reason: 'URL must not contain a username or password',
    });
  });

  it('refuses URLs longer than 2000 characters', () => {
    const base = 'https://example.com/';
    expect(checkWebhookUrlSyntax(base + 'a'.repeat(2000 - base.length), prod).ok).toBe(true);
    expect(checkWebhookUrlSyntax(base + 'a'.repeat(2001 - base.length), prod).ok).toBe(false);
    // Short as typed, long once percent-encoded.
    expect(checkWebhookUrlSyntax(base + 'é'.repeat(500), prod).ok).toBe(false);
  });

  it.each([
    '',
    'not a url',
    'https://',
    'https://exa mple.com/',
    ' https://example.com/',
    'https://example.com/\n',
    'https://exa\tmple.com/',
    'https://1.2.3.4.5/',
  ])('refuses malformed input %j', (url) => {
    expect(checkWebhookUrlSyntax(url, dev).ok).toBe(false);
  });

  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0x7f.0x0.0x0.0x1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0177.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://%31%32%37.0.0.1/', '127.0.0.1'],
    ['http://１２７.０.０.１/', '127.0.0.1'],
    ['http://167772161/', '10.0.0.1'],
    ['http://0xa9fea9fe/', '169.254.169.254'],
    ['http://0251.0376.0251.0376/', '169.254.169.254'],
    ['http://192.168.1/', '192.168.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[::ffff:a00:1]/', '[::ffff:a00:1]'],
    ['http://[0:0:0:0:0:ffff:10.0.0.1]/', '[::ffff:a00:1]'],
    ['http://[64:ff9b::10.0.0.1]/', '[64:ff9b::a00:1]'],
    ['http://[2002:a9fe:a9fe::1]/', '[2002:a9fe:a9fe::1]'],
    ['http://[::]/', '[::]'],
    ['http://[fe80::1]/', '[fe80::1]'],
    ['http://[fd00::1]/', '[fd00::1]'],
  ])('recognises %s as the private address %s', (raw, hostname) => {
    // The WHATWG parser is what normalises these; the guard must see the same host fetch will use.
    expect(new URL(raw).hostname).toBe(hostname);
    expect(checkWebhookUrlSyntax(raw, dev)).toEqual({
      ok: false,
      reason: 'URL points to a private or reserved address',
    });
  });

  it('accepts public addresses written in unusual numeric forms', () => {
    expect(checkWebhookUrlSyntax('https://134744072/', prod)).toMatchObject({ ok: true }); // 8.8.8.8
    expect(checkWebhookUrlSyntax('https://0x08080808/', prod)).toMatchObject({ ok: true });
    expect(checkWebhookUrlSyntax('https://[2606:4700:4700::1111]/', prod)).toMatchObject({
      ok: true,
    });
    expect(checkWebhookUrlSyntax('https://[::ffff:8.8.8.8]/', prod)).toMatchObject({ ok: true });
  });

  it.each([
    'http://localhost/',
    'http://LOCALHOST./',
    'http://api.localhost:8080/',
    'https://localhost/',
  ])('refuses %s without allowPrivate, whatever DNS would say', (url) => {
    expect(checkWebhookUrlSyntax(url, dev)).toEqual({
      ok: false,
      reason: 'URL points to this machine',
    });
  });

  it('with allowPrivate accepts loopback literals and nothing else private', () => {
    for (const url of [
      'http://127.0.0.1:4000/',
      'http://127.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      expect(checkWebhookUrlSyntax(url, local).ok, url).toBe(true);
    }
    for (const url of [
      'http://10.0.0.1/',
      'http://169.254.169.254/',
      'http://192.168.1.1/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
      'http://[::]/',
      'http://[::ffff:a00:1]/',
    ]) {
      expect(checkWebhookUrlSyntax(url, local).ok, url).toBe(false);
    }
  });
});

describe('resolveWebhookTarget', () => {
  it('accepts a name that resolves only to public addresses and returns them for pinning', async () => {
    const result = await resolveWebhookTarget('https://hooks.example.com/parley', {
      ...prod,
      lookup: publicDns,
    });
    expect(result).toEqual({
      ok: true,
      url: new URL('https://hooks.example.com/parley'),
      addresses: ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    });
    expect(publicDns).toHaveBeenCalledWith('hooks.example.com');
  });

  it.each([
    ['10.1.2.3'],
    ['127.0.0.1'],
    ['169.254.169.254'],
    ['100.64.1.1'],
    ['::1'],
    ['fd00::5'],
    ['fe80::1%eth0'],
    ['::ffff:192.168.0.10'],
    ['64:ff9b::a00:1'],
    ['2002:c0a8:1::1'],
  ])('refuses a name resolving to %s', async (address) => {
    const lookup = fakeDns({ 'internal.example.com': [address] });
    const result = await resolveWebhookTarget('https://internal.example.com/', { ...prod, lookup });
    expect(result).toEqual({
      ok: false,
      reason: 'URL host resolves to a private or reserved address',
    });
  });

  it('refuses a name resolving to public and private addresses together', async () => {
    const lookup = fakeDns({ 'mixed.example.com': ['93.184.216.34', '10.0.0.7', '2606:4700::1'] });
    const result = await resolveWebhookTarget('https://mixed.example.com/', { ...prod, lookup });
    expect(result.ok).toBe(false);
  });

  it('refuses names that do not resolve, or resolve to nothing, or to garbage', async () => {
    const lookup = fakeDns({ 'empty.example.com': [], 'weird.example.com': ['not-an-ip'] });
    for (const host of ['missing.example.com', 'empty.example.com']) {
      expect(await resolveWebhookTarget(`https://${host}/`, { ...prod, lookup })).toEqual({
        ok: false,
        reason: 'URL host could not be resolved',
      });
    }
    expect((await resolveWebhookTarget('https://weird.example.com/', { ...prod, lookup })).ok).toBe(
      false,
    );
  });

  it('does not resolve IP literals, and checks them', async () => {
    const lookup = fakeDns({});
    expect(await resolveWebhookTarget('https://8.8.8.8/x', { ...prod, lookup })).toEqual({
      ok: true,
      url: new URL('https://8.8.8.8/x'),
      addresses: ['8.8.8.8'],
    });
    expect(
      await resolveWebhookTarget('https://[2606:4700:4700::1111]/', { ...prod, lookup }),
    ).toMatchObject({
      ok: true,
      addresses: ['2606:4700:4700::1111'],
    });
    expect((await resolveWebhookTarget('http://0x7f000001/', { ...dev, lookup })).ok).toBe(false);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('stops at the syntax check before any DNS query', async () => {
    const lookup = fakeDns({ 'hooks.example.com': ['93.184.216.34'] });
    const result = await resolveWebhookTarget('http://hooks.example.com/', { ...prod, lookup });
    expect(result).toEqual({ ok: false, reason: 'URL must use https' });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('with allowPrivate accepts names resolving to loopback only', async () => {
    const lookup = fakeDns({
      localhost: ['::1', '127.0.0.1'],
      'dev.example.com': ['127.0.0.1'],
      'lan.example.com': ['192.168.1.20'],
      'half.example.com': ['127.0.0.1', '10.0.0.1'],
    });
    const opts: UrlGuardOptions = { ...local, lookup };
    expect(await resolveWebhookTarget('http://localhost:3000/hook', opts)).toMatchObject({
      ok: true,
      addresses: ['::1', '127.0.0.1'],
    });
    expect((await resolveWebhookTarget('http://dev.example.com/', opts)).ok).toBe(true);
    expect((await resolveWebhookTarget('http://lan.example.com/', opts)).ok).toBe(false);
    expect((await resolveWebhookTarget('http://half.example.com/', opts)).ok).toBe(false);
    expect((await resolveWebhookTarget('http://dev.example.com/', { ...prod, lookup })).ok).toBe(
      false,
    );
  });

  it('refuses localhost when it resolves somewhere other than loopback', async () => {
    const lookup = fakeDns({ localhost: ['10.0.0.1'] });
    expect((await resolveWebhookTarget('http://localhost/', { ...local, lookup })).ok).toBe(false);
  });

  it('passes the punycode form of an internationalised name to DNS', async () => {
    const lookup = fakeDns({ 'xn--bcher-kva.example': ['93.184.216.34'] });
    const result = await resolveWebhookTarget('https://bücher.example/', { ...prod, lookup });
    expect(result.ok).toBe(true);
    expect(lookup).toHaveBeenCalledWith('xn--bcher-kva.example');
  });

  it('uses the system resolver by default', async () => {
    const result = await resolveWebhookTarget('http://localhost:9/', local);
    expect(result).toMatchObject({ ok: true });
    if (result.ok)
      expect(result.addresses.every((address) => isPrivateAddress(address))).toBe(true);
  });
});
