/** Up to `count` offered starts nearest to `wanted` (epoch ms), in time order. Pure. */
export function nearestStarts(offered: readonly number[], wanted: number, count: number): number[] {
  return [...offered]
    .sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || a - b)
    .slice(0, count)
    .sort((a, b) => a - b);
}
