package io.querylens.agent.internal;

import com.sun.tools.attach.VirtualMachine;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * {@code java -jar querylens-agent.jar <pid> [key=value,...]}: loads this jar as an agent into the
 * running JVM {@code pid} through the Attach API.
 */
public final class Attacher {
  private Attacher() {}

  /** Attaches and returns the exit status: 0 attached, 1 failed, 2 usage error. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || args.length > 2 || !args[0].matches("[0-9]+")) {
      err.println("usage: java -jar querylens-agent.jar <pid> [key=value,...]");
      return 2;
    }
    String pid = args[0];
    String options = args.length == 2 ? args[1] : "";
    Path jar;
    try {
      jar =
          Path.of(Attacher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath();
    } catch (URISyntaxException | RuntimeException e) {
      err.println("QueryLens: cannot locate the agent jar: " + e);
      return 1;
    }
    try {
      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        vm.loadAgent(jar.toString(), options);
      } finally {
        vm.detach();
      }
    } catch (Exception | LinkageError e) { // LinkageError: a runtime without jdk.attach
      err.println("QueryLens: could not attach to " + pid + ": " + e);
      return 1;
    }
    out.println("QueryLens agent attached to " + pid);
    return 0;
  }
}
