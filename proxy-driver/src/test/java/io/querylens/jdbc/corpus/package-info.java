/**
 * The labelled scenario corpus of N+1, duplicate, chatty-write and unbounded-result detection, and
 * the tests that score QueryLens against it.
 *
 * <p>A {@link io.querylens.jdbc.corpus.Scenario} is code run against an instrumented DataSource
 * together with the findings it must produce, each given as kind, shape text and call-site line
 * (recorded at run time by {@link io.querylens.jdbc.corpus.CallSite} on the line of the repeated
 * call), or none at all. {@link io.querylens.jdbc.corpus.Scorecard} matches reported findings on
 * kind + shape + call-site line, counts false positives and false negatives, and prints every
 * mismatch; the {@code Corpus*IT} classes fail when precision or recall is below 1.0, when a
 * matched finding has the wrong parent, count or no wasted time, or when a scenario throws.
 *
 * <p>Plain JDBC scenarios ({@link io.querylens.jdbc.corpus.PlainJdbcScenarios}, on H2, PostgreSQL
 * and MariaDB): N+1 inside the parent's cursor and over ids read first (parent and rows expected);
 * over ids read first with a smaller read between the list and the loop (spring-petclinic's JDBC
 * {@code /vets}), and with a one-row lookup in each iteration (the list is the parent of both);
 * nested loops over lists and inside open cursors (the inner loop's parent is the middle query,
 * with its rows in the unit); a loop over ids counted in code after a small read (no parent); 4
 * lookups (below the threshold, none) and 5 (at it, a finding); N+1 through a Statement with
 * literals; a JDBC batch insert (none) and row-by-row inserts (chatty-writes); one IN-list query
 * (none); the same lookup with the same parameter and the same literal SQL repeated (duplicate); an
 * N+1 followed by row-by-row updates (both; the updates' parent is the N+1's shape, whose rows in
 * the unit drive them); a background keep-alive thread running {@code select 1} every 30 ms while
 * the main thread sleeps (none); two threads with an N+1 each at once (two findings, two call
 * sites); a slow loop inside one transaction (an N+1 despite 30 ms of work between lookups); twenty
 * one-lookup transactions (none); an N+1 split over two inner scopes of one outer scope (one
 * finding counting both halves); 1500 rows read to the end without a row limit (unbounded-result,
 * at the line whose {@code next()} found the end), the same with a LIMIT of 1400 (none), closed one
 * row before the end (none), and a GROUP BY aggregate of them (none).
 *
 * <p>Spring {@code JdbcTemplate} scenarios ({@link io.querylens.jdbc.corpus.JdbcTemplateScenarios},
 * on H2, PostgreSQL and MariaDB): {@code queryForObject} per row of a list read first, and a query
 * in a {@code RowMapper} inside the parent's open cursor (N+1s, parent and rows expected); an IN
 * list of named parameters, a join, and {@code batchUpdate} (none).
 *
 * <p>Hibernate ORM scenarios ({@link io.querylens.jdbc.corpus.HibernateScenarios}, H2): lazy
 * collection and lazy to-one N+1, and the lazy collection with a smaller query between the owners
 * and the loop (parent: the owners); the same with JOIN FETCH (none); with batch fetching of 16
 * (none: one batch statement) and of 2 (a smaller N+1 of five batch statements).
 *
 * <p>The {@code Corpus*IT} classes also check the time split: rows iterated with a known sleep are
 * application process time within 10%, and a known server sleep ({@code pg_sleep}, MariaDB {@code
 * sleep}) is database execute time within 10%.
 */
package io.querylens.jdbc.corpus;
