package io.querylens.core.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a rendered report to a file so that a reader never sees half of it. */
final class ReportFiles {
  private ReportFiles() {}

  /**
   * Writes {@code text} to {@code path} in UTF-8, creating missing parent directories. The text
   * goes to a temporary file in the same directory that is then moved over {@code path} atomically
   * where the file system allows it; the temporary file is removed when anything fails.
   *
   * @throws IOException when the directories or the file cannot be written
   */
  static void write(String text, Path path) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    String tempName =
        "."
            + target.getFileName()
            + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + ".tmp";
    Path temp = dir == null ? Path.of(tempName) : dir.resolve(tempName);
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(false);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
