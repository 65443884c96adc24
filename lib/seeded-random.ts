// mulberry32: a tiny, well-known pseudo-random generator whose whole output follows from a
// 32-bit seed, for what must be drawn again the same way (a moderation sample from its recorded
// seed, the demo class's data). Not for anything secret: use node:crypto for that.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
