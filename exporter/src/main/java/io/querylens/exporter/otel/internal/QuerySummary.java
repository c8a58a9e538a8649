package io.querylens.exporter.otel.internal;

import io.querylens.core.QueryShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The low-cardinality summary of a query shape that the database conventions name {@code
 * db.query.summary}: the operation followed by the tables it touches, {@code SELECT owners} or
 * {@code SELECT owners pets}; and the one table as {@code db.collection.name} when there is exactly
 * one. Read from the shape's masked text, so it never holds a literal.
 */
final class QuerySummary {
  /** Tables named in a summary at most; the conventions ask for a short, bounded text. */
  static final int MAX_TABLES = 3;

  /** {@code db.query.summary}, or null when the shape has no operation. */
  final String summary;

  /** {@code db.collection.name}: the one table, or null when there is not exactly one. */
  final String collection;

  private QuerySummary(String summary, String collection) {
    this.summary = summary;
    this.collection = collection;
  }

  /** The summary of {@code shape}. */
  static QuerySummary of(QueryShape shape) {
    String operation = shape.operation();
    if (operation.isEmpty()) {
      return new QuerySummary(null, null);
    }
    List<String> tables = tables(shape.text(), operation);
    StringBuilder sb = new StringBuilder(operation);
    for (String t : tables) {
      sb.append(' ').append(t);
    }
    return new QuerySummary(sb.toString(), tables.size() == 1 ? tables.get(0) : null);
  }

  /** Tables after the keywords that name them for {@code operation}, in order, without repeats. */
  static List<String> tables(String text, String operation) {
    List<String> tables = new ArrayList<>(2);
    List<String> tokens = tokens(text);
    for (int i = 0; i + 1 < tokens.size() && tables.size() < MAX_TABLES; i++) {
      String word = tokens.get(i).toUpperCase(Locale.ROOT);
      boolean names =
          word.equals("FROM")
              || word.equals("JOIN")
              || word.equals("INTO")
              || (word.equals("UPDATE") && i == 0)
              || (word.equals("CALL") && i == 0);
      if (!names) {
        continue;
      }
      String next = tokens.get(i + 1);
      if (isIdentifier(next) && !tables.contains(unquote(next))) {
        tables.add(unquote(next));
      }
    }
    return tables;
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (isIdentifierChar(c)) {
        int start = i;
        while (i < n && isIdentifierChar(text.charAt(i))) {
          i++;
        }
        tokens.add(text.substring(start, i));
      } else if (c == '\'') { // a string literal is a ? in a shape, but skip one anyway
        i = text.indexOf('\'', i + 1);
        i = i < 0 ? n : i + 1;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == '_'
        || c == '$'
        || c == '.'
        || c == '"'
        || c == '`'
        || c == '['
        || c == ']';
  }

  private static boolean isIdentifier(String token) {
    char c = token.charAt(0);
    return Character.isLetter(c) || c == '_' || c == '"' || c == '`' || c == '[';
  }

  private static String unquote(String identifier) {
    StringBuilder sb = new StringBuilder(identifier.length());
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (c != '"' && c != '`' && c != '[' && c != ']') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
