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
 * A TCP relay on a local port to a database server that holds each chunk the client sends for
 * {@code delayMillis} before passing it on: a slow network path in front of a fast server.
 */
final class DelayingTcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final long delayMillis;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  DelayingTcpProxy(String targetHost, int targetPort, long delayMillis) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.delayMillis = delayMillis;
    daemon(this::accept, "proxy-accept");
  }

  int port() {
    return server.getLocalPort();
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
        daemon(() -> relay(client, target, delayMillis), "proxy-up");
        daemon(() -> relay(target, client, 0), "proxy-down");
      }
    } catch (IOException e) {
      // closed
    }
  }

  private static void relay(Socket from, Socket to, long delayMillis) {
    byte[] buffer = new byte[65536];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
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

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}
