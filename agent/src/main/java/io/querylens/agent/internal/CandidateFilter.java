package io.querylens.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, from class files alone, which classes the agent rewrites: those that are, extend or
 * implement {@code DataSource}, {@code Driver}, or a {@code javax}/{@code jakarta} {@code Servlet}
 * or {@code Filter}, and which of these roles they have. It runs for every class the JVM loads, so
 * it reads only the class file's header (super class, interfaces) and method names, never loads a
 * class, and looks at the hierarchy only of the few classes that declare a method of a role.
 *
 * <p>A class is transformed before its super types are loaded, so a super type not seen yet is read
 * from its class loader's resources (the loader delegates, so a super class of a parent loader is
 * found). Verdicts are remembered by class name for the JVM's life (one map entry per candidate and
 * per super type read), across class loaders; two loaders defining the same name with different
 * super types could get a wrong verdict, which we accept.
 */
final class CandidateFilter {
  /** A role: {@code javax.sql.DataSource}; its {@code getConnection} methods are rewritten. */
  static final int DATA_SOURCE = 1;

  /** A role: {@code java.sql.Driver}; its {@code connect} method is rewritten. */
  static final int DRIVER = 2;

  /** A role: a servlet or filter; its {@code service}/{@code doFilter} methods are rewritten. */
  static final int SERVLET = 4;

  /** Internal names of the types whose implementations are instrumented, and their roles. */
  private static final Map<String, Integer> ROOTS =
      Map.of(
          "javax/sql/DataSource", DATA_SOURCE,
          "java/sql/Driver", DRIVER,
          "javax/servlet/Servlet", SERVLET,
          "jakarta/servlet/Servlet", SERVLET,
          "javax/servlet/Filter", SERVLET,
          "jakarta/servlet/Filter", SERVLET);

  /**
   * Classes that declare the connection methods of DataSources without being one themselves, by
   * internal name: Tomcat JDBC pool's {@code DataSourceProxy}, the base of its {@code DataSource}
   * and {@code XADataSource}, is loaded (as their super class) before them, and they inherit its
   * {@code getConnection}; without this its borrows would not be seen (decision 0030).
   */
  private static final Map<String, Integer> DECLARING_BASES =
      Map.of("org/apache/tomcat/jdbc/pool/DataSourceProxy", DATA_SOURCE);

  /** Packages of the JDK, which implements none of {@link #ROOTS} in a class one can extend. */
  private static final String[] JDK = {
    "java/", "jdk/", "sun/", "com/sun/", "javax/sql/", "javax/naming/", "javax/management/"
  };

  private static final int ACC_INTERFACE = 0x0200;
  private static final int MAX_DEPTH = 64;

  /** The roles of each class or interface seen (0: none). */
  private final Map<String, Integer> verdicts = new ConcurrentHashMap<>();

  /**
   * The roles of the class {@code className} defined by {@code bytes} in {@code loader}: a bit set
   * of {@link #DATA_SOURCE}, {@link #DRIVER} and {@link #SERVLET}, each only if the class also
   * declares a method rewritten for it ({@link RewrittenMethods}); 0 for an interface, a class with
   * none, a JDK or QueryLens class, or a malformed class file (the JVM reports that, not us).
   */
  int roles(ClassLoader loader, String className, byte[] bytes) {
    if (className.startsWith("io/querylens/") || jdk(className)) {
      return 0;
    }
    try {
      Header header = Header.read(bytes);
      // most classes declare no method that is rewritten: their hierarchy is never read
      if (header == null || (header.access & ACC_INTERFACE) != 0 || header.declared == 0) {
        return 0;
      }
      int roles = roles(loader, header, 0) | DECLARING_BASES.getOrDefault(className, 0);
      verdicts.put(className, roles);
      return roles & header.declared;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Whether a loaded class may have a role, by the names of its super types: the classes a dynamic
   * attach retransforms, which {@link #roles(ClassLoader, String, byte[])} then decides.
   */
  static boolean mayHaveRoles(Class<?> type) {
    if (type == null) {
      return false;
    }
    String name = type.getName().replace('.', '/');
    if (ROOTS.containsKey(name) || DECLARING_BASES.containsKey(name)) {
      return true;
    }
    for (Class<?> each : type.getInterfaces()) {
      if (mayHaveRoles(each)) {
        return true;
      }
    }
    return mayHaveRoles(type.getSuperclass());
  }

  private int roles(ClassLoader loader, Header header, int depth) {
    int roles = roles(loader, header.superName(), depth);
    for (int i = 0; i < header.interfaceCount(); i++) {
      roles |= roles(loader, header.interfaceName(i), depth);
    }
    return roles;
  }

  private int roles(ClassLoader loader, String name, int depth) {
    if (name == null) {
      return 0;
    }
    Integer root = ROOTS.get(name);
    if (root != null) {
      return root;
    }
    if (jdk(name) || depth >= MAX_DEPTH) {
      return 0;
    }
    Integer known = verdicts.get(name);
    if (known != null) {
      return known;
    }
    Header header = Header.read(resource(loader, name));
    int roles = header == null ? 0 : roles(loader, header, depth + 1);
    verdicts.put(name, roles);
    return roles;
  }

  private static boolean jdk(String name) {
    for (String prefix : JDK) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The class file of a super type not seen yet, or null if its loader has none. */
  private static byte[] resource(ClassLoader loader, String name) {
    ClassLoader from = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
    try (InputStream in = from.getResourceAsStream(name + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The part of a class file this filter reads: access flags, super class, interfaces and the roles
   * of the methods it declares. The super type names are decoded only when asked for: most classes
   * are rejected before.
   */
  static final class Header {
    final int access;
    final int declared;
    private final byte[] b;
    private final int[] offsets;

    /** The offset of the super class index, followed by the interfaces count and indices. */
    private final int superAt;

    private Header(int access, int declared, byte[] b, int[] offsets, int superAt) {
      this.access = access;
      this.declared = declared;
      this.b = b;
      this.offsets = offsets;
      this.superAt = superAt;
    }

    /** The internal name of the super class; null for {@code java.lang.Object}. */
    String superName() {
      return className(b, offsets, u2(b, superAt));
    }

    int interfaceCount() {
      return u2(b, superAt + 2);
    }

    /** The internal name of the {@code i}th interface. */
    String interfaceName(int i) {
      return className(b, offsets, u2(b, superAt + 4 + 2 * i));
    }

    /** Reads the header, skipping the constant pool but for the offsets of its entries. */
    static Header read(byte[] b) {
      if (b == null || b.length < 10 || u4(b, 0) != 0xCAFEBABE) {
        return null;
      }
      int count = u2(b, 8);
      int[] offsets = new int[count];
      int at = 10;
      for (int i = 1; i < count; i++) {
        offsets[i] = at;
        int tag = b[at] & 0xFF;
        switch (tag) {
          case 1: // Utf8
            at += 3 + u2(b, at + 1);
            break;
          case 7: // Class
          case 8: // String
          case 16: // MethodType
          case 19: // Module
          case 20: // Package
            at += 3;
            break;
          case 15: // MethodHandle
            at += 4;
            break;
          case 3: // Integer
          case 4: // Float
          case 9: // Fieldref
          case 10: // Methodref
          case 11: // InterfaceMethodref
          case 12: // NameAndType
          case 17: // Dynamic
          case 18: // InvokeDynamic
            at += 5;
            break;
          case 5: // Long
          case 6: // Double
            at += 9;
            i++;
            break;
          default:
            return null;
        }
      }
      int access = u2(b, at);
      int superAt = at + 4;
      int methods = skipMembers(b, at + 8 + 2 * u2(b, at + 6)); // the fields
      return new Header(access, declared(b, offsets, methods), b, offsets, superAt);
    }

    /** The offset after the fields or methods table at {@code at}. */
    private static int skipMembers(byte[] b, int at) {
      int count = u2(b, at);
      at += 2;
      for (int i = 0; i < count; i++) {
        at = skipAttributes(b, at + 6);
      }
      return at;
    }

    private static int skipAttributes(byte[] b, int at) {
      int count = u2(b, at);
      at += 2;
      for (int i = 0; i < count; i++) {
        at += 6 + u4(b, at + 2);
      }
      return at;
    }

    /** The roles of the methods of the methods table at {@code at} that are rewritten. */
    private static int declared(byte[] b, int[] offsets, int at) {
      int declared = 0;
      int count = u2(b, at);
      at += 2;
      for (int i = 0; i < count; i++) {
        int access = u2(b, at);
        int name = offsets[u2(b, at + 2)];
        if (rewrittenName(b, name)) {
          declared |= RewrittenMethods.role(access, utf8(b, name), utf8(b, offsets[u2(b, at + 4)]));
        }
        at = skipAttributes(b, at + 6);
      }
      return declared;
    }

    /** Whether the Utf8 constant at {@code utf8} is one of {@link RewrittenMethods#NAMES}. */
    private static boolean rewrittenName(byte[] b, int utf8) {
      int length = u2(b, utf8 + 1);
      for (String name : RewrittenMethods.NAMES) {
        if (name.length() == length && ascii(b, utf8 + 3, name)) {
          return true;
        }
      }
      return false;
    }

    private static boolean ascii(byte[] b, int at, String s) {
      for (int i = 0; i < s.length(); i++) {
        if (b[at + i] != s.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private static String className(byte[] b, int[] offsets, int index) {
      if (index == 0) {
        return null; // java.lang.Object and module-info have no super class
      }
      return utf8(b, offsets[u2(b, offsets[index] + 1)]);
    }

    /** The Utf8 constant at {@code utf8}. */
    private static String utf8(byte[] b, int utf8) {
      // names are plain UTF-8 in practice; modified UTF-8 differs only for NUL and surrogates
      return new String(b, utf8 + 3, u2(b, utf8 + 1), StandardCharsets.UTF_8);
    }

    private static int u2(byte[] b, int at) {
      return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u4(byte[] b, int at) {
      return (u2(b, at) << 16) | u2(b, at + 2);
    }
  }
}
