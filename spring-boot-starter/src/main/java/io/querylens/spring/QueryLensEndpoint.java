package io.querylens.spring;

import io.querylens.core.intercept.Recording;
import io.querylens.core.report.JsonReport;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/querylens}: the JSON report (the same document as {@code querylens.report.json})
 * of everything recorded so far. Expose it with {@code
 * management.endpoints.web.exposure.include=querylens}; it shows SQL shapes and call sites, never
 * parameter values.
 */
@Endpoint(id = "querylens")
public class QueryLensEndpoint {
  private final Recording recording;

  public QueryLensEndpoint(Recording recording) {
    this.recording = recording;
  }

  /** The JSON report of the recording's current snapshot. */
  @ReadOperation(produces = "application/json")
  public WebEndpointResponse<String> report() {
    return new WebEndpointResponse<>(JsonReport.render(recording.snapshot()));
  }
}
