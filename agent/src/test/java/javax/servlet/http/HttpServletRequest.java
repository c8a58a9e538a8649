package javax.servlet.http;

/**
 * A stand-in for the servlet API's request interface, with only the methods the agent reads: the
 * agent finds them by this interface's name, so its tests need no servlet container.
 */
public interface HttpServletRequest {
  String getMethod();

  String getRequestURI();

  Object getAttribute(String name);
}
