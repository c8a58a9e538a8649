package io.querylens.core;

/**
 * A database-side finding about one shape: which side of the round trip its time goes to, and why.
 * Unlike a {@link Finding} it belongs to no unit of work: it is judged from the shape's statistics,
 * the client's and the server's, over the whole recording.
 *
 * @param kind what was found
 * @param shape the shape
 * @param database the database the shape ran on
 * @param cause the reason in a few words, e.g. {@code lock wait}, {@code sequential scan}
 * @param clientMeanNanos the client's execute + fetch per execution
 * @param serverMeanNanos the server's planning + execution per call
 * @param calls the server's calls of the shape
 * @param evidence the figures the finding rests on, one line, no SQL values
 */
public record DatabaseFinding(
    DatabaseFindingKind kind,
    QueryShape shape,
    Database database,
    String cause,
    long clientMeanNanos,
    long serverMeanNanos,
    long calls,
    String evidence) {

  /** What usually fixes it. */
  public String hint() {
    return kind.hint();
  }
}
