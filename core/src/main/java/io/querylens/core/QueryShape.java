package io.querylens.core;

import java.util.List;

/**
 * A query shape: SQL with literals replaced by {@code ?}, IN-lists and multi-row VALUES collapsed,
 * comments dropped and whitespace folded, identified by a stable 64-bit fingerprint. The raw SQL
 * text is never kept. What the statement does (its operation, the tables it names, a short summary)
 * is read in the same pass over the SQL and kept with the shape, so it is worked out once per
 * distinct statement.
 */
public final class QueryShape {
  /**
   * Stands for every shape beyond {@code querylens.max-shapes}: their executions are recorded under
   * it.
   */
  public static final QueryShape OVERFLOW = new QueryShape(-1L, "(other shapes)", "");

  private final long fingerprint;
  private final String text;
  private final String operation;
  private final List<String> tables;
  private final String summary;

  /**
   * A shape whose tables are not known: {@link #tables()} is empty and {@link #summary()} is the
   * operation. For shapes built by hand (tests, placeholders); shapes read from SQL have them.
   *
   * @param fingerprint stable 64-bit hash of {@code text}
   * @param text the normalised SQL
   * @param operation the leading keyword in upper case ({@code SELECT}, {@code INSERT}, ...), or
   *     {@code ""} when there is none
   */
  public QueryShape(long fingerprint, String text, String operation) {
    this(fingerprint, text, operation, List.of(), operation);
  }

  /**
   * @param fingerprint stable 64-bit hash of {@code text}
   * @param text the normalised SQL
   * @param operation the leading keyword in upper case ({@code SELECT}, {@code INSERT}, ...), or
   *     {@code ""} when there is none
   * @param tables the tables the statement names, in order, without repeats (copied)
   * @param summary the low-cardinality summary ({@code SELECT owners}), or {@code ""}
   */
  public QueryShape(
      long fingerprint, String text, String operation, List<String> tables, String summary) {
    this.fingerprint = fingerprint;
    this.text = text;
    this.operation = operation;
    this.tables = List.copyOf(tables);
    this.summary = summary;
  }

  /** Stable 64-bit fingerprint of the shape text, the same in every JVM and release. */
  public long fingerprint() {
    return fingerprint;
  }

  /** The fingerprint as 16 lower-case hex digits. */
  public String id() {
    return String.format("%016x", fingerprint);
  }

  /** The normalised SQL. */
  public String text() {
    return text;
  }

  /**
   * The leading SQL keyword in upper case, or {@code ""}; for {@code WITH ..}, the main statement's
   * ({@code SELECT}, {@code INSERT}, ...). The conventions' {@code db.operation.name}.
   */
  public String operation() {
    return operation;
  }

  /**
   * The tables the statement names, in the order they first appear, without repeats (an immutable
   * list, at most 16): after {@code FROM} and the commas of its list, {@code JOIN}, {@code INTO}
   * and a statement's {@code UPDATE}, and the procedure after {@code CALL} or {@code EXEC}. Read
   * from identifiers only, never from literals; qualified names whole ({@code app.owners}), quotes
   * dropped where the quoted part is a plain name; names of the statement's common table
   * expressions are left out. A cut shape has the tables read before the cut. Empty when there is
   * no operation.
   */
  public List<String> tables() {
    return tables;
  }

  /**
   * A short, low-cardinality summary of the statement, the conventions' {@code db.query.summary}:
   * its operations and their tables in the order they appear ({@code SELECT owners pets}, {@code
   * INSERT visits SELECT pets}), at most 255 characters. An operation directly after the same
   * operation is written once, and a table is not repeated within one operation. {@code ""} when
   * there is no operation.
   */
  public String summary() {
    return summary;
  }

  /**
   * Whether the statement defines the schema rather than reads or changes data (DDL, by its {@link
   * #operation()}): {@code CREATE}, {@code ALTER}, {@code DROP}, {@code TRUNCATE}, {@code COMMENT},
   * {@code RENAME}, {@code GRANT} or {@code REVOKE}. Reports list such shapes apart from the
   * application's queries.
   */
  public boolean isDdl() {
    switch (operation) {
      case "CREATE":
      case "ALTER":
      case "DROP":
      case "TRUNCATE":
      case "COMMENT":
      case "RENAME":
      case "GRANT":
      case "REVOKE":
        return true;
      default:
        return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryShape
        && ((QueryShape) o).fingerprint == fingerprint
        && ((QueryShape) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint);
  }

  @Override
  public String toString() {
    return text;
  }
}
