package io.querylens.core.internal.unitofwork;

import io.querylens.core.Detector;
import io.querylens.core.Phase;
import java.lang.StackWalker.StackFrame;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the call site of an execution: the first application frame on the current stack, walked
 * with {@link StackWalker} only when a detector raises a finding (or is about to: a shape reaching
 * the threshold), never per execution.
 *
 * <p>Whether a frame is the application's is judged by where its class was loaded from, so it holds
 * whatever the application's package (an application may live under a framework's own namespace): a
 * class from a directory, from {@code BOOT-INF/classes} or {@code WEB-INF/classes}, or from the
 * JVM's main jar ({@code java -jar}) is the application's; a class from any other jar ({@code
 * BOOT-INF/lib} and {@code WEB-INF/lib} included) or without a code source (the JDK) is a
 * library's. The answer is cached per class ({@link ClassValue}).
 *
 * <p>In order, for each frame from the innermost out:
 *
 * <ol>
 *   <li>QueryLens's own classes ({@code io.querylens.*} except {@code io.querylens.examples.*}) are
 *       never a call site, unless loaded from a build's test output directory, so that QueryLens's
 *       own tests can stand in for an application; nor is any {@link Detector}, which is on the
 *       stack when it raises;
 *   <li>a schema or data script runner ({@link StartupFrames}) is the call site;
 *   <li>a class under {@code querylens.callsite.app-packages} is the call site;
 *   <li>a class under {@code querylens.callsite.skip-packages} is never one;
 *   <li>an application class (by its code source, above) is the call site.
 * </ol>
 *
 * When no frame qualifies, the first frame outside {@link #SKIPPED_PACKAGES} (JDK, drivers, pools,
 * ORMs, frameworks) and the skip-packages is taken; failing that, {@link #UNKNOWN}. The same walk
 * goes on below the call site until a start-up frame tells the {@link Phase}; {@link #phase()}
 * answers that alone.
 */
final class CallSites {
  /** Reported when no frame qualifies or the stack cannot be walked. */
  static final String UNKNOWN = "(unknown)";

  /** Package prefixes of the JDK, drivers, pools, ORMs and frameworks: the fallback's skip list. */
  static final List<String> SKIPPED_PACKAGES =
      List.of(
          "java.",
          "javax.",
          "jakarta.",
          "jdk.",
          "sun.",
          "com.sun.",
          "org.h2.",
          "org.postgresql.",
          "org.mariadb.",
          "com.mysql.",
          "oracle.",
          "com.microsoft.sqlserver.",
          "org.hsqldb.",
          "org.sqlite.",
          "org.apache.",
          "com.zaxxer.",
          "com.mchange.",
          "org.hibernate.",
          "org.eclipse.persistence.",
          "org.jooq.",
          "org.mybatis.",
          "org.jdbi.",
          "org.springframework.",
          "io.micronaut.",
          "io.quarkus.",
          "net.ttddyy.",
          "com.p6spy.",
          "io.opentelemetry.",
          "io.micrometer.",
          "io.querylens.",
          "org.junit.",
          "org.gradle.",
          "org.jboss.",
          "org.glassfish.",
          "org.eclipse.jetty.",
          "io.undertow.",
          "io.netty.",
          "reactor.",
          "kotlin.",
          "kotlinx.",
          "scala.",
          "groovy.",
          "org.codehaus.groovy.",
          "net.bytebuddy.",
          "org.aspectj.",
          "com.google.",
          "com.fasterxml.");

  private static final String[] skipped = SKIPPED_PACKAGES.toArray(new String[0]);

  private static final String QUERYLENS = "io.querylens.";
  private static final String QUERYLENS_EXAMPLES = "io.querylens.examples.";

  /** Build output directories of test classes: Maven, Gradle, IntelliJ. */
  private static final List<String> TEST_OUTPUT =
      List.of("/test-classes/", "/classes/java/test/", "/classes/kotlin/test/", "/out/test/");

  static final byte APPLICATION = 1;
  static final byte LIBRARY = 2;
  static final byte QUERYLENS_OWN = 3;

  private static final String MAIN_JAR = mainJar();

  private static final ClassValue<Byte> origins =
      new ClassValue<>() {
        @Override
        protected Byte computeValue(Class<?> type) {
          // a detector of the application's own is on the stack when it asks: never the call site
          return Detector.class.isAssignableFrom(type) ? QUERYLENS_OWN : origin(type);
        }
      };

  private static final StackWalker walker = walker();

  private final String[] appPackages;
  private final String[] skipPackages;

  CallSites(List<String> appPackages, List<String> skipPackages) {
    this.appPackages = appPackages.toArray(new String[0]);
    this.skipPackages = skipPackages.toArray(new String[0]);
  }

  /**
   * The call site of the caller's caller's ..., as {@code com.example.A.m(A.java:42)}, with the
   * phase the stack shows: the first application frame, or the frame of a script runner when one
   * comes first ({@link StartupFrames}): a seed script's statements are run by the runner, not by
   * the application's {@code main} far below it.
   */
  CallSite find() {
    if (walker == null) {
      return CallSite.UNKNOWN;
    }
    return walker.walk(this::pick);
  }

  /**
   * {@link Phase#STARTUP} when a start-up frame ({@link StartupFrames}) is on the current stack,
   * else {@link Phase#RUNTIME}: one walk, to the first such frame or the stack's end.
   */
  Phase phase() {
    if (walker == null) {
      return Phase.RUNTIME;
    }
    return walker.walk(CallSites::phaseOf);
  }

  private static Phase phaseOf(Stream<StackFrame> frames) {
    Iterator<StackFrame> it = frames.iterator();
    while (it.hasNext()) {
      StackFrame f = it.next();
      Class<?> type = f.getDeclaringClass();
      if (StartupFrames.isScriptRunner(type)
          || StartupFrames.isBootstrap(type, f.getMethodName())) {
        return Phase.STARTUP;
      }
    }
    return Phase.RUNTIME;
  }

  /**
   * Picks the call site, then goes on down the stack only until a start-up frame tells the phase:
   * start-up frames lie far below the call site (a context's {@code refresh} near {@code main}).
   */
  private CallSite pick(Stream<StackFrame> frames) {
    StackFrame site = null;
    StackFrame fallback = null;
    StackFrame startup = null;
    Iterator<StackFrame> it = frames.iterator();
    while (it.hasNext() && (site == null || startup == null)) {
      StackFrame f = it.next();
      Class<?> type = f.getDeclaringClass();
      byte origin = origins.get(type);
      if (origin == QUERYLENS_OWN) {
        continue;
      }
      boolean runner = startup == null && StartupFrames.isScriptRunner(type);
      if (startup == null && (runner || StartupFrames.isBootstrap(type, f.getMethodName()))) {
        startup = f;
      }
      if (site != null) {
        continue;
      }
      if (runner) {
        site = f; // the runner ran the statement: no application frame above it did
        continue;
      }
      String name = type.getName();
      if (isGenerated(name, f.getFileName())) {
        continue;
      }
      if (matches(appPackages, name)) {
        site = f;
      } else if (matches(skipPackages, name)) {
        continue;
      } else if (origin == APPLICATION) {
        site = f;
      } else if (fallback == null && !matches(skipped, name)) {
        fallback = f;
      }
    }
    StackFrame chosen = site != null ? site : fallback;
    return new CallSite(
        chosen == null ? UNKNOWN : format(chosen),
        startup == null ? Phase.RUNTIME : Phase.STARTUP,
        startup != null && StartupFrames.isScriptRunner(startup.getDeclaringClass()));
  }

  /** Whether {@code type} counts as the application's by itself and the overrides. */
  boolean isApplication(Class<?> type) {
    byte origin = origins.get(type);
    if (origin == QUERYLENS_OWN) {
      return false;
    }
    String name = type.getName();
    if (matches(appPackages, name)) {
      return true;
    }
    return !matches(skipPackages, name) && origin == APPLICATION;
  }

  /**
   * Whether a frame belongs to a class generated at run time in the application's package and with
   * its code source (an ORM's lazy-loading proxy such as {@code Owner$HibernateProxy}, a CGLIB or
   * Byte Buddy subclass): never the line a developer wrote, so never a call site. Such classes have
   * no source file.
   */
  static boolean isGenerated(String className, String fileName) {
    return fileName == null
        || className.contains("$HibernateProxy")
        || className.contains("$ByteBuddy$")
        || className.contains("$$");
  }

  /** {@code com.example.A.m(A.java:42)}, as a stack trace prints it but without module names. */
  static String format(StackFrame f) {
    StringBuilder sb = new StringBuilder(96);
    sb.append(f.getClassName()).append('.').append(f.getMethodName()).append('(');
    String file = f.getFileName();
    int line = f.getLineNumber();
    if (f.isNativeMethod()) {
      sb.append("Native Method");
    } else if (file == null) {
      sb.append("Unknown Source");
    } else {
      sb.append(file);
      if (line >= 0) {
        sb.append(':').append(line);
      }
    }
    return sb.append(')').toString();
  }

  private static boolean matches(String[] prefixes, String className) {
    for (String p : prefixes) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Where {@code type} comes from: the application, a library, or QueryLens itself. */
  static byte origin(Class<?> type) {
    String location = location(type);
    String name = type.getName();
    if (name.startsWith(QUERYLENS) && !name.startsWith(QUERYLENS_EXAMPLES)) {
      boolean testOutput = false;
      if (location != null) {
        for (String t : TEST_OUTPUT) {
          testOutput |= location.contains(t);
        }
      }
      if (!testOutput) {
        return QUERYLENS_OWN;
      }
    }
    return isApplicationLocation(location, MAIN_JAR) ? APPLICATION : LIBRARY;
  }

  /**
   * Whether classes loaded from {@code location} (a code source URL as text, or null) are the
   * application's: a directory, {@code BOOT-INF/classes}, {@code WEB-INF/classes} or the main jar.
   */
  static boolean isApplicationLocation(String location, String mainJar) {
    if (location == null) {
      return false; // the JDK, generated classes
    }
    if (location.contains("BOOT-INF/classes") || location.contains("WEB-INF/classes")) {
      return true;
    }
    if (location.contains("BOOT-INF/lib") || location.contains("WEB-INF/lib")) {
      return false;
    }
    if (mainJar != null && location.equals(mainJar)) {
      return true;
    }
    return location.startsWith("file:") && location.endsWith("/");
  }

  /** Where {@code type} was loaded from, as a URL's text; null for the JDK or when unknown. */
  static String location(Class<?> type) {
    try {
      ProtectionDomain pd = type.getProtectionDomain();
      CodeSource cs = pd == null ? null : pd.getCodeSource();
      URL url = cs == null ? null : cs.getLocation();
      return url == null ? null : url.toString();
    } catch (RuntimeException e) {
      return null; // e.g. a SecurityException: treat as a library
    }
  }

  /** The code source URL of the jar given to {@code java -jar}, or null. */
  private static String mainJar() {
    try {
      String command = System.getProperty("sun.java.command");
      if (command == null) {
        return null;
      }
      String first = command.trim().split(" ", 2)[0];
      if (!first.toLowerCase(Locale.ROOT).endsWith(".jar")) {
        return null;
      }
      return Path.of(first).toAbsolutePath().normalize().toUri().toURL().toString();
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  private static StackWalker walker() {
    try {
      return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    } catch (RuntimeException e) {
      return null; // a security manager that forbids it: call sites are unknown
    }
  }
}
