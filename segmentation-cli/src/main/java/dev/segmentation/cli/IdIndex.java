package dev.segmentation.cli;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ids of the customers read so far, with the line of each, to find a duplicate id: the ids'
 * UTF-8 bytes end to end in one array and an open-addressing table of row numbers, about 20 bytes
 * per customer plus the id's own bytes (a {@code HashMap<String, Integer>} of the same ids takes
 * about 100). This is the one thing a streaming run keeps per customer.
 *
 * <p>An ASCII id is copied into the bytes array as it is compared, with no array made per id; its
 * hash is its {@code String.hashCode}, which a parse thread may already have computed and cached.
 * (Keeping each hash beside its row in the table would save a memory access per probe but double
 * the table, so that the 64 MB a 512 MB heap allows would hold about half as many ids before they
 * go to disk.)
 */
final class IdIndex {
  private byte[] bytes = new byte[1 << 10];
  private int used;

  /** Row r's id is {@code bytes[start[r] .. start[r + 1])}. */
  private int[] start = new int[65];

  private int[] lines = new int[64];
  private int[] hashes = new int[64];
  private int rows;

  /** Row + 1 per slot, 0 when empty; at most half full. */
  private int[] table = new int[128];

  /**
   * Adds {@code id}, read on {@code line}, unless it is there already.
   *
   * @return the line of the id already there, or -1 when it was added
   */
  int putIfAbsent(String id, int line) {
    int hash = id.hashCode();
    int length = copy(id);
    int slot = find(bytes, used, used + length, hash);
    if (table[slot] != 0) {
      return lines[table[slot] - 1];
    }
    if (rows == lines.length) {
      int n = rows * 2;
      start = Arrays.copyOf(start, n + 1);
      lines = Arrays.copyOf(lines, n);
      hashes = Arrays.copyOf(hashes, n);
    }
    used += length;
    lines[rows] = line;
    hashes[rows] = hash;
    start[rows + 1] = used;
    table[slot] = ++rows;
    if (rows * 2 > table.length) {
      grow();
    }
    return -1;
  }

  /**
   * Copies the UTF-8 bytes of {@code id} to {@code bytes[used..]} (growing it) and answers their
   * number; an ASCII id char by char, with no array made for it.
   */
  private int copy(String id) {
    int n = id.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c >= 0x80) {
        byte[] other = id.getBytes(StandardCharsets.UTF_8);
        ensure(other.length);
        System.arraycopy(other, 0, bytes, used, other.length);
        return other.length;
      }
      bytes[used + i] = (byte) c;
    }
    return n;
  }

  /** Room for {@code length} more bytes after {@code used}. */
  private void ensure(int length) {
    if (used + length > bytes.length || used + length < 0) {
      long size = Math.max((long) bytes.length * 2, (long) used + length);
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than 2 GB of customer ids");
      }
      bytes = Arrays.copyOf(bytes, (int) size);
    }
  }

  boolean contains(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    return table[find(b, 0, b.length, id.hashCode())] != 0;
  }

  /**
   * Removes the id added last. Safe in linear probing: no later id probed past its slot, so no
   * other id's run of slots goes through it (which {@link #grow} keeps true).
   */
  void removeLast() {
    int row = rows - 1;
    int slot = find(bytes, start[row], start[row + 1], hashes[row]);
    assert table[slot] == row + 1;
    table[slot] = 0;
    used = start[row];
    rows--;
  }

  /** The number of ids held. */
  int size() {
    return rows;
  }

  /** The bytes this index holds in its arrays, about (the arrays' capacities). */
  long footprint() {
    return bytes.length + 4L * (start.length + lines.length + hashes.length + table.length);
  }

  /**
   * Writes every id as a record of {@link IdRuns}, in the order of {@link IdRuns#compare}: by hash,
   * then by bytes (no two are equal: the index holds each id once).
   */
  void writeSorted(DataOutputStream out) throws IOException {
    Integer[] order = new Integer[rows];
    for (int r = 0; r < rows; r++) {
      order[r] = r;
    }
    Arrays.sort(
        order,
        (a, b) ->
            IdRuns.compare(
                hashes[a],
                bytes,
                start[a],
                start[a + 1],
                hashes[b],
                bytes,
                start[b],
                start[b + 1]));
    for (int r : order) {
      IdRuns.write(out, hashes[r], lines[r], bytes, start[r], start[r + 1] - start[r]);
    }
  }

  /** The slot of the id {@code b[from..to)} or the empty slot where it would go. */
  private int find(byte[] b, int from, int to, int hash) {
    int mask = table.length - 1;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      int r = table[slot] - 1;
      if (r < 0
          || (hashes[r] == hash && Arrays.equals(bytes, start[r], start[r + 1], b, from, to))) {
        return slot;
      }
    }
  }

  // Re-inserts the rows in the order they were added, so that, as before the growth, no row's run
  // of slots passes through the slot of a row added after it: removeLast relies on that.
  private void grow() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int r = 0; r < rows; r++) {
      int slot = mix(hashes[r]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = r + 1;
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
