package io.querylens.core.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and adversarial input: the normaliser never throws, stays linear, and never lets a
 * literal's content or a literal's digits into the shape.
 */
class SqlNormalizerRandomizedTest {
  private static final String SECRET = "SeCrEt";
  private static final int MAX_OUTPUT =
      SqlNormalizer.MAX_TEXT_LENGTH + SqlNormalizer.TRUNCATION_MARKER.length();

  /** Characters that mean something to the scanner, plus letters, digits and wide characters. */
  private static final String[] CONTENT_PIECES = {
    "a",
    "Z",
    "q",
    "e",
    " ",
    "  ",
    "\n",
    "\t",
    "'",
    "''",
    "\\",
    "\"",
    "`",
    "$",
    "$$",
    "-",
    "--",
    "/*",
    "*/",
    "#",
    "[",
    "]",
    "(",
    ")",
    ",",
    "?",
    ":",
    "0",
    "7",
    "42",
    "é",
    "名",
    "\uD83D\uDE00",
    "\u2028",
    "%",
    "_",
    ";"
  };

  private final Random random = new Random(0x5eedL);

  @Test
  void literalAndCommentContentNeverSurvives() {
    for (int i = 0; i < 3_000; i++) {
      String sql = randomStatement(); // mixes every dialect's quoting: only OTHER reads it safely
      String shape = SqlNormalizer.shape(sql, SqlDialect.OTHER).text();
      assertThat(shape)
          .as("shape of %s", sql)
          .doesNotContain(SECRET)
          .doesNotContainPattern("[0-9]");
      if (!shape.endsWith(SqlNormalizer.TRUNCATION_MARKER)) { // a cut list ends uncollapsed
        assertThat(shape).as("shape of %s", sql).doesNotContain("IN (?,").doesNotContain("), (");
      }
      assertThat(SqlNormalizer.shape(shape, SqlDialect.OTHER).text())
          .as("shape of shape of %s", sql)
          .isEqualTo(shape);
    }
  }

  @Test
  void randomCharactersNeverThrowAndStayBounded() {
    String alphabet = "'\"`[](){}$-+/*#?:;,.\\eEqQxXnNbBuU&0123456789 \n\t\u00e9\u540d\uD83D\uDE00";
    for (int i = 0; i < 3_000; i++) {
      int len = random.nextInt(400);
      StringBuilder sb = new StringBuilder(len);
      for (int j = 0; j < len; j++) {
        int pick = random.nextInt(10);
        if (pick == 0) {
          sb.append((char) random.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
        } else if (pick == 1) {
          sb.append(CONTENT_PIECES[random.nextInt(CONTENT_PIECES.length)]);
        } else {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String sql = sb.toString();
      for (SqlDialect dialect : SqlDialect.values()) {
        String shape = SqlNormalizer.shape(sql, dialect).text();
        assertThat(shape.length())
            .isLessThanOrEqualTo(MAX_OUTPUT)
            .isLessThanOrEqualTo(sql.length() + 2); // a cut adds " \u2026"
        assertThat(shape).doesNotStartWith(" ").doesNotEndWith(" ");
        Fingerprint.of(shape);
      }
    }
  }

  @Test
  void adversarialInputsNormaliseInLinearTime() {
    Map<String, String> inputs = adversarialInputs();
    // warm up the JIT on a mid-sized mix so the timings below measure the algorithm
    for (int i = 0; i < 3; i++) {
      SqlNormalizer.shape(randomStatement().repeat(2_000), SqlDialect.POSTGRESQL).text();
    }
    for (SqlDialect dialect : SqlDialect.values()) {
      for (Map.Entry<String, String> input : inputs.entrySet()) {
        String what = dialect + " " + input.getKey();
        long start = System.nanoTime();
        QueryShape queryShape = SqlNormalizer.shape(input.getValue(), dialect);
        String shape = queryShape.text();
        String operation = queryShape.operation();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("%s took %d ms", what, millis).isLessThan(1_000);
        assertThat(shape.length()).as(what).isLessThanOrEqualTo(MAX_OUTPUT);
        assertThat(operation.length()).as(what).isLessThanOrEqualTo(24);
        assertThat(shape).as(what).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void oneMegabyteInsertNormalisesWellUnderASecond() {
    // every row collapses, so the scanner reads all of the megabyte
    StringBuilder sb = new StringBuilder("INSERT INTO t (a, b) VALUES ");
    while (sb.length() < 1_000_000) {
      sb.append("(").append(number()).append(", 'it''s ");
      sb.append(content().replace("'", "''")).append("'), ");
    }
    String sql = sb.append("(1, 2)").toString();
    assertThat(SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL).text())
        .isEqualTo("INSERT INTO t (a, b) VALUES (?, ?)");
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL).text();
      best = Math.min(best, System.nanoTime() - start);
    }
    assertThat(best / 1_000_000).as("ms for 1 MB").isLessThan(500);
  }

  @Test
  void unterminatedLiteralsOfEveryKindCutTheShape() {
    String[] openers = {
      "'", "E'", "N'", "X'", "B'", "U&'", "q'[", "q'{", "q'(", "q'<", "q'!", "nq'[", "$$", "$body$",
      "\"", "`", "'\\'", "'it''s "
    };
    for (String opener : openers) {
      String sql = "SELECT a FROM t WHERE b = " + opener + SECRET + " 123 ) , -- /* (";
      assertThat(SqlNormalizer.shape(sql, SqlDialect.OTHER).text())
          .as(opener)
          .isEqualTo("SELECT a FROM t WHERE b = \u2026");
    }
    assertThat(SqlNormalizer.shape("SELECT [" + SECRET, SqlDialect.OTHER).text())
        .isEqualTo("SELECT \u2026");
    assertThat(SqlNormalizer.shape("SELECT a /* " + SECRET + " 123", SqlDialect.OTHER).text())
        .isEqualTo("SELECT a \u2026");
    assertThat(SqlNormalizer.shape("SELECT a -- " + SECRET + " 123", SqlDialect.OTHER).text())
        .isEqualTo("SELECT a");
  }

  private static Map<String, String> adversarialInputs() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("10 000 quotes", "'".repeat(10_000));
    m.put("10 001 quotes", "'".repeat(10_001) + SECRET);
    m.put("quote pairs", "'a'".repeat(100_000));
    m.put("backslash quotes", "'" + "\\'".repeat(100_000));
    m.put("double quotes", "\"".repeat(100_001) + SECRET);
    m.put("backticks", "`".repeat(100_001) + SECRET);
    StringBuilder in = new StringBuilder("SELECT * FROM t WHERE id IN (");
    for (int i = 0; i < 100_000; i++) {
      in.append(i).append(i % 2 == 0 ? ", " : ",");
    }
    m.put("100 000-element IN list", in.append("-1)").toString());
    StringBuilder values = new StringBuilder("INSERT INTO t VALUES ");
    for (int i = 0; i < 50_000; i++) {
      values
          .append("(")
          .append(i)
          .append(", '")
          .append(SECRET)
          .append("', $")
          .append(i)
          .append("), ");
    }
    m.put("50 000-row VALUES", values.append("(1, 'x', $0)").toString());
    m.put("100 000 open parens", "(".repeat(100_000));
    m.put("100 000 nested parens", "(".repeat(100_000) + "1" + ")".repeat(100_000));
    m.put("100 000 close parens", ")".repeat(100_000));
    m.put("nested IN lists", "x IN (".repeat(50_000) + "1" + ", 2)".repeat(50_000));
    m.put("nested VALUES", "VALUES (".repeat(50_000) + "1" + "), (2)".repeat(50_000));
    m.put("open brackets", "[".repeat(100_000) + SECRET);
    m.put("ARRAY brackets", "ARRAY[".repeat(100_000) + "1" + "]".repeat(100_000));
    m.put("dollars", "$".repeat(100_002) + SECRET);
    m.put("dollar tags", "$a$".repeat(100_001) + SECRET);
    String tag = "$" + "t".repeat(63) + "$";
    m.put("near-miss dollar tags", tag + ("$" + "t".repeat(62) + "u").repeat(15_000) + SECRET);
    m.put("long dollar tag", "$" + "t".repeat(500_000) + "$ x");
    m.put("dashes", "-".repeat(1_000_000));
    m.put("minus ones", "-1".repeat(500_000));
    m.put("comment openers", "/*".repeat(500_000) + SECRET);
    m.put("comment closers", "*/".repeat(500_000));
    m.put("alternating comments", "/*/".repeat(300_000));
    m.put("line comments", "--\n".repeat(300_000));
    m.put("hashes", "# x\n#".repeat(200_000));
    m.put("q-quote openers", "q'[".repeat(300_000) + SECRET);
    m.put("q-quote near misses", "q'[" + "]".repeat(500_000) + SECRET);
    m.put("exponents", "1e".repeat(500_000));
    m.put("hex", "0x".repeat(500_000));
    m.put("markers", "?".repeat(1_000_000));
    m.put("colons", ":".repeat(1_000_000));
    m.put("backslashes in string", "'" + "\\".repeat(1_000_000));
    m.put("one long word", "a".repeat(1_000_000));
    m.put("one long number", "9".repeat(1_000_000));
    m.put("long whitespace", "SELECT" + " \n\t".repeat(300_000) + "1");
    m.put("random Unicode", randomUnicode(new Random(7), 1_000_000));
    m.put("lone surrogates", "\uD800".repeat(300_000) + "\uDC00".repeat(300_000));
    m.put("WITH chains", "WITH ".repeat(200_000));
    return m;
  }

  private static String randomUnicode(Random r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) r.nextInt(0x10000));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // random SQL with literals in literal positions; identifiers and keywords carry no digits

  private String randomStatement() {
    switch (random.nextInt(3)) {
      case 0:
        return randomSelect();
      case 1:
        return randomInsert();
      default:
        return "UPDATE t" + gap() + "SET a =" + gap() + literal() + gap() + "WHERE " + condition();
    }
  }

  private String randomSelect() {
    StringBuilder sb = new StringBuilder("SELECT a, \"Quoted Col\", f(" + literal() + ")");
    sb.append(gap()).append("FROM t").append(gap()).append("WHERE ").append(condition());
    int more = random.nextInt(4);
    for (int i = 0; i < more; i++) {
      sb.append(gap()).append(random.nextBoolean() ? "AND " : "OR ").append(condition());
    }
    return sb.toString();
  }

  private String randomInsert() {
    StringBuilder sb = new StringBuilder("INSERT INTO t (a, b) VALUES ");
    int rows = 1 + random.nextInt(4);
    for (int i = 0; i < rows; i++) {
      sb.append(i == 0 ? "" : ", ").append("(").append(literal()).append(",").append(gap());
      sb.append(literal()).append(")");
    }
    return sb.toString();
  }

  private String condition() {
    switch (random.nextInt(5)) {
      case 0:
        return "a" + gap() + "=" + gap() + literal();
      case 1:
        {
          StringBuilder sb = new StringBuilder("b IN (");
          int n = 1 + random.nextInt(5);
          for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "," + gap()).append(literal());
          }
          return sb.append(")").toString();
        }
      case 2:
        return "c BETWEEN " + literal() + gap() + "AND " + literal();
      case 3:
        return "d" + gap() + "<>" + literal();
      default:
        return "(e" + gap() + "LIKE" + gap() + literal() + ")";
    }
  }

  /** Whitespace or a comment that hides a secret. */
  private String gap() {
    switch (random.nextInt(6)) {
      case 0:
        return " /* " + content().replace("*", "").replace("/", "") + " */ ";
      case 1:
        return " -- " + content().replace("\n", "").replace("\r", "").replace("\u2028", "") + "\n";
      case 2:
        return " # " + content().replace("\n", "").replace("\r", "").replace("\u2028", "") + "\n";
      case 3:
        return "\n\t ";
      default:
        return " ";
    }
  }

  /** A literal of a random kind with random content containing the secret. */
  private String literal() {
    String content = content();
    String escaped = content.replace("\\", "\\\\");
    // SQL standard doubles quotes, MySQL may escape them with a backslash: mix both
    escaped = random.nextBoolean() ? escaped.replace("'", "''") : escaped.replace("'", "\\'");
    switch (random.nextInt(12)) {
      case 0:
        return number();
      case 1:
        return "-" + number();
      case 2:
        return "E'" + escaped + "'";
      case 3:
        return (random.nextBoolean() ? "N'" : "n'") + escaped + "'";
      case 4:
        return (random.nextBoolean() ? "X'" : "b'") + escaped + "'";
      case 5:
        return "U&'" + escaped + "'";
      case 6:
        {
          String[][] delimiters = {{"[", "]"}, {"{", "}"}, {"(", ")"}, {"<", ">"}, {"!", "!"}};
          String[] d = delimiters[random.nextInt(delimiters.length)];
          return "q'" + d[0] + content.replace(d[1], "") + d[1] + "'";
        }
      case 7:
        return "$$" + content.replace("$", "") + "$$";
      case 8:
        return "$body$" + content.replace("$", "") + "$body$";
      case 9:
        return "0x" + Integer.toHexString(random.nextInt());
      default:
        return "'" + escaped + "'";
    }
  }

  private String number() {
    StringBuilder sb = new StringBuilder();
    sb.append(random.nextInt(100_000));
    if (random.nextBoolean()) {
      sb.append('.').append(random.nextInt(1000));
    }
    if (random.nextInt(4) == 0) {
      sb.append(random.nextBoolean() ? "e" : "E-").append(random.nextInt(30));
    }
    return sb.toString();
  }

  private String content() {
    List<String> pieces = new ArrayList<>();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      pieces.add(CONTENT_PIECES[random.nextInt(CONTENT_PIECES.length)]);
    }
    pieces.add(random.nextInt(pieces.size() + 1), SECRET);
    return String.join("", pieces);
  }
}
