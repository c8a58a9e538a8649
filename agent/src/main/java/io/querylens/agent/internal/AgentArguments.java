package io.querylens.agent.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the agent's argument string {@code key=value,key=value}: keys are {@code querylens.*}
 * configuration keys, usually without the prefix. A comma inside a list value is kept: a part
 * without {@code =} continues the previous value ({@code callsite.app-packages=com.a,com.b}).
 */
final class AgentArguments {
  private AgentArguments() {}

  /**
   * The keys and values in {@code args} (empty for {@code null} or blank); a part that cannot be
   * read becomes a message in {@code problems}.
   */
  static Map<String, String> parse(String args, List<String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == null || args.isBlank()) {
      return out;
    }
    String lastKey = null;
    for (String part : args.split(",", -1)) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        if (lastKey != null) {
          out.put(lastKey, out.get(lastKey) + "," + part);
        } else {
          problems.add(
              "agent argument \"" + part + "\" is not key=value; ignored (use key=value,...)");
        }
        continue;
      }
      String key = part.substring(0, eq).trim();
      if (key.isEmpty()) {
        problems.add("agent argument \"" + part + "\" has no key; ignored");
        lastKey = null;
        continue;
      }
      out.put(key, part.substring(eq + 1));
      lastKey = key;
    }
    return out;
  }
}
