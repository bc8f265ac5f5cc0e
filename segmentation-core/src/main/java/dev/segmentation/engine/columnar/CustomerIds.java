package dev.segmentation.engine.columnar;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The customer ids of a table, compactly: their UTF-8 bytes one after another, the end offset of
 * each, and an open-addressing hash index from id to row. About the id's length plus 10 bytes per
 * customer, where a {@code String[]} and a {@code HashMap<String, Integer>} take about 120.
 *
 * <p>Invariants: row {@code r}'s bytes are {@code data[start(r)..ends[r])}; {@code slots.length} is
 * a power of two at least twice the number of rows; a slot holds 0 when free, else the id's hash
 * with the bits that pick its slot ({@code slots.length - 1}) replaced by {@code row + 1}, which
 * fits there. The hash's high bits so kept rule out most other ids in a probe sequence without
 * reading their offsets or bytes (all but one in 2,048 at 2^21 slots, the index of a million
 * customers; all but one in 4 at 2^30).
 */
final class CustomerIds {
  private byte[] data = new byte[64];
  private int[] ends = new int[16];
  private int[] slots = new int[32];
  private int size;
  private int used;
  private int stagedSlot; // the free slot found by stage()
  private int stagedHash;
  private int stagedLength = -1; // the staged id's bytes at data[used..], or -1

  int size() {
    return size;
  }

  /** The id of row {@code row} (a new String). */
  String id(int row) {
    int start = start(row);
    return new String(data, start, ends[row] - start, StandardCharsets.UTF_8);
  }

  /** The row of {@code id}, or -1. */
  int row(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return row(key, 0, key.length);
  }

  // The row whose id is the UTF-8 bytes key[from..to), or -1.
  private int row(byte[] key, int from, int to) {
    int entry = slots[slotOf(key, from, to, hash(key, from, to))];
    return (entry & (slots.length - 1)) - 1; // -1 for a free slot
  }

  // The slot of the row whose id is the UTF-8 bytes key[from..to) (of that hash), or the free slot
  // where that id would go.
  private int slotOf(byte[] key, int from, int to, int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    for (int entry; (entry = slots[i]) != 0; i = (i + 1) & mask) {
      if (sameHighBits(entry, hash, mask) && equals((entry & mask) - 1, key, from, to)) {
        break;
      }
    }
    return i;
  }

  // What a slot holds for the row whose id has this hash.
  private static int entry(int hash, int row, int mask) {
    return (hash & ~mask) | (row + 1);
  }

  // Whether a slot's entry may be the id of this hash (else it is surely another id).
  private static boolean sameHighBits(int entry, int hash, int mask) {
    return ((entry ^ hash) & ~mask) == 0;
  }

  /**
   * For each row here, the row of the same id in {@code other}, or -1, without decoding an id: each
   * row is first compared with the row after the previous match in {@code other} (the tables of two
   * days usually list their customers in the same order, with some dropped and some added), and
   * {@code other}'s index is probed only where they differ. After {@link #MISSES_BEFORE_PROBING}
   * such comparisons fail in a row (tables in different orders, where each would cost two cache
   * misses for nothing), rows go to the index {@link #PROBE_BATCH} at a time until a probe lands on
   * the row after the previous match again.
   */
  int[] rowsIn(CustomerIds other) {
    int[] rows = new int[size];
    Probes probes = new Probes();
    int expected = 0; // the row of `other` after the previous match
    int misses = 0; // comparisons with `expected` that failed in a row
    int r = 0;
    while (r < size) {
      if (misses < MISSES_BEFORE_PROBING) {
        int from = start(r);
        int to = ends[r];
        int o;
        if (expected < other.size && other.equals(expected, data, from, to)) {
          o = expected;
          misses = 0;
        } else {
          o = other.row(data, from, to);
          misses = o == expected ? 0 : misses + 1;
        }
        rows[r++] = o;
        if (o >= 0) {
          expected = o + 1;
        }
      } else {
        int n = Math.min(PROBE_BATCH, size - r);
        other.rowsOf(this, r, n, rows, probes);
        for (int end = r + n; r < end; r++) {
          int o = rows[r];
          if (o >= 0) {
            misses = o == expected ? 0 : misses;
            expected = o + 1;
          }
        }
      }
    }
    return rows;
  }

  static final int MISSES_BEFORE_PROBING = 4;
  static final int PROBE_BATCH = 1024;

  /** How many lookups {@link #rowsOf} keeps going at once. */
  static final int WINDOW = 128;

  private static final int FREE = -1; // a candidate: the slot is free, the id is not here

  /**
   * Looks up here the ids of {@code ids}' rows {@code [first, first + n)} and writes their rows
   * here (or -1) to {@code rows[first..]}, {@link #WINDOW} lookups at a time and one stage at a
   * time for all of them: the slots they probe (loaded first with no branch on them, then stepped
   * past those whose high bits are another hash's), then the candidate rows those slots name, then
   * where the candidates' ids start, then their first bytes, and only then the comparisons. A
   * lookup whose slot held another id stays in the window with its next slot; the places of those
   * that are done go to the next rows. The window's cache misses overlap instead of coming one
   * after another, at every step of every probe sequence.
   */
  private void rowsOf(CustomerIds ids, int first, int n, int[] rows, Probes probes) {
    int mask = slots.length - 1;
    int[] row = probes.row; // by place in the window: the row of `ids` looked up
    int[] hashes = probes.hashes; // its id's hash
    int[] slot = probes.slot; // the slot it probes next
    int[] candidate = probes.candidate; // the row that slot names, or FREE
    int[] start = probes.start; // where the candidate's id starts
    int next = first;
    int end = first + n;
    int m = 0; // lookups in the window
    byte[] bytes = data;
    int touched = 0;
    while (true) {
      for (; m < WINDOW && next < end; m++, next++) { // the window filled with the next rows
        row[m] = next;
        hashes[m] = hash(ids.data, ids.start(next), ids.ends[next]);
        slot[m] = hashes[m] & mask;
      }
      if (m == 0) {
        break;
      }
      for (int p = 0; p < m; p++) {
        // the slots' loads alone: a branch on a value still on its way from memory would, when
        // mispredicted, hold back the loads after it
        candidate[p] = slots[slot[p]];
      }
      for (int p = 0; p < m; p++) {
        // past the entries of other hashes: their slots are mostly in the cache line just read
        int i = slot[p];
        int entry = candidate[p];
        while (entry != 0 && !sameHighBits(entry, hashes[p], mask)) {
          i = (i + 1) & mask;
          entry = slots[i];
        }
        slot[p] = i;
        candidate[p] = entry == 0 ? FREE : (entry & mask) - 1;
      }
      for (int p = 0; p < m; p++) {
        int c = candidate[p];
        start[p] = c < 0 ? bytes.length : start(c);
      }
      for (int p = 0; p < m; p++) {
        if (start[p] < bytes.length) {
          touched += bytes[start[p]];
        }
      }
      int kept = 0; // the window is compacted in place: kept <= p
      for (int p = 0; p < m; p++) {
        int r = row[p];
        int c = candidate[p];
        if (c == FREE || equalsAt(start[p], ends[c], ids.data, ids.start(r), ids.ends[r])) {
          rows[r] = c;
        } else {
          row[kept] = r;
          hashes[kept] = hashes[p];
          slot[kept++] = (slot[p] + 1) & mask;
        }
      }
      m = kept;
    }
    row[WINDOW] = touched; // so that the loads of the first bytes are not optimized away
  }

  /** The working arrays of one {@link #rowsIn}, so that a table stays safe to share. */
  private static final class Probes {
    final int[] row = new int[WINDOW + 1]; // and a last place for what the loads read
    final int[] hashes = new int[WINDOW];
    final int[] slot = new int[WINDOW];
    final int[] candidate = new int[WINDOW];
    final int[] start = new int[WINDOW];
  }

  private int start(int row) {
    return row == 0 ? 0 : ends[row - 1];
  }

  /**
   * Encodes {@code id} after the ids added and probes the index for it once: returns false when the
   * table has it already; else {@link #commit()} appends it as the next row, and another {@code
   * stage} abandons it. Nothing is allocated for an ASCII id.
   *
   * @throws IllegalStateException when the ids would exceed 2 GiB of UTF-8 in all
   */
  boolean stage(String id) {
    int n = id.length();
    boolean ascii = true;
    for (int i = 0; i < n && ascii; i++) {
      ascii = id.charAt(i) < 0x80;
    }
    byte[] key = ascii ? null : id.getBytes(StandardCharsets.UTF_8);
    int length = ascii ? n : key.length;
    if (used > Integer.MAX_VALUE - 16 - length) {
      throw new IllegalStateException("the customer ids of one table exceed 2 GiB in all");
    }
    if (data.length < used + length) {
      data =
          Arrays.copyOf(
              data,
              (int) Math.min(Integer.MAX_VALUE - 8, Math.max(used + length, 2L * data.length)));
    }
    if (ascii) {
      for (int i = 0; i < n; i++) {
        data[used + i] = (byte) id.charAt(i);
      }
    } else {
      System.arraycopy(key, 0, data, used, length);
    }
    int to = used + length;
    int hash = hash(data, used, to);
    int i = slotOf(data, used, to, hash);
    if (slots[i] != 0) {
      stagedLength = -1;
      return false;
    }
    stagedSlot = i;
    stagedHash = hash;
    stagedLength = length;
    return true;
  }

  /** Appends the id of the last successful {@link #stage} as the next row. */
  void commit() {
    assert stagedLength >= 0 : "no id staged";
    used += stagedLength;
    stagedLength = -1;
    if (ends.length == size) {
      ends = Arrays.copyOf(ends, Column.grown(ends.length, size + 1));
    }
    ends[size] = used;
    slots[stagedSlot] = entry(stagedHash, size++, slots.length - 1);
    if (2L * size > slots.length) {
      rehash(slots.length * 2);
    }
  }

  /** Sizes the row offsets and the index for {@code rows} ids in all, so that they do not grow. */
  void reserve(int rows) {
    if (ends.length < rows) {
      ends = Arrays.copyOf(ends, rows);
    }
    // a power of two above 2 * rows (the index grows on its own beyond 2^30 slots, if it can)
    int capacity = (int) Math.min(1 << 30, Long.highestOneBit(Math.max(16, rows)) * 4);
    if (capacity > slots.length) {
      rehash(capacity);
    }
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int r = 0; r < size; r++) {
      insert(r, data, start(r), ends[r]);
    }
  }

  private void insert(int row, byte[] bytes, int from, int to) {
    int mask = slots.length - 1;
    int hash = hash(bytes, from, to);
    int i = hash & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = entry(hash, row, mask);
  }

  // Whether row's id is the bytes key[from..to).
  private boolean equals(int row, byte[] key, int from, int to) {
    return equalsAt(start(row), ends[row], key, from, to);
  }

  // Whether the bytes data[start..end) are key[from..to): the lengths, then 8 bytes at a time (a
  // call to Arrays.equals goes through a vectorized stub that costs more than the 8-20 bytes of an
  // id).
  private boolean equalsAt(int start, int end, byte[] key, int from, int to) {
    int n = to - from;
    if (end - start != n) {
      return false;
    }
    byte[] bytes = data;
    int i = 0;
    for (; i <= n - Long.BYTES; i += Long.BYTES) {
      if ((long) LONGS.get(bytes, start + i) != (long) LONGS.get(key, from + i)) {
        return false;
      }
    }
    for (; i < n; i++) {
      if (bytes[start + i] != key[from + i]) {
        return false;
      }
    }
    return true;
  }

  // 8 bytes of a byte[] at any offset as one long (the order does not matter for equality).
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  // A polynomial hash of the bytes, mixed so that the low bits (the slot) depend on all of them.
  private static int hash(byte[] bytes, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Trims the arrays to the rows added. */
  void freeze() {
    data = Arrays.copyOf(data, used);
    ends = Arrays.copyOf(ends, size);
  }

  long bytes() {
    return data.length + 4L * ends.length + 4L * slots.length;
  }
}
