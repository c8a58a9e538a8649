/** The QueryLens front door: wrap JDBC objects, read snapshots, render reports. */
package io.querylens;
