package io.querylens.exporter.otel;

import io.querylens.testing.TestDatabase;
import java.util.List;

/**
 * SQL that is valid on one real database (or fails there with a syntax error, where marked so) and
 * carries the markers {@value #MARKER} and {@value #NUMBER} in every literal, comment and
 * quoted-string position that database knows, written the way that database reads it. {@link
 * MarkerApp} runs it through the {@code jdbc:querylens:} driver; {@link LiteralRoundTripIT} then
 * looks for the markers in everything QueryLens wrote.
 *
 * <p>In a template, {@code {s}} becomes the marker and {@code {n}} the number, each followed by the
 * execution's index, so repeated executions differ (n-plus-one, chatty writes); a template that
 * writes the markers out runs the same text each time (duplicate).
 */
enum MarkerWorkload {
  H2(
      TestDatabase.H2,
      new Phase(
          "h2",
          List.of(
              "drop table if exists qlr_items",
              "drop table if exists qlr_notes",
              "create table qlr_items (id int, name varchar(200), tags int array)",
              "insert into qlr_items values (1, 'a', array[1, 2, 3]), (2, 'b', array[4])",
              "create table qlr_notes (id bigint, note varchar(500))"),
          List.of(
              runs("string", "select id from qlr_items where name = '{s}'"),
              runs("doubled quotes", "select id from qlr_items where name = 'it''s {s}'''"),
              runs("backslash is plain", "select id from qlr_items where name = 'C:\\{s}\\'"),
              runs("dollar quotes", "select id from qlr_items where name = $${s}'\"\\$$"),
              runs(
                  "slash-slash comment",
                  "select id from qlr_items where name = 'a' // {s} '\nand id <> {n}"),
              runs(
                  "dash comment",
                  "select id from qlr_items where id <> {n} -- {s} '\nand name <> '{s}'"),
              runs("dash comment without space", "select id from qlr_items where id <> 1 --{n}\n"),
              runs(
                  "block comments",
                  "select id /* {s} */ from qlr_items /* a /* {s} */ b {s} ' */ where id <> 1"),
              runs("national string", "select id from qlr_items where name = N'{s}'"),
              runs("unicode string", "select id from qlr_items where name = U&'{s}\\0041'"),
              runs(
                  "numbers",
                  "select id from qlr_items where id = {n} or id = -{n}.5 or id = {n}e2"
                      + " or id = .{n}"),
              runs("binary string", "select id from qlr_items where X'{n}' is not null"),
              runs(
                  "array subscripts",
                  "select tags[1], (array[1, 2, {n}])[2] from qlr_items where id <> {n}"),
              runs("in list", "select id from qlr_items where id in ({n}, {n}1, {n}2)"),
              runs("string in list", "select id from qlr_items where name in ('{s}', $${s}b$$)"),
              runs(
                  "interval",
                  "select id from qlr_items where interval '{n}' second > interval '1' second"),
              runs("json", "select id from qlr_items where json '{\"k\":\"{s}\"}' is not null"),
              runs("non-ascii", "select id from qlr_items where name = '名前{s}\uD83D\uDE00'"),
              runs("concatenation", "select id from qlr_items where name = 'a' || '{s}' || $$b$$"),
              runs(
                  "crlf comments",
                  "select id from qlr_items where name <> '{s}' //{s}\r\nand id <> 2 -- {s}\r\n"),
              runs(
                  "same text",
                  "select name from qlr_items where name = 'QLSECRET' and id <> 31337"),
              runs("lower case", "select id from qlr_items where name <> 'qlsecret' or id = {n}"),
              prepared(
                  "prepared",
                  "select id from qlr_items where id = ? and name <> '?QLSECRET' and name <>"
                      + " $$?QLSECRET$$ and id <> 31337 -- ? QLSECRET\n"),
              runs("insert", "insert into qlr_notes values ({n}, '{s}')"),
              runs("insert rows", "insert into qlr_notes values ({n}, '{s}'), ({n}1, $${s}$$)"),
              runs("update", "update qlr_notes set note = '{s}' where id = {n}"),
              runs("delete", "delete from qlr_notes where note = 'it''s {s}' and id = {n}"),
              batch("batch", "insert into qlr_notes values ({n}, 'x''{s}')"),
              fails("syntax error", "select id from qlr_items where name = '{s}' and and id = {n}"),
              fails("unterminated string", "select id from qlr_items where name = '{s}"),
              fails("unterminated dollar quote", "select id from qlr_items where name = $${s}"),
              fails("unterminated comment", "select id from qlr_items /* {s}"),
              fails("numbers in a row", "select id from qlr_items where id = {n} {n}")))),

  POSTGRESQL(
      TestDatabase.POSTGRESQL,
      new Phase(
          "postgresql",
          List.of(
              "create temp table qlr_items (id int, name varchar(200), tags int[])",
              "insert into qlr_items values (1, 'a', array[1, 2, 3]), (2, 'b', array[4])",
              "create temp table qlr_notes (id bigint, note text)"),
          List.of(
              runs("string", "select id from qlr_items where name = '{s}'"),
              runs("doubled quotes", "select id from qlr_items where name = 'it''s {s}'''"),
              runs("backslash is plain", "select id from qlr_items where name = 'C:\\{s}\\'"),
              runs(
                  "backslash before the quote",
                  "select id from qlr_items where name = '\\' or name = '{s}\\'"),
              runs("escape string", "select id from qlr_items where name = E'it\\'s {s}\\\\'"),
              runs(
                  "escape strings",
                  "select id from qlr_items where name = e'\\\\' || '{s}' || E'\\x41\\n{s}'''"),
              runs("dollar quotes", "select id from qlr_items where name = $${s}'\"\\$$"),
              runs("tagged dollar quotes", "select id from qlr_items where name = $t${s} $$ '$t$"),
              runs(
                  "unicode dollar tag",
                  "select id from qlr_items where name = $é名${s}'$é名$ or name = $_x1${s}$_x1$"),
              runs(
                  "long dollar tag",
                  "select id from qlr_items where name = $"
                      + "t".repeat(80)
                      + "${s}$"
                      + "t".repeat(80)
                      + "$"),
              runs("unicode string", "select id from qlr_items where name = U&'{s}\\0041'"),
              runs("national string", "select id from qlr_items where name = N'{s}'"),
              runs(
                  "numbers",
                  "select id from qlr_items where id = {n} or id = -{n}.5e2 or id = .{n}"
                      + " or id = {n}e-2"),
              runs("array slice", "select (array[1, 2, 3])[:{n}] from qlr_items"),
              runs(
                  "array subscripts",
                  "select tags[1:{n}], tags[{n}], tags[{n}:] from qlr_items where id <> 1"),
              runs(
                  "comments",
                  "select id /* {s} */ from qlr_items -- {s} '\nwhere id <> {n} --{s}\n"),
              runs(
                  "nested comments",
                  "select id from qlr_items /* outer /* inner {s} */ {s} ' */ where id <> 1"),
              runs(
                  "comment ended by carriage return",
                  "select id from qlr_items --{s}\rwhere id <> {n}"),
              runs(
                  "like escape",
                  "select id from qlr_items where name like '%{s}\\%' escape '\\' and id <> {n}"),
              runs(
                  "casts",
                  "select id from qlr_items where name = '{s}'::text and id <> {n}::int"
                      + " and name <> varchar '{s}'"),
              runs(
                  "json",
                  "select id from qlr_items where ('{\"k\":\"{s}\"}'::jsonb ->> 'k') = name"),
              runs("xor operator", "select id from qlr_items where (id # {n}) > 0"),
              runs(
                  "string in list",
                  "select id from qlr_items where name in ('{s}', '{s}b', $${s}c$$)"),
              runs("in list", "select id from qlr_items where id in ({n}, {n}1, {n}2)"),
              runs(
                  "with",
                  "with x as (select '{s}'::text as v) select id from qlr_items, x"
                      + " where name = x.v"),
              runs(
                  "string over lines",
                  "select id from qlr_items where name = '{s}' || chr(10) || '\n{s}'"),
              runs("adjacent strings", "select id from qlr_items where name = 'a'\n'{s}'"),
              runs(
                  "bit strings",
                  "select id from qlr_items where b'1010' <> B'0101' and X'{n}' is not null"),
              runs(
                  "interval",
                  "select id from qlr_items where interval '{n} seconds' > interval '1 second'"),
              runs(
                  "regular expression",
                  "select id from qlr_items where name ~ '^{s}\\d+$' or id = {n}"),
              runs("non-ascii", "select id from qlr_items where name = '名前{s}\uD83D\uDE00'"),
              runs(
                  "limit and offset",
                  "select id from qlr_items where name <> '{s}' limit {n} offset {n}"),
              runs(
                  "same text",
                  "select name from qlr_items where name = 'QLSECRET' and id <> 31337"),
              runs("lower case", "select id from qlr_items where name <> 'qlsecret' or id = {n}"),
              prepared(
                  "prepared",
                  "select id from qlr_items where id = ? and name <> '?QLSECRET' and name <>"
                      + " $$?QLSECRET$$ and name <> E'\\'?QLSECRET' and id <> 31337"
                      + " -- ? QLSECRET\n"),
              runs("insert", "insert into qlr_notes values ({n}, '{s}')"),
              runs("insert rows", "insert into qlr_notes values ({n}, E'{s}\\''), ({n}1, $${s}$$)"),
              runs("update", "update qlr_notes set note = '{s}' where id = {n}"),
              runs("delete", "delete from qlr_notes where note = 'it''s {s}' and id = {n}"),
              batch("batch", "insert into qlr_notes values ({n}, $q$'{s}$q$)"),
              fails("syntax error", "select id from qlr_items where name = '{s}' and and id = {n}"),
              fails("unterminated string", "select id from qlr_items where name = '{s}"),
              fails("unterminated escape string", "select id from qlr_items where name = E'{s}\\'"),
              fails("unterminated dollar quote", "select id from qlr_items where name = $${s}"),
              fails("unterminated comment", "select id from qlr_items /* {s}"),
              fails("numbers in a row", "select id from qlr_items where id = {n} {n}")))),

  MARIADB(
      TestDatabase.MARIADB,
      new Phase(
          "mariadb",
          List.of(
              "create temporary table qlr_items (id int, name varchar(200))",
              "insert into qlr_items values (1, 'a'), (2, 'b')",
              "create temporary table qlr_notes (id bigint, note varchar(500))"),
          List.of(
              runs("string", "select id from qlr_items where name = '{s}'"),
              runs("backslash escapes", "select id from qlr_items where name = 'it\\'s {s}\\\\'"),
              runs("doubled quotes", "select id from qlr_items where name = 'a''{s}'''"),
              runs("double-quoted string", "select id from qlr_items where name = \"{s}\""),
              runs(
                  "double-quoted escapes",
                  "select id from qlr_items where name = \"it\\\"s \"\"{s}\"\" \\\\\""),
              runs(
                  "escape sequences",
                  "select id from qlr_items where name = '{s}\\0\\n\\t\\Z\\%\\_\\''"),
              runs(
                  "backslash pairs",
                  "select id from qlr_items where name = '\\\\' or name = '{s}\\\\'"),
              runs(
                  "hash comments",
                  "select id from qlr_items where name = '{s}' # {s} '\nand id <> {n} #{s}\n"),
              runs(
                  "dash comments",
                  "select id from qlr_items where id <> {n} -- {s} '\nand name <> '{s}' --\t{s}\n"),
              runs("two minus signs", "select id from qlr_items where id <> 1--{n}"),
              runs(
                  "block comment",
                  "select id /* {s} ' # -- */ from qlr_items where name <> '/* {s} */'"),
              runs(
                  "executable comments",
                  "select id from qlr_items where name <> /*! '{s}' */ 'x'"
                      + " and name <> /*M!100000 '{s}' */ 'y'"),
              runs(
                  "character set introducer",
                  "select id from qlr_items where name = _utf8mb4'{s}' collate utf8mb4_bin"),
              runs("national string", "select id from qlr_items where name = N'{s}'"),
              runs("adjacent strings", "select id from qlr_items where name = 'a' '{s}' \"{s}\""),
              runs(
                  "numbers",
                  "select id from qlr_items where id = {n} or id = -{n}.5 or id = {n}e2"
                      + " or id = .{n}"),
              runs("hex", "select id from qlr_items where id = 0x{n} or name = x'{n}'"),
              runs(
                  "like escape",
                  "select id from qlr_items where name like '%{s}\\%%' escape '|' and id <> {n}"),
              runs(
                  "json",
                  "select id from qlr_items where json_value('{\"k\":\"{s}\"}', '$.k') = name"),
              runs(
                  "string in list",
                  "select id from qlr_items where name in ('{s}', \"{s}b\", _utf8mb4'{s}c')"),
              runs("in list", "select id from qlr_items where id in ({n}, {n}1, {n}2)"),
              runs("variable", "set @qlr_v = '{s}'"),
              runs("non-ascii", "select id from qlr_items where name = '名前{s}\uD83D\uDE00'"),
              runs("backtick names", "select `id` from `qlr_items` where `name` = '{s}' limit {n}"),
              runs("trailing comment", "select id from qlr_items where name = '{s}' -- {s}"),
              runs(
                  "same text",
                  "select name from qlr_items where name = 'QLSECRET' and id <> 31337"),
              runs("lower case", "select id from qlr_items where name <> 'qlsecret' or id = {n}"),
              prepared(
                  "prepared",
                  "select id from qlr_items where id = ? and name <> '?QLSECRET\\'?'"
                      + " and name <> \"?QLSECRET\" and id <> 31337 # ? QLSECRET\n"),
              runs("insert", "insert into qlr_notes values ({n}, '{s}')"),
              runs("insert rows", "insert into qlr_notes values ({n}, '{s}\\''), ({n}1, \"{s}\")"),
              runs("replace", "replace into qlr_notes values ({n}, '{s}')"),
              runs("update", "update qlr_notes set note = '{s}' where id = {n}"),
              runs("delete", "delete from qlr_notes where note = 'it\\'s {s}' and id = {n}"),
              batch("batch", "insert into qlr_notes values ({n}, 'x\\'{s}')"),
              fails("syntax error", "select id from qlr_items where name = '{s}' and and id = {n}"),
              fails("unterminated string", "select id from qlr_items where name = '{s}"),
              fails(
                  "unterminated double-quoted string",
                  "select id from qlr_items where name = \"{s}"),
              fails("escaped closing quote", "select id from qlr_items where name = '{s}\\'"),
              fails("numbers in a row", "select id from qlr_items where id = {n} {n}"))),
      new Phase(
          "mariadb NO_BACKSLASH_ESCAPES",
          List.of(
              "SET sql_mode='NO_BACKSLASH_ESCAPES'",
              "create temporary table qlr_items (id int, name varchar(200))",
              "insert into qlr_items values (1, 'a'), (2, 'b')",
              "create temporary table qlr_notes (id bigint, note varchar(500))"),
          List.of(
              runs("backslash is plain", "select id from qlr_items where name = 'C:\\{s}\\'"),
              runs(
                  "backslash before the quote",
                  "select id from qlr_items where name in ('x\\', '{s}')"),
              runs(
                  "double-quoted backslash",
                  "select id from qlr_items where name = \"{s}\\\" or name = \"\\\""),
              runs(
                  "backslash pairs",
                  "select id from qlr_items where name = '\\\\' or name = '{s}\\\\'"),
              runs(
                  "hash comment",
                  "select id from qlr_items where name = 'a\\' # {s} '\nand id <> {n}"),
              prepared(
                  "prepared",
                  "select id from qlr_items where id = ? and name <> 'C:\\QLSECRET\\'"
                      + " and name <> '?\\' and id <> 31337"),
              runs("insert", "insert into qlr_notes values ({n}, 'C:\\{s}\\')"),
              fails(
                  "syntax error",
                  "select id from qlr_items where name = '{s}\\' and and id = {n}")))),

  /**
   * PostgreSQL with {@code standard_conforming_strings} off: backslashes escape in plain strings,
   * as in PostgreSQL before 9.1.
   */
  POSTGRESQL_NONSTANDARD_STRINGS(
      TestDatabase.POSTGRESQL,
      new Phase(
          "postgresql standard_conforming_strings off",
          List.of(
              "set standard_conforming_strings = off",
              "set escape_string_warning = off",
              "create temp table qlr_items (id int, name varchar(200))",
              "insert into qlr_items values (1, 'a'), (2, 'b')",
              "create temp table qlr_notes (id bigint, note text)"),
          List.of(
              runs("escaped quote", "select id from qlr_items where name = 'it\\'s {s}'"),
              runs(
                  "escaped quote before a list item",
                  "select id from qlr_items where name in ('x\\'', '{s}')"),
              runs(
                  "backslash pairs",
                  "select id from qlr_items where name = '\\\\' or name = '{s}\\\\'"),
              runs("same text", "select name from qlr_items where name = 'it\\'s QLSECRET'"),
              runs("insert", "insert into qlr_notes values ({n}, 'it\\'s {s}')"))));

  static final String MARKER = "QLSECRET";
  static final String NUMBER = "31337";

  /** Executions of each statement in one unit of work: above the n-plus-one threshold (5). */
  static final int REPEAT = 6;

  private final TestDatabase database;
  private final List<Phase> phases;

  MarkerWorkload(TestDatabase database, Phase... phases) {
    this.database = database;
    this.phases = List.of(phases);
  }

  TestDatabase database() {
    return database;
  }

  List<Phase> phases() {
    return phases;
  }

  /** Statements over all phases. */
  int statementCount() {
    return phases.stream().mapToInt(p -> p.statements().size()).sum();
  }

  /**
   * One connection: set up (no markers) by {@code setup}, then {@code statements} in one unit of
   * work named {@code name}.
   */
  record Phase(String name, List<String> setup, List<Marked> statements) {}

  /** How a statement is run. */
  enum Kind {
    /** {@code Statement.execute}. */
    PLAIN,
    /** A PreparedStatement whose one {@code ?} is bound to the execution's index. */
    PREPARED,
    /** Three statements in one {@code Statement.executeBatch}. */
    BATCH
  }

  /** One statement with markers: how it runs and whether the database accepts it. */
  record Marked(String label, Kind kind, String template, boolean valid) {
    /** The SQL of execution {@code i}. */
    String sql(int i) {
      return template.replace("{s}", MARKER + i).replace("{n}", NUMBER + i);
    }
  }

  private static Marked runs(String label, String template) {
    return new Marked(label, Kind.PLAIN, template, true);
  }

  private static Marked fails(String label, String template) {
    return new Marked(label, Kind.PLAIN, template, false);
  }

  private static Marked prepared(String label, String sql) {
    return new Marked(label, Kind.PREPARED, sql, true);
  }

  private static Marked batch(String label, String template) {
    return new Marked(label, Kind.BATCH, template, true);
  }
}
