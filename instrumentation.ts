/** Next.js calls this once when a server process starts: migrate, seed the demo, start workers. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { ensureBooted } = await import('@/lib/server/boot');
  await ensureBooted();
}
