package io.querylens.agent.internal;

import io.querylens.core.intercept.Faults;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Names a servlet request as a unit of work: {@code METHOD route}, with the route template when the
 * framework published one (Spring MVC's {@code
 * org.springframework.web.servlet.HandlerMapping.bestMatchingPattern} attribute: {@code GET
 * /owners/{id}}), else the request URI with id-like segments folded to <code>{id}</code>.
 *
 * <p>The agent has no servlet API on its class path and loads none: the request's {@code
 * getMethod}, {@code getRequestURI} and {@code getAttribute} are found by name on the {@code
 * HttpServletRequest} interface ({@code javax} or {@code jakarta}) the request's class implements,
 * once per request class, and called through method handles. Never throws.
 */
final class RequestNames {
  /** The name of a request that is not an HTTP one, or whose accessors failed. */
  static final String UNKNOWN = "(request)";

  /** The request attribute where Spring MVC puts the matched route template. */
  static final String SPRING_ROUTE =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  static final String ID = "{id}";

  private static final Accessors NONE = new Accessors(null, null, null);

  private static final ClassValue<Accessors> accessors =
      new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
          return Accessors.find(type);
        }
      };

  private RequestNames() {}

  /** {@code request}'s name; {@link #UNKNOWN} if it cannot be read. */
  static String of(Object request) {
    try {
      Accessors a = accessors.get(request.getClass());
      if (a == NONE) {
        return UNKNOWN;
      }
      String method = (String) a.method.invokeExact(request);
      Object route = a.attribute.invokeExact(request, SPRING_ROUTE);
      String path = route != null ? route.toString() : foldIds((String) a.uri.invokeExact(request));
      return method + " " + path;
    } catch (Throwable t) {
      Faults.report("agent request name", t);
      return UNKNOWN;
    }
  }

  /**
   * {@code uri} with each id-like segment (digits, a UUID, 16 or more hex digits) replaced by
   * <code>{id}</code> and path parameters ({@code ;jsessionid=...}) dropped.
   */
  static String foldIds(String uri) {
    if (uri == null || uri.isEmpty()) {
      return "/";
    }
    StringBuilder sb = null;
    int start = 0;
    int n = uri.length();
    while (start <= n) {
      int end = uri.indexOf('/', start);
      if (end < 0) {
        end = n;
      }
      int semi = uri.indexOf(';', start);
      int segEnd = semi >= 0 && semi < end ? semi : end;
      boolean id = isId(uri, start, segEnd);
      if (sb == null && (id || segEnd != end)) {
        sb = new StringBuilder(n).append(uri, 0, start);
      }
      if (sb != null) {
        if (id) {
          sb.append(ID);
        } else {
          sb.append(uri, start, segEnd);
        }
        if (end < n) {
          sb.append('/');
        }
      }
      start = end + 1;
    }
    return sb == null ? uri : sb.toString();
  }

  /** Whether {@code s[from, to)} is all digits, a UUID, or 16 or more hex digits. */
  static boolean isId(String s, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return false;
    }
    boolean digits = true;
    boolean hex = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean d = c >= '0' && c <= '9';
      digits &= d;
      hex &= d || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    if (digits || (hex && len >= 16)) {
      return true;
    }
    return len == 36 && isUuid(s, from);
  }

  private static boolean isUuid(String s, int from) {
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(from + i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /** Method handles on one request class, typed {@code (Object)String} and so on. */
  private record Accessors(MethodHandle method, MethodHandle uri, MethodHandle attribute) {
    private static final Set<String> HTTP_REQUESTS =
        Set.of("javax.servlet.http.HttpServletRequest", "jakarta.servlet.http.HttpServletRequest");

    static Accessors find(Class<?> type) {
      try {
        Class<?> api = httpRequestInterface(type);
        if (api == null) {
          return NONE;
        }
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType string = MethodType.methodType(String.class);
        return new Accessors(
            lookup
                .findVirtual(api, "getMethod", string)
                .asType(MethodType.methodType(String.class, Object.class)),
            lookup
                .findVirtual(api, "getRequestURI", string)
                .asType(MethodType.methodType(String.class, Object.class)),
            lookup
                .findVirtual(api, "getAttribute", MethodType.methodType(Object.class, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class)));
      } catch (Throwable t) {
        Faults.report("agent request accessors", t);
        return NONE;
      }
    }

    /** The {@code HttpServletRequest} interface {@code type} implements, or null. */
    private static Class<?> httpRequestInterface(Class<?> type) {
      ArrayDeque<Class<?>> todo = new ArrayDeque<>();
      Set<Class<?>> seen = new HashSet<>();
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        todo.add(c);
      }
      while (!todo.isEmpty()) {
        Class<?> c = todo.poll();
        if (!seen.add(c)) {
          continue;
        }
        if (c.isInterface() && HTTP_REQUESTS.contains(c.getName())) {
          return c;
        }
        for (Class<?> i : c.getInterfaces()) {
          todo.add(i);
        }
      }
      return null;
    }
  }
}
