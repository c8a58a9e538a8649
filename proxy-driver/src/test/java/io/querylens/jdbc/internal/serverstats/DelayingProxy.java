package io.querylens.jdbc.internal.serverstats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a database server that holds each chunk the client sends for {@code delayMillis}
 * before passing it on, and keeps the delay it added to each: a slow network in one direction.
 */
final class DelayingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final long delayMillis;
  private final List<Long> delays = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  DelayingProxy(String targetHost, int targetPort, long delayMillis) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.delayMillis = delayMillis;
    daemon("ql-pg-proxy-accept", this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** The chunks the client sent since the last {@link #clearInjected()}. */
  long chunks() {
    return delays.size();
  }

  /** The median of the delays added since the last {@link #clearInjected()}, in nanoseconds. */
  long medianDelayNanos() {
    long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
  }

  void clearInjected() {
    delays.clear();
  }

  private void accept() {
    try {
      while (true) {
        Socket client = server.accept();
        Socket target = new Socket(targetHost, targetPort);
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(target);
        daemon("ql-pg-proxy-up", () -> relay(client, target, true));
        daemon("ql-pg-proxy-down", () -> relay(target, client, false));
      }
    } catch (IOException e) {
      // closed
    }
  }

  private void relay(Socket from, Socket to, boolean delayed) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (delayed) {
          long start = System.nanoTime();
          Thread.sleep(delayMillis);
          delays.add(System.nanoTime() - start);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // one side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    sockets.forEach(DelayingProxy::closeQuietly);
  }
}
