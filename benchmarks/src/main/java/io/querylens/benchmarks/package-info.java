/** JMH benchmarks measuring what QueryLens and its peers add to plain JDBC calls on H2. */
package io.querylens.benchmarks;
