package dev.segmentation.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An output file written completely or not at all: text goes to a temporary file in the same
 * directory, which {@link #commit()} renames over the target with an atomic move; {@link #close()}
 * without a commit deletes it. Readers of the target never see a half-written file.
 */
final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final BufferedWriter writer;
  private boolean done;

  private AtomicFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".tmp");
    // Temporary files are private (0600); results are ordinary files, readable as usual.
    if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    this.writer =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Starts writing {@code target} (creating its directory if needed). */
  static AtomicFile create(Path target) throws IOException {
    return new AtomicFile(target);
  }

  BufferedWriter writer() {
    return writer;
  }

  Path target() {
    return target;
  }

  /** Flushes and renames the temporary file over the target. */
  void commit() throws IOException {
    writer.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so this only happens on unusual file systems; still never half-written.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    done = true;
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    if (!done) {
      try {
        writer.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
