package io.querylens.core.intercept;

/**
 * Hashes of bound parameter values, so that repeated executions of one shape can be told apart
 * (different values: N+1; the same values: a duplicate). The hashes stay in memory, are never
 * stored or exported, and never call application code: values of types QueryLens does not know
 * (streams, LOBs, application objects) hash by identity. Internal: public only for other QueryLens
 * modules.
 */
public final class ParameterHash {
  /** The hash of SQL NULL. */
  public static final long NULL = 0x5bd1e9955bd1e995L;

  /** Bytes of a byte[] value that are hashed; longer arrays also hash their length. */
  static final int MAX_HASHED_BYTES = 64;

  private ParameterHash() {}

  /** A plain statement's hash: its SQL text's (a statement's values are written into its text). */
  public static long ofSql(String sql) {
    return sql == null ? 0 : sql.hashCode();
  }

  public static long of(long value) {
    return mix(value);
  }

  public static long of(double value) {
    return mix(Double.doubleToLongBits(value));
  }

  public static long of(boolean value) {
    return value ? 0x2545F4914F6CDD1DL : 0x1B873593L;
  }

  /** Value-based for strings, numbers, dates and times, UUIDs, byte arrays; identity otherwise. */
  public static long of(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof java.util.Date
        || value instanceof java.time.temporal.TemporalAccessor
        || value instanceof java.util.UUID
        || value instanceof Enum) {
      return valueHash(value);
    }
    if (value instanceof byte[]) {
      byte[] bytes = (byte[]) value;
      long h = bytes.length;
      for (int i = 0, n = Math.min(bytes.length, MAX_HASHED_BYTES); i < n; i++) {
        h = 31 * h + bytes[i];
      }
      return mix(h);
    }
    return mix(System.identityHashCode(value));
  }

  /** A value type's own hash; should a subclass's hashCode throw, its identity stands in. */
  private static long valueHash(Object value) {
    try {
      return mix(value.hashCode() ^ ((long) value.getClass().getName().hashCode() << 32));
    } catch (RuntimeException | Error e) {
      return mix(System.identityHashCode(value));
    }
  }

  /** Combines a parameter's position (or name hash) with its value's hash. */
  public static long bind(int index, long valueHash) {
    return mix(valueHash + 0x9E3779B97F4A7C15L * (index + 1));
  }

  /** A 64-bit finaliser (MurmurHash3's fmix64): spreads every input bit over the output. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
