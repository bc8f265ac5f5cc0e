package dev.segmentation.cli;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output file written completely or not at all: text goes to a temporary file in the same
 * directory, which {@link #commit()} renames over the target with an atomic move; {@link #close()}
 * without a commit deletes it. Readers of the target never see a half-written file. A JVM that is
 * ended (SIGTERM, Ctrl-C) deletes the temporary files it has not committed, and a write that fails
 * (a full disk) names the file in a {@link WriteException}.
 */
final class AtomicFile implements AutoCloseable {
  /** Temporary files not yet committed or deleted; a shutdown hook deletes them. */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path p : PENDING) {
                    try {
                      Files.deleteIfExists(p);
                    } catch (IOException e) {
                      // The JVM is ending: nothing better can be done with a file we cannot delete.
                    }
                  }
                },
                "segmentation-delete-temporary-files"));
  }

  /** A write to an output file failed; names the file and the system's reason. */
  static final class WriteException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    WriteException(Path file, IOException cause) {
      super(file.toString(), null, cause.getMessage());
      initCause(cause);
    }
  }

  private final Path target;
  private final Path temp;
  private final OutputStream stream;
  private final BufferedWriter writer;
  private boolean done;

  private AtomicFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".tmp");
    PENDING.add(temp);
    // Temporary files are private (0600); results are ordinary files, readable as usual.
    if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    this.stream = new Naming(Files.newOutputStream(temp));
    this.writer =
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Starts writing {@code target} (creating its directory if needed). */
  static AtomicFile create(Path target) throws IOException {
    return new AtomicFile(target);
  }

  BufferedWriter writer() {
    return writer;
  }

  /** The file as bytes, for binary output; use either this or {@link #writer()}, not both. */
  OutputStream stream() {
    return stream;
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
    PENDING.remove(temp);
  }

  /** Rethrows every failure to write with the target's name. */
  private final class Naming extends FilterOutputStream {
    Naming(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new WriteException(target, e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new WriteException(target, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new WriteException(target, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw new WriteException(target, e);
      }
    }
  }

  /** Closes every file (deleting those not committed), then throws the first failure. */
  static void closeAll(Iterable<AtomicFile> files) throws IOException {
    IOException first = null;
    for (AtomicFile f : files) {
      try {
        f.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    if (!done) {
      try {
        writer.close();
      } catch (IOException e) {
        // Discarded output: a failure to flush it does not matter (the run already failed).
      } finally {
        Files.deleteIfExists(temp);
        PENDING.remove(temp);
      }
    }
  }
}
