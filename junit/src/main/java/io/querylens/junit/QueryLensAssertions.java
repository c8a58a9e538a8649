package io.querylens.junit;

/**
 * Assertions on what a test recorded, for code rather than annotations: {@code
 * QueryLensAssertions.assertThat(recording).hasNoNPlusOne().executed("select * from owners where id
 * = 1").times(1)}. Failures are {@link org.opentest4j.AssertionFailedError}s with the same messages
 * as the annotations'.
 */
public final class QueryLensAssertions {
  private QueryLensAssertions() {}

  /** Starts assertions on {@code recording}, the parameter the extension hands the test. */
  public static RecordingAssert assertThat(QueryLensRecording recording) {
    return new RecordingAssert(recording);
  }
}
