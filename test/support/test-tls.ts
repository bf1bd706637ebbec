import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The local HTTPS servers' certificate (msal-node refuses an `http://` authority, and the Graph
 * SDK only sends its token over https). Made at test time by openssl, self-signed for 127.0.0.1,
 * and trusted through `NODE_EXTRA_CA_CERTS` — the one setting Node reads for both `https` and the
 * built-in `fetch` that msal-node 7 and the Graph SDK use, with no code in the app. Node reads it
 * when a process starts, so the vitest global setup (the parent process) sets it before any test
 * worker is forked: the workers, and the app served inside them, inherit it.
 */
export type TestTls = { dir: string; certPath: string; keyPath: string };

const DIR_VARIABLE = 'PARLEY_TEST_TLS_DIR';

export function createTestCertificate(): TestTls {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-tls-'));
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { dir, certPath, keyPath };
}

/** Makes this process's future children trust the certificate (keeping any CA already added). */
export function trustInChildren(tls: TestTls): void {
  const bundle = path.join(tls.dir, 'extra-ca.pem');
  const earlier = process.env.NODE_EXTRA_CA_CERTS;
  const parts = [
    earlier && fs.existsSync(earlier) ? fs.readFileSync(earlier, 'utf8') : '',
    fs.readFileSync(tls.certPath, 'utf8'),
  ];
  fs.writeFileSync(bundle, parts.filter(Boolean).join('\n'));
  process.env.NODE_EXTRA_CA_CERTS = bundle;
  process.env[DIR_VARIABLE] = tls.dir;
}

/** In a test worker: the certificate the global setup made (trusted by this process). */
export function testTls(): { cert: Buffer; key: Buffer } {
  const dir = process.env[DIR_VARIABLE];
  if (!dir || !process.env.NODE_EXTRA_CA_CERTS) {
    throw new Error(
      'No test certificate: the vitest project needs test/support/tls-setup.ts as a globalSetup',
    );
  }
  return {
    cert: fs.readFileSync(path.join(dir, 'cert.pem')),
    key: fs.readFileSync(path.join(dir, 'key.pem')),
  };
}
