package io.querylens.agent.internal;

/**
 * Which methods the agent rewrites: {@code getConnection()} and {@code getConnection(String,
 * String)} of a DataSource, {@code connect(String, Properties)} of a Driver (all returning {@code
 * java.sql.Connection}), and {@code void service(request, response)} and {@code void
 * doFilter(request, response, chain)} of a servlet or filter, whose first argument is a {@code
 * javax}/{@code jakarta} {@code ServletRequest} or {@code HttpServletRequest}; abstract, native and
 * static methods are left alone. Matched by name and descriptor: nothing is loaded.
 */
final class RewrittenMethods {
  private static final String CONNECTION = "Ljava/sql/Connection;";
  private static final String[] SERVLET_REQUESTS = {
    "Ljavax/servlet/ServletRequest;",
    "Ljavax/servlet/http/HttpServletRequest;",
    "Ljakarta/servlet/ServletRequest;",
    "Ljakarta/servlet/http/HttpServletRequest;"
  };

  /** The names of the methods {@link #role} may accept, for a quick look at a class file. */
  static final String[] NAMES = {"getConnection", "connect", "service", "doFilter"};

  /** Access flags of the methods left alone: abstract, native, static. */
  static final int SKIPPED = 0x0400 | 0x0100 | 0x0008;

  /**
   * The role ({@link CandidateFilter}'s bit) whose classes have a method {@code access} {@code
   * name} {@code descriptor} rewritten, or 0 if none does.
   */
  static int role(int access, String name, String descriptor) {
    if ((access & SKIPPED) != 0) {
      return 0;
    }
    switch (name) {
      case "getConnection":
        return descriptor.equals("()" + CONNECTION)
                || descriptor.equals("(Ljava/lang/String;Ljava/lang/String;)" + CONNECTION)
            ? CandidateFilter.DATA_SOURCE
            : 0;
      case "connect":
        return descriptor.equals("(Ljava/lang/String;Ljava/util/Properties;)" + CONNECTION)
            ? CandidateFilter.DRIVER
            : 0;
      case "service": // Servlet.service(ServletRequest, ServletResponse) and HttpServlet's
        return servlet(descriptor, 2);
      case "doFilter": // Filter.doFilter(ServletRequest, ServletResponse, FilterChain)
        return servlet(descriptor, 3);
      default:
        return 0;
    }
  }

  /** SERVLET for a void method of {@code arguments} arguments taking a request first. */
  private static int servlet(String descriptor, int arguments) {
    if (descriptor.endsWith(")V") && argumentCount(descriptor) == arguments) {
      for (String request : SERVLET_REQUESTS) {
        if (descriptor.startsWith(request, 1)) {
          return CandidateFilter.SERVLET;
        }
      }
    }
    return 0;
  }

  /** The number of arguments of a method descriptor. */
  private static int argumentCount(String descriptor) {
    int count = 0;
    int at = 1;
    while (descriptor.charAt(at) != ')') {
      while (descriptor.charAt(at) == '[') {
        at++;
      }
      at = descriptor.charAt(at) == 'L' ? descriptor.indexOf(';', at) + 1 : at + 1;
      count++;
    }
    return count;
  }

  private RewrittenMethods() {}
}
