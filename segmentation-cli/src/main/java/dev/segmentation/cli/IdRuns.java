package dev.segmentation.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The duplicate-id check of a scan within a memory budget: ids go to an {@link IdIndex} in memory,
 * which finds a duplicate at once; when the index outgrows the budget, its ids (hash, line, UTF-8
 * bytes) are written to a temporary file sorted by hash and bytes (a "run") and the index starts
 * empty. A duplicate of an id in an earlier run is then found only by merging the runs, {@link
 * #firstDuplicate(int)}, which answers the duplicate a scan without runs would have met first: the
 * smallest line that repeats an id seen before, and that id's first line.
 *
 * <p>So memory stays within the budget at any number of customers, and the disk holds about the
 * ids' bytes plus 12 bytes per customer. Only ids that are kept count: {@link #removeLast()} takes
 * back the last id put (always still in memory: runs are written before a put, never after).
 */
final class IdRuns implements Closeable {
  private final long budget;
  private IdIndex memory = new IdIndex();
  private final List<Path> runs = new ArrayList<>();

  /** A repeated id: the line that repeats it, and its first line. */
  record Duplicate(String id, int line, int firstLine) {}

  /** Keeps at most about {@code budget} bytes of ids in memory (Long.MAX_VALUE: never spills). */
  IdRuns(long budget) {
    this.budget = budget;
  }

  /**
   * Adds {@code id}, read on {@code line}, unless the ids in memory have it already.
   *
   * @return the line of the id already in memory, or -1 when it was added (it may still repeat an
   *     id of a run: see {@link #firstDuplicate(int)})
   */
  int putIfAbsent(String id, int line) throws IOException {
    if (memory.size() > 0 && memory.footprint() > budget) {
      spill();
    }
    return memory.putIfAbsent(id, line);
  }

  /** Removes the id added last. */
  void removeLast() {
    memory.removeLast();
  }

  /** Whether ids were written to runs (then a duplicate may be found only by merging). */
  boolean spilled() {
    return !runs.isEmpty();
  }

  /** Whether {@code id} was added; only while nothing was spilled. */
  boolean contains(String id) {
    if (spilled()) {
      throw new IllegalStateException("ids were spilled to disk");
    }
    return memory.contains(id);
  }

  private void spill() throws IOException {
    Path run = Files.createTempFile("segmentation-ids-", ".run");
    runs.add(run);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      memory.writeSorted(out);
    }
    memory = new IdIndex();
  }

  /**
   * The duplicate with the smallest repeating line below {@code beforeLine}, across the runs and
   * the ids in memory, or null. Writes the ids in memory as one more run.
   */
  Duplicate firstDuplicate(int beforeLine) throws IOException {
    if (memory.size() > 0) {
      spill();
    }
    PriorityQueue<Reader> queue = new PriorityQueue<>(Math.max(1, runs.size()), Reader::compareTo);
    List<Reader> open = new ArrayList<>();
    try {
      for (Path run : runs) {
        Reader r = new Reader(run);
        open.add(r);
        if (r.next()) {
          queue.add(r);
        }
      }
      Duplicate best = null;
      while (!queue.isEmpty()) {
        // one id: its records from every run that has it, the smallest two lines
        Reader head = queue.poll();
        int hash = head.hash;
        byte[] id = Arrays.copyOf(head.bytes, head.length);
        int first = head.line;
        int second = Integer.MAX_VALUE;
        if (head.next()) {
          queue.add(head);
        }
        while (!queue.isEmpty() && queue.peek().sameId(hash, id)) {
          Reader r = queue.poll();
          int line = r.line;
          if (line < first) {
            second = first;
            first = line;
          } else if (line < second) {
            second = line;
          }
          if (r.next()) {
            queue.add(r);
          }
        }
        if (second < beforeLine && (best == null || second < best.line())) {
          best = new Duplicate(new String(id, StandardCharsets.UTF_8), second, first);
        }
      }
      return best;
    } finally {
      for (Reader r : open) {
        r.close();
      }
    }
  }

  /** Orders records by hash, then bytes. */
  static int compare(
      int hashA, byte[] a, int fromA, int toA, int hashB, byte[] b, int fromB, int toB) {
    int c = Integer.compare(hashA, hashB);
    return c != 0 ? c : Arrays.compare(a, fromA, toA, b, fromB, toB);
  }

  /** A record: hash, line, length, bytes. */
  static void write(DataOutputStream out, int hash, int line, byte[] b, int from, int length)
      throws IOException {
    out.writeInt(hash);
    out.writeInt(line);
    out.writeInt(length);
    out.write(b, from, length);
  }

  /** Reads a run record by record. */
  private static final class Reader implements Comparable<Reader>, Closeable {
    private final DataInputStream in;
    int hash;
    int line;
    int length;
    byte[] bytes = new byte[64];

    Reader(Path run) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
    }

    boolean next() throws IOException {
      try {
        hash = in.readInt();
      } catch (EOFException end) {
        return false;
      }
      line = in.readInt();
      length = in.readInt();
      if (bytes.length < length) {
        bytes = new byte[Math.max(length, bytes.length * 2)];
      }
      in.readFully(bytes, 0, length);
      return true;
    }

    boolean sameId(int h, byte[] id) {
      return hash == h && Arrays.equals(bytes, 0, length, id, 0, id.length);
    }

    @Override
    public int compareTo(Reader o) {
      return compare(hash, bytes, 0, length, o.hash, o.bytes, 0, o.length);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Deletes the runs. */
  @Override
  public void close() throws IOException {
    for (Path run : runs) {
      Files.deleteIfExists(run);
    }
    runs.clear();
  }
}
