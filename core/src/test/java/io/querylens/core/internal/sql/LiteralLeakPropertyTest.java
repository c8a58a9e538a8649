package io.querylens.core.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.SqlDialect;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated SQL, per dialect, with a marker in every literal, comment and quoted-string position,
 * written the way that dialect reads it: no marker may survive normalisation. The generator knows
 * each dialect's rules independently of the normaliser (it only writes what the database itself
 * reads as a literal or comment), and uses fixed seeds so that CI is repeatable.
 */
class LiteralLeakPropertyTest {
  static final String MARKER = "QLSECRET";
  static final String NUMBER = "31337";
  private static final int STATEMENTS = 4_000;

  /** Pieces of literal and comment content: everything a lexer could stumble on. */
  private static final String[] CONTENT = {
    "a",
    " ",
    "'",
    "''",
    "\"",
    "`",
    "\\",
    "\\\\",
    "\\'",
    "$",
    "$$",
    "$a$",
    "--",
    "-- ",
    "#",
    "/*",
    "*/",
    "//",
    "\n",
    "\r",
    "\r\n",
    ";",
    "[",
    "]",
    "(",
    ")",
    "é",
    "名",
    "\uD83D\uDE00",
    "\u00a0",
    "?",
    ":",
    "{",
    "}",
    "&",
    MARKER,
    NUMBER,
    "q'[",
    "]'"
  };

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void noMarkerSurvives(SqlDialect dialect) {
    Random random = new Random(0x9e3779b97f4a7c15L ^ dialect.ordinal());
    int cut = 0;
    for (int i = 0; i < STATEMENTS; i++) {
      SqlDialect writtenAs =
          dialect == SqlDialect.OTHER ? known(random) : dialect; // OTHER must be safe for all
      String sql = new Statement(writtenAs, random).build();
      String shape = SqlNormalizer.shape(sql, dialect).text();
      String lower = shape.toLowerCase(Locale.ROOT);
      assertThat(lower)
          .as("%s shape of %s", dialect, printable(sql))
          .doesNotContain(MARKER.toLowerCase(Locale.ROOT))
          .doesNotContain(NUMBER);
      if (shape.endsWith(SqlNormalizer.TRUNCATION_MARKER)) {
        cut++;
      }
    }
    // Fail-closed cutting is for the constructs a dialect is unsure of, not the common case.
    if (dialect != SqlDialect.OTHER && dialect != SqlDialect.MYSQL) {
      assertThat(cut).as("%s statements cut", dialect).isLessThan(STATEMENTS / 2);
    }
  }

  private static SqlDialect known(Random random) {
    SqlDialect[] all = SqlDialect.values();
    return all[random.nextInt(all.length - 1)];
  }

  static String printable(String sql) {
    return sql.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** One generated statement: code with sensitive items between. */
  static final class Statement {
    private final SqlDialect d;
    private final DialectRules r;
    private final Random random;
    private final StringBuilder sql = new StringBuilder();

    /** MySQL statements are valid under one backslash mode, chosen per statement. */
    private final boolean mysqlBackslashes;

    Statement(SqlDialect d, Random random) {
      this.d = d;
      this.r = DialectRules.of(d);
      this.random = random;
      this.mysqlBackslashes = random.nextBoolean();
    }

    String build() {
      sql.append(random.nextBoolean() ? "select " : "SELECT ");
      int items = 1 + random.nextInt(8);
      for (int i = 0; i < items; i++) {
        if (i > 0) {
          sql.append(random.nextBoolean() ? ", " : " ,");
        }
        if (random.nextInt(3) == 0) {
          comment();
        }
        sensitive();
        if (random.nextInt(3) == 0) {
          sql.append(" as ").append(name());
        }
      }
      sql.append(" from t1 where c = ");
      sensitive();
      if (random.nextBoolean()) {
        sql.append(" and d in (");
        sensitive();
        sql.append(", ");
        sensitive();
        sql.append(")");
      }
      if (random.nextBoolean()) {
        comment();
      }
      return sql.toString();
    }

    private String name() {
      switch (random.nextInt(4)) {
        case 0:
          return "col_1";
        case 1:
          return r.backtickName == DialectRules.Rule.YES ? "`a b`" : "a$b";
        case 2:
          return r.doubleQuoteString == DialectRules.Rule.NO ? "\"A \"\"b\"" : "x";
        default:
          return r.bracket == DialectRules.Bracket.NAME ? "[it's]" : "y";
      }
    }

    private String content() {
      StringBuilder c = new StringBuilder();
      int pieces = 1 + random.nextInt(6);
      int markerAt = random.nextInt(pieces);
      for (int i = 0; i < pieces; i++) {
        c.append(i == markerAt ? MARKER : CONTENT[random.nextInt(CONTENT.length)]);
      }
      return c.toString();
    }

    private void sensitive() {
      switch (random.nextInt(10)) {
        case 0:
        case 1:
        case 2:
          plainString("'", "");
          break;
        case 3:
          prefixedString();
          break;
        case 4:
          number();
          break;
        case 5:
          if (r.doubleQuoteString == DialectRules.Rule.YES) {
            plainString("\"", "");
          } else {
            plainString("'", "");
          }
          break;
        case 6:
          dollarQuoted();
          break;
        case 7:
          comment();
          sql.append("1");
          break;
        default:
          sql.append(random.nextBoolean() ? "(" : "");
          plainString("'", random.nextBoolean() ? "N" : "");
          sql.append(sql.charAt(sql.length() - 1) == '(' ? ")" : "");
      }
    }

    /** A string in quote {@code q}, its content escaped as the dialect reads it. */
    private void plainString(String q, String prefix) {
      boolean backslashes =
          d == SqlDialect.MYSQL ? mysqlBackslashes : r.backslashEscapes == DialectRules.Rule.YES;
      sql.append(prefix).append(q).append(escape(content(), q.charAt(0), backslashes)).append(q);
    }

    private String escape(String content, char quote, boolean backslashes) {
      StringBuilder e = new StringBuilder();
      for (int i = 0; i < content.length(); i++) {
        char c = content.charAt(i);
        if (c == quote) {
          e.append(backslashes && random.nextBoolean() ? "\\" + c : "" + c + c);
        } else if (c == '\\' && backslashes) {
          e.append("\\\\");
        } else {
          e.append(c);
        }
      }
      return e.toString();
    }

    private void prefixedString() {
      switch (d) {
        case POSTGRESQL:
          if (random.nextBoolean()) {
            sql.append(random.nextBoolean() ? "E'" : "e'")
                .append(escape(content(), '\'', true))
                .append('\'');
          } else {
            sql.append("U&'").append(escape(content(), '\'', false)).append("'");
          }
          return;
        case ORACLE:
          String open = "[{(<!#".substring(random.nextInt(6)).substring(0, 1);
          String close = open.replace('[', ']').replace('{', '}').replace('(', ')');
          close = close.replace('<', '>');
          String c = without(content(), close + "'");
          sql.append(random.nextBoolean() ? "q'" : "Nq'").append(open).append(c);
          sql.append(close).append("'");
          return;
        case MYSQL:
          plainString(random.nextBoolean() ? "'" : "\"", random.nextBoolean() ? "_utf8mb4" : "N");
          return;
        default:
          plainString("'", random.nextBoolean() ? "N" : "X");
      }
    }

    private void number() {
      switch (random.nextInt(8)) {
        case 0:
          sql.append(NUMBER);
          break;
        case 1:
          sql.append("-").append(NUMBER).append(".5");
          break;
        case 2:
          sql.append(NUMBER).append("e2");
          break;
        case 3:
          sql.append(".").append(NUMBER);
          break;
        case 4:
          sql.append(d == SqlDialect.SQL_SERVER ? "$" + NUMBER + ".50" : "0x" + NUMBER);
          break;
        case 5:
          if (d == SqlDialect.POSTGRESQL || d == SqlDialect.H2) {
            sql.append(random.nextBoolean() ? "arr[:" : "arr[1:").append(NUMBER).append("]");
          } else {
            sql.append("f(").append(NUMBER).append(")");
          }
          break;
        case 6:
          sql.append("1+").append(NUMBER);
          break;
        default:
          sql.append("c=").append(NUMBER);
      }
    }

    private void dollarQuoted() {
      if (d == SqlDialect.POSTGRESQL) {
        String tag = tag();
        String delimiter = "$" + tag + "$";
        sql.append(delimiter).append(without(content(), delimiter)).append(delimiter);
      } else if (d == SqlDialect.H2) {
        sql.append("$$").append(without(content(), "$$")).append("$$");
      } else {
        plainString("'", "");
      }
    }

    private static String without(String text, String delimiter) {
      String t = text;
      while (t.contains(delimiter)) {
        t = t.replace(delimiter, "");
      }
      return t;
    }

    private String tag() {
      String[] starts = {"", "a", "_x", "tag", "é", "名前", "T\u00e9st", "x1"};
      String tag = starts[random.nextInt(starts.length)];
      if (random.nextInt(5) == 0) {
        tag = tag + "a".repeat(40 + random.nextInt(60)); // tags of any length
      }
      return tag;
    }

    /** A comment the dialect reads as one, with the marker in it. */
    private void comment() {
      String text = content();
      switch (random.nextInt(4)) {
        case 0:
        case 1:
          lineComment(text);
          break;
        default:
          blockComment(text);
      }
    }

    private void lineComment(String text) {
      String start;
      int kind = random.nextInt(3);
      if (kind == 0 && r.hashComment == DialectRules.Rule.YES) {
        start = random.nextBoolean() ? "#" : "# ";
      } else if (kind == 1 && r.slashSlashComment == DialectRules.Rule.YES) {
        start = "//";
      } else if (r.dash == DialectRules.Dash.NEEDS_SPACE) {
        start = random.nextBoolean() ? "-- " : "--\t";
      } else {
        start = random.nextBoolean() ? "--" : "-- ";
      }
      String body = text.replace("\n", " ");
      if (r.carriageReturnEndsComment != DialectRules.Rule.NO) {
        body = body.replace("\r", " ");
      }
      sql.append(' ').append(start).append(body).append(random.nextBoolean() ? "\n" : "\r\n");
    }

    private void blockComment(String text) {
      String body = text.replace("*/", "* /");
      if (r.nestedComments != DialectRules.Rule.NO) {
        body = body.replace("/*", "/ *");
        if (r.nestedComments == DialectRules.Rule.YES && random.nextBoolean()) {
          body = body + " /* inner " + MARKER + " */ ";
        }
      }
      if (body.endsWith("/") || body.endsWith("*")) {
        body = body + " ";
      }
      if (body.startsWith("!") || body.startsWith("M!") || body.startsWith("+")) {
        body = " " + body;
      }
      sql.append(" /*").append(body).append("*/ ");
    }
  }
}
