package io.querylens.core.internal.unitofwork;

import io.querylens.core.Finding;
import io.querylens.core.internal.sql.Fingerprint;
import io.querylens.core.internal.stats.DistinctCounter;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct names of the units of work where one finding was seen: the first {@link
 * Finding#MAX_UNIT_NAMES} names in the order they came, each with how many of the finding's units
 * have it now, and further distinct names counted approximately. Immutable: {@link
 * AggregatedFinding} swaps it by compare-and-set, once per unit and finding (never per execution).
 *
 * <p>A unit's name is not final until the unit ends: a request's route can replace its raw path
 * then ({@link #renamed}). The kept names follow such a rename, which is why each has a count: a
 * name leaves the list only when no unit has it any more. A name that finds the list full is
 * counted only when its unit ends ({@link #ended}), under its final name, so a raw path never
 * inflates the count. Once one name has been counted beyond the list, no name joins the list any
 * more, so no name is counted twice.
 */
final class UnitNameTally {
  static final UnitNameTally EMPTY = new UnitNameTally(new String[0], new int[0], null);

  private final String[] names;
  private final int[] units;

  /** Distinct names counted beyond the list; null until the first one. Shared by later tallies. */
  private final DistinctCounter beyond;

  private UnitNameTally(String[] names, int[] units, DistinctCounter beyond) {
    this.names = names;
    this.units = units;
    this.beyond = beyond;
  }

  /** A unit named {@code name} raised the finding: counted on its kept name, or newly kept. */
  UnitNameTally raised(String name) {
    int i = indexOf(name);
    if (i >= 0) {
      return withUnits(i, units[i] + 1);
    }
    return canKeepMore() ? appended(name) : this; // counted when the unit ends
  }

  /**
   * A unit that raised the finding under {@code from} ended named {@code to}: if it was counted on
   * {@code from}, it moves to {@code to}.
   */
  UnitNameTally renamed(String from, String to) {
    int i = indexOf(from);
    if (i < 0 || from.equals(to)) {
      return this;
    }
    UnitNameTally without = units[i] > 1 ? withUnits(i, units[i] - 1) : removed(i);
    int j = without.indexOf(to);
    if (j >= 0) {
      return without.withUnits(j, without.units[j] + 1);
    }
    return without.canKeepMore() ? without.appended(to) : without.countedBeyond(to);
  }

  /** A unit that raised the finding ended named {@code name} (after any rename). */
  UnitNameTally ended(String name) {
    if (indexOf(name) >= 0) {
      return this;
    }
    return canKeepMore() ? appended(name) : countedBeyond(name);
  }

  /** The kept names, in the order they came. */
  List<String> names() {
    return List.of(names);
  }

  /** Distinct names: the kept ones and those counted beyond them. */
  long distinct() {
    return names.length + (beyond == null ? 0 : beyond.estimate());
  }

  private boolean canKeepMore() {
    return beyond == null && names.length < Finding.MAX_UNIT_NAMES;
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private UnitNameTally withUnits(int i, int count) {
    int[] u = units.clone();
    u[i] = count;
    return new UnitNameTally(names, u, beyond);
  }

  private UnitNameTally appended(String name) {
    String[] n = Arrays.copyOf(names, names.length + 1);
    int[] u = Arrays.copyOf(units, units.length + 1);
    n[names.length] = name;
    u[units.length] = 1;
    return new UnitNameTally(n, u, beyond);
  }

  private UnitNameTally removed(int i) {
    String[] n = new String[names.length - 1];
    int[] u = new int[units.length - 1];
    System.arraycopy(names, 0, n, 0, i);
    System.arraycopy(names, i + 1, n, i, n.length - i);
    System.arraycopy(units, 0, u, 0, i);
    System.arraycopy(units, i + 1, u, i, u.length - i);
    return new UnitNameTally(n, u, beyond);
  }

  /**
   * {@code name} counted beyond the list. Adding to the shared counter is idempotent, so a caller
   * whose compare-and-set fails and who calls again does no harm.
   */
  private UnitNameTally countedBeyond(String name) {
    DistinctCounter c = beyond != null ? beyond : new DistinctCounter();
    c.add(Fingerprint.of(name)); // 64 bits: String's own 32 are too few
    return beyond != null ? this : new UnitNameTally(names, units, c);
  }
}
