import fs from 'node:fs';
import { createTestCertificate, trustInChildren } from './test-tls';

/** Global setup: the local HTTPS servers' certificate, trusted by every test worker (test-tls.ts). */
export default function setup(): (() => void) | void {
  // Several projects in one run share the first one's certificate.
  if (process.env.PARLEY_TEST_TLS_DIR && fs.existsSync(process.env.PARLEY_TEST_TLS_DIR)) return;
  const tls = createTestCertificate();
  trustInChildren(tls);
  return () => fs.rmSync(tls.dir, { recursive: true, force: true });
}
