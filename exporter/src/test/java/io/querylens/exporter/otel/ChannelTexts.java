package io.querylens.exporter.otel;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a channel carries, without its measurements: the strings of OTLP messages, of JSON
 * documents, and the names and label values of the Prometheus text format. A marker number such as
 * {@value MarkerWorkload#NUMBER} can turn up by chance inside a timestamp, a duration or an id, so
 * it is looked for in text only; the marker word is looked for everywhere.
 */
final class ChannelTexts {
  private static final Pattern jsonString = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern labelValue = Pattern.compile("=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** A query shape's id (16 hex digits): a hash, which may hold any digits. */
  private static final Pattern shapeId = Pattern.compile("[0-9a-f]{16}");

  private ChannelTexts() {}

  /** Every string field of {@code messages}, at any depth: names, keys, string values, bodies. */
  static List<String> ofProto(Collection<? extends MessageOrBuilder> messages) {
    List<String> out = new ArrayList<>();
    messages.forEach(m -> collect(m, out));
    return out;
  }

  private static void collect(MessageOrBuilder message, List<String> out) {
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      FieldDescriptor field = e.getKey();
      List<?> values = field.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
      for (Object value : values) {
        if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
          out.add((String) value);
        } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          collect((MessageOrBuilder) value, out);
        }
      }
    }
  }

  /** Every string of a JSON document, keys included, unescaped. */
  static List<String> ofJson(String json) {
    List<String> out = new ArrayList<>();
    Matcher m = jsonString.matcher(json);
    while (m.find()) {
      out.add(unescape(m.group(1)));
    }
    return out;
  }

  /** The string values of {@code key} wherever it appears in a JSON document. */
  static List<String> jsonValues(String json, String key) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*" + jsonString).matcher(json);
    while (m.find()) {
      out.add(unescape(m.group(1)));
    }
    return out;
  }

  /**
   * The Prometheus text format without its sample values: comment lines whole, and of each sample
   * its metric name and label values.
   */
  static List<String> ofPrometheus(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        out.add(line);
      } else if (!line.isBlank()) {
        int labels = line.indexOf('{');
        out.add(line.substring(0, labels >= 0 ? labels : line.indexOf(' ')));
        if (labels >= 0) {
          out.addAll(labelValues(line.substring(labels)));
        }
      }
    }
    return out;
  }

  /** The values of {@code label} in the samples of a Prometheus text, unescaped. */
  static List<String> prometheusLabel(String text, String label) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[{,]" + label + labelValue).matcher(text);
    while (m.find()) {
      out.add(unescape(m.group(1)));
    }
    return out;
  }

  private static List<String> labelValues(String labels) {
    List<String> out = new ArrayList<>();
    Matcher m = labelValue.matcher(labels);
    while (m.find()) {
      out.add(unescape(m.group(1)));
    }
    return out;
  }

  /** The texts among {@code texts} that hold a marker. */
  static List<String> withMarker(Collection<String> texts) {
    List<String> out = new ArrayList<>();
    for (String t : texts) {
      if (hasMarker(t)) {
        out.add(t);
      }
    }
    return out;
  }

  static boolean hasMarker(String text) {
    return text.toLowerCase(Locale.ROOT).contains(MarkerWorkload.MARKER.toLowerCase(Locale.ROOT))
        || (text.contains(MarkerWorkload.NUMBER) && !shapeId.matcher(text).matches());
  }

  /** JSON and Prometheus escapes: {@code \"}, {@code \\}, {@code \n}, {@code \}{@code uXXXX}. */
  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n':
          b.append('\n');
          break;
        case 'r':
          b.append('\r');
          break;
        case 't':
          b.append('\t');
          break;
        case 'u':
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
          break;
        default:
          b.append(e);
      }
    }
    return b.toString();
  }
}
