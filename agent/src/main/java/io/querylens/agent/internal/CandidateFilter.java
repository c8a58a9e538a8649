package io.querylens.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The transformer installed at {@code premain}, in front of Byte Buddy: it reads only the header of
 * each class file loaded (super class and interfaces) and hands Byte Buddy's transformer the few
 * classes that may implement {@code DataSource}, {@code Driver}, {@code Servlet} or {@code Filter}
 * ({@code javax} and {@code jakarta}). Byte Buddy then matches those precisely; it is created on
 * the first such class, so that a JVM loading none never loads it.
 *
 * <p>A class is transformed before its super types are loaded, so a super type not seen yet is read
 * from its class loader's resources, as Byte Buddy's type pool would. Verdicts are remembered by
 * class name for the JVM's life (one map entry per class or interface seen), across class loaders:
 * a class whose interface comes through a super class of a parent loader is found. Two loaders
 * defining the same name with different super types could get a wrong verdict; we accept that. Not
 * used on a dynamic attach, where Byte Buddy retransforms the classes already loaded.
 */
final class CandidateFilter implements ClassFileTransformer {
  /** Internal names of the types whose implementations are instrumented. */
  private static final Set<String> ROOTS =
      Set.of(
          "javax/sql/DataSource",
          "java/sql/Driver",
          "javax/servlet/Servlet",
          "jakarta/servlet/Servlet",
          "javax/servlet/Filter",
          "jakarta/servlet/Filter");

  /** Packages of the JDK, which implements none of {@link #ROOTS} in a class one can extend. */
  private static final String[] JDK = {
    "java/", "jdk/", "sun/", "com/sun/", "javax/sql/", "javax/naming/", "javax/management/"
  };

  private static final int ACC_INTERFACE = 0x0200;
  private static final int MAX_DEPTH = 64;

  /** Whether a class or interface is, extends or implements one of {@link #ROOTS}. */
  private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

  private final Supplier<ClassFileTransformer> factory;
  private volatile ClassFileTransformer delegate;
  private volatile boolean failed;

  /** Guarded by {@code this}: a class loaded while Byte Buddy is being created must not recurse. */
  private boolean creating;

  /** {@code factory} makes Byte Buddy's transformer, once, on the first candidate. */
  CandidateFilter(Supplier<ClassFileTransformer> factory) {
    this.factory = factory;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] bytes)
      throws IllegalClassFormatException {
    if (className == null || !candidate(loader, className, bytes)) {
      return null;
    }
    ClassFileTransformer byteBuddy = delegate();
    return byteBuddy == null
        ? null
        : byteBuddy.transform(module, loader, className, classBeingRedefined, domain, bytes);
  }

  /** Whether Byte Buddy should see {@code className}: a class (not an interface) of a root. */
  boolean candidate(ClassLoader loader, String className, byte[] bytes) {
    if (className.startsWith("io/querylens/") || jdk(className)) {
      return false;
    }
    try {
      Header header = Header.read(bytes);
      if (header == null) {
        return false;
      }
      boolean relevant = relevant(loader, header, 0);
      verdicts.put(className, relevant);
      return relevant && (header.access & ACC_INTERFACE) == 0;
    } catch (RuntimeException e) {
      return false; // a malformed class file: the JVM reports it, not us
    }
  }

  private ClassFileTransformer delegate() {
    ClassFileTransformer byteBuddy = delegate;
    if (byteBuddy != null || failed) {
      return byteBuddy;
    }
    synchronized (this) {
      if (delegate == null && !failed && !creating) {
        creating = true;
        try {
          delegate = factory.get();
        } catch (Throwable t) { // nothing is instrumented, the application runs
          failed = true;
          try {
            org.slf4j.LoggerFactory.getLogger("io.querylens.agent")
                .error("QueryLens could not create its instrumentation; nothing instrumented", t);
          } catch (Throwable ignored) {
            System.err.println("[QueryLens] ERROR could not create its instrumentation: " + t);
          }
        } finally {
          creating = false;
        }
      }
      return delegate;
    }
  }

  private boolean relevant(ClassLoader loader, Header header, int depth) {
    if (relevant(loader, header.superName, depth)) {
      return true;
    }
    for (String name : header.interfaces) {
      if (relevant(loader, name, depth)) {
        return true;
      }
    }
    return false;
  }

  private boolean relevant(ClassLoader loader, String name, int depth) {
    if (name == null) {
      return false;
    }
    if (ROOTS.contains(name)) {
      return true;
    }
    if (jdk(name) || depth >= MAX_DEPTH) {
      return false;
    }
    Boolean known = verdicts.get(name);
    if (known != null) {
      return known;
    }
    Header header = Header.read(resource(loader, name));
    boolean relevant = header != null && relevant(loader, header, depth + 1);
    verdicts.put(name, relevant);
    return relevant;
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

  /** The part of a class file this filter reads: access flags, super class and interfaces. */
  static final class Header {
    final int access;
    final String superName;
    final String[] interfaces;

    private Header(int access, String superName, String[] interfaces) {
      this.access = access;
      this.superName = superName;
      this.interfaces = interfaces;
    }

    /** Reads the header, skipping the constant pool but for the class names it needs. */
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
      String superName = className(b, offsets, u2(b, at + 4));
      int n = u2(b, at + 6);
      String[] interfaces = new String[n];
      for (int i = 0; i < n; i++) {
        interfaces[i] = className(b, offsets, u2(b, at + 8 + 2 * i));
      }
      return new Header(access, superName, interfaces);
    }

    private static String className(byte[] b, int[] offsets, int index) {
      if (index == 0) {
        return null; // java.lang.Object and module-info have no super class
      }
      int utf8 = offsets[u2(b, offsets[index] + 1)];
      // class names are plain UTF-8 in practice; modified UTF-8 differs only for NUL and surrogates
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
