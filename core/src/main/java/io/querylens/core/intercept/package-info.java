/**
 * What interception points call (the proxy driver's wrappers, the datasource-proxy listener, the
 * agent's advice and the exporter): the {@link io.querylens.core.intercept.Recording} every JDBC
 * call is recorded into, {@link io.querylens.core.intercept.Faults} for QueryLens's own failures,
 * {@link io.querylens.core.intercept.ParameterHash}, and {@link
 * io.querylens.core.intercept.QueryShapes} for shapes read without a recording. The one door from
 * other modules into the engine; everything behind it is {@code internal}.
 */
package io.querylens.core.intercept;
