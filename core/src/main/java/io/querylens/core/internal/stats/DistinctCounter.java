package io.querylens.core.internal.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An approximate count of distinct 64-bit keys in fixed memory: a HyperLogLog sketch of 1024
 * one-byte registers (1 KB, standard error about 3 %), with linear counting for small counts, where
 * it is close to exact. Used to count the distinct shapes dropped into the overflow shape and the
 * distinct findings dropped past {@code querylens.max-findings}. Internal: public only for the
 * unit-of-work tracker.
 *
 * <p>Lock-free: {@link #add} reads one register and writes it only when the key raises it, so a key
 * seen before costs a hash and a read.
 */
public final class DistinctCounter {
  private static final int INDEX_BITS = 10;
  private static final int REGISTERS = 1 << INDEX_BITS;
  private static final VarHandle REGISTER = MethodHandles.arrayElementVarHandle(byte[].class);

  private final byte[] registers = new byte[REGISTERS];

  /** Counts {@code key}, once however often it is added. */
  public void add(long key) {
    long h = mix(key);
    int index = (int) (h >>> (64 - INDEX_BITS));
    // position of the first 1 among the remaining 54 bits (1..55); the guard bit bounds it
    byte rank =
        (byte) (Long.numberOfLeadingZeros((h << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1);
    byte current = (byte) REGISTER.getOpaque(registers, index);
    while (rank > current) {
      if (REGISTER.weakCompareAndSet(registers, index, current, rank)) {
        return;
      }
      current = (byte) REGISTER.getOpaque(registers, index);
    }
  }

  /** The estimated number of distinct keys added. */
  public long estimate() {
    double harmonic = 0;
    int zeros = 0;
    for (int i = 0; i < REGISTERS; i++) {
      byte r = (byte) REGISTER.getOpaque(registers, i);
      harmonic += 1.0 / (1L << r);
      if (r == 0) {
        zeros++;
      }
    }
    double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
    double estimate = alpha * REGISTERS * REGISTERS / harmonic;
    if (estimate <= 2.5 * REGISTERS && zeros > 0) {
      estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
    }
    return Math.round(estimate);
  }

  /** Spreads the bits of a key (a fingerprint may not be uniform in every bit). */
  private static long mix(long key) {
    long z = key * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 32)) * 0xD6E8FEB86659FD93L;
    return z ^ (z >>> 32);
  }
}
