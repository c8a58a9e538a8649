package io.querylens.core.internal.sql;

import java.util.Arrays;
import java.util.List;

/**
 * Keeps what {@link SummaryCollector} reads, in bounded arrays, and builds the shape's tables and
 * summary from it once at the end: the distinct tables in the order first read (each name one
 * String, shared by the summary), the names of common table expressions (which are no tables), and
 * the summary's words with the summary's rules: an operation right after the same operation is
 * written once, a table is not repeated within one operation, and the summary ends, between words,
 * before it would pass {@link #MAX_SUMMARY_LENGTH} characters.
 */
final class SummaryBuilder {
  /** The conventions' bound on a parsed {@code db.query.summary}. */
  static final int MAX_SUMMARY_LENGTH = 255;

  /** Distinct tables a shape keeps. */
  static final int MAX_TABLES = 16;

  /**
   * Distinct names kept while reading: more than {@link #MAX_TABLES}, for the summary, which its
   * length bounds anyway.
   */
  private static final int MAX_NAMES = 128;

  private static final int MAX_CTE_NAMES = 16;

  /** Distinct tables in the order first read. */
  private String[] tables;

  private int tableCount;
  private String[] cteNames;
  private int cteCount;

  /** The summary's words: operations (constants) and tables (instances from {@link #tables}). */
  private String[] words;

  private int wordCount;

  /** Length of the summary so far: the words and a space between each two. */
  private int summaryLength;

  private boolean summaryFull;

  /** Index in {@link #words} of the operation written last, or -1. */
  private int lastOperation = -1;

  /** A common table expression's name: a table of the same name (any case) is no table. */
  void addCteName(String name) {
    if (cteNames == null) {
      cteNames = new String[4];
    } else if (cteCount == cteNames.length) {
      if (cteCount == MAX_CTE_NAMES) {
        return;
      }
      cteNames = Arrays.copyOf(cteNames, 2 * cteCount);
    }
    cteNames[cteCount++] = name;
  }

  /**
   * The table named by the unquoted {@code sql[start, end)}: compared in place with the names
   * already read, so a table named twice costs no allocation.
   */
  void addTable(String sql, int start, int end) {
    int length = end - start;
    for (int i = 0; i < cteCount; i++) {
      String cte = cteNames[i];
      if (cte.length() == length && sql.regionMatches(true, start, cte, 0, length)) {
        return; // a common table expression of this statement
      }
    }
    for (int i = 0; i < tableCount; i++) {
      String t = tables[i];
      if (t.length() == length && sql.regionMatches(start, t, 0, length)) {
        addToSummary(t);
        return;
      }
    }
    addNew(sql.substring(start, end));
  }

  /** A table read as {@code name} (a quoted name, unquoted where plain). */
  void addTable(String name) {
    for (int i = 0; i < cteCount; i++) {
      if (cteNames[i].equalsIgnoreCase(name)) {
        return;
      }
    }
    for (int i = 0; i < tableCount; i++) {
      if (tables[i].equals(name)) {
        addToSummary(tables[i]);
        return;
      }
    }
    addNew(name);
  }

  private void addNew(String table) {
    if (tableCount == MAX_NAMES) {
      return;
    }
    if (tables == null) {
      tables = new String[4];
    } else if (tableCount == tables.length) {
      tables = Arrays.copyOf(tables, Math.min(2 * tableCount, MAX_NAMES));
    }
    tables[tableCount++] = table;
    addToSummary(table);
  }

  /** Writes {@code table} (an instance from {@link #tables}) unless its operation has it. */
  private void addToSummary(String table) {
    if (lastOperation < 0 || summaryFull) {
      return;
    }
    for (int i = lastOperation + 1; i < wordCount; i++) {
      if (words[i] == table) {
        return;
      }
    }
    addWord(table);
  }

  /** An operation read ({@code SELECT}, ...): written unless right after the same one. */
  void addOperation(String operation) {
    if (operation.isEmpty()
        || summaryFull
        || (lastOperation >= 0
            && lastOperation == wordCount - 1
            && words[lastOperation].equals(operation))) {
      return;
    }
    if (addWord(operation)) {
      lastOperation = wordCount - 1;
    }
  }

  /** The tables, at most {@link #MAX_TABLES}, as an immutable list. */
  List<String> tables() {
    int count = Math.min(tableCount, MAX_TABLES);
    switch (count) {
      case 0:
        return List.of();
      case 1:
        return List.of(tables[0]);
      case 2:
        return List.of(tables[0], tables[1]);
      default:
        return List.of(Arrays.copyOf(tables, count));
    }
  }

  /** The summary, or {@code operation} when no word was written. */
  String summary(String operation) {
    switch (wordCount) {
      case 0:
        return operation;
      case 1:
        return words[0];
      case 2:
        return words[0] + ' ' + words[1];
      default:
        StringBuilder b = new StringBuilder(summaryLength).append(words[0]);
        for (int i = 1; i < wordCount; i++) {
          b.append(' ').append(words[i]);
        }
        return b.toString();
    }
  }

  /** Appends a word to the summary unless that would make it too long, which ends it. */
  private boolean addWord(String word) {
    int length = summaryLength + (wordCount > 0 ? 1 : 0) + word.length();
    if (length > MAX_SUMMARY_LENGTH) {
      summaryFull = true;
      return false;
    }
    if (words == null) {
      words = new String[8];
    } else if (wordCount == words.length) {
      words = Arrays.copyOf(words, 2 * wordCount);
    }
    words[wordCount++] = word;
    summaryLength = length;
    return true;
  }
}
