package dev.segmentation.engine.columnar;

import java.util.Arrays;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.ContainerPointer;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rows of two tables of customers matched by id, once per {@link BatchResult#diff}, and each
 * segment's change computed from it. Three ways, chosen once by the shape of the match:
 *
 * <ul>
 *   <li>Directly, when both tables list the same ids in the same order: two bitmap differences
 *       ({@link #direct}, which a diff over one table uses too).
 *   <li>By runs, when the match is a few runs of rows that keep their order (the common case of two
 *       days' exports: some customers dropped, some appended): each segment's two bitmaps are
 *       copied into word arrays, each run's bits shifted into the other table's rows a word at a
 *       time, and the changes read from {@code now & ~before} and {@code before & ~now}.
 *   <li>By members otherwise (tables in different orders): the earlier members copied into words,
 *       and one pass over the current members that looks up and marks each one's earlier row.
 * </ul>
 *
 * A change comes out as rows, so that the caller decodes only the ids of customers that changed
 * membership, each once ({@link DecodedIds}). Not thread-safe: the scratch arrays are reused for
 * every segment of one diff.
 */
final class RowMatch {
  private static final int WORDS_PER_CONTAINER = 1 << 10; // 65,536 rows

  private final int[] beforeRowOf; // per row of `now`, -1 when the customer is new
  private final boolean identical; // the same ids in the same order
  // Runs of matched rows in order: before rows [runBefore[i], + runLength[i]) are now rows
  // [runNow[i], + runLength[i]).
  private int[] runBefore = new int[16];
  private int[] runNow = new int[16];
  private int[] runLength = new int[16];
  private int runs;
  private final boolean byRuns;
  private final long[] beforeWords; // before's members, in before's rows
  private final long[] nowInBefore; // now's members, in before's rows
  private final long[] nowWords; // by runs only: now's members, in now's rows
  private final long[] beforeInNow; // by runs only: before's members, in now's rows
  private final int[] batch = new int[256]; // by members only: rows read from a bitmap
  private int[] changedRows = new int[256]; // by members only: rows whose membership changed
  private int changed;

  RowMatch(CustomerTable before, CustomerTable now) {
    this.beforeRowOf = now.rowsIn(before);
    boolean same = before.size() == now.size();
    // Beyond this many runs the rows are matched by members, and runs are no longer recorded.
    int maxRuns = Math.max(now.size(), before.size()) / 8;
    for (int r = 0; r < beforeRowOf.length; r++) {
      int o = beforeRowOf[r];
      if (o < 0) {
        same = false;
        continue;
      }
      same &= o == r;
      int last = runs - 1;
      if (runs > maxRuns) {
        continue;
      } else if (runs > 0
          && runNow[last] + runLength[last] == r
          && runBefore[last] + runLength[last] == o) {
        runLength[last]++;
      } else if (runs == maxRuns) {
        runs++; // too many: by members
      } else {
        addRun(o, r);
      }
    }
    this.identical = same;
    this.byRuns = !same && runs <= maxRuns;
    this.beforeWords = same ? null : new long[words(before.size(), WORDS_PER_CONTAINER)];
    this.nowInBefore = same ? null : new long[beforeWords.length];
    this.nowWords = byRuns ? new long[words(now.size(), WORDS_PER_CONTAINER)] : null;
    this.beforeInNow = byRuns ? new long[nowWords.length] : null;
  }

  private void addRun(int beforeRow, int nowRow) {
    if (runs == runLength.length) {
      runBefore = Arrays.copyOf(runBefore, runs * 2);
      runNow = Arrays.copyOf(runNow, runs * 2);
      runLength = Arrays.copyOf(runLength, runs * 2);
    }
    runBefore[runs] = beforeRow;
    runNow[runs] = nowRow;
    runLength[runs++] = 1;
  }

  // Words for `rows` bits, rounded up to a multiple of `multiple` words.
  private static int words(int rows, int multiple) {
    int words = (rows + 63) >>> 6;
    return (words + multiple - 1) / multiple * multiple;
  }

  /**
   * One segment's change as rows.
   *
   * @param entered rows of the current table, in order
   * @param exited rows of the earlier table, in order
   */
  record Rows(int[] entered, int[] exited) {}

  /** One segment's change between the members before and now. */
  Rows change(RoaringBitmap membersNow, RoaringBitmap membersBefore) {
    return identical
        ? direct(membersNow, membersBefore)
        : byRuns ? byRuns(membersNow, membersBefore) : byMembers(membersNow, membersBefore);
  }

  /**
   * One segment's change where the rows are the same customers on both sides (the same table, or
   * the same ids in the same order): two bitmap differences.
   */
  static Rows direct(RoaringBitmap membersNow, RoaringBitmap membersBefore) {
    return new Rows(
        RoaringBitmap.andNot(membersNow, membersBefore).toArray(),
        RoaringBitmap.andNot(membersBefore, membersNow).toArray());
  }

  private Rows byRuns(RoaringBitmap membersNow, RoaringBitmap membersBefore) {
    copy(membersNow, nowWords);
    copy(membersBefore, beforeWords);
    for (int i = 0; i < runs; i++) {
      shift(beforeWords, runBefore[i], beforeInNow, runNow[i], runLength[i]);
      shift(nowWords, runNow[i], nowInBefore, runBefore[i], runLength[i]);
    }
    Rows change = new Rows(rowsOf(nowWords, beforeInNow), rowsOf(beforeWords, nowInBefore));
    Arrays.fill(nowWords, 0L);
    Arrays.fill(beforeWords, 0L);
    Arrays.fill(beforeInNow, 0L);
    Arrays.fill(nowInBefore, 0L);
    return change;
  }

  // The members' bits, container by container, into zeroed `words`.
  private static void copy(RoaringBitmap members, long[] words) {
    ContainerPointer p = members.getContainerPointer();
    while (p.getContainer() != null) {
      p.getContainer().copyBitmapTo(words, p.key() * WORDS_PER_CONTAINER);
      p.advance();
    }
  }

  // ORs bits [from, from + length) of `src` into `dst` at bit `to`, a destination word at a time.
  static void shift(long[] src, int from, long[] dst, int to, int length) {
    while (length > 0) {
      int n = Math.min(length, 64 - (to & 63));
      dst[to >>> 6] |= bits(src, from, n) << (to & 63);
      from += n;
      to += n;
      length -= n;
    }
  }

  // The n (1 to 64) bits of `a` from bit `from`, in the low bits.
  private static long bits(long[] a, int from, int n) {
    int w = from >>> 6;
    int s = from & 63;
    long v = a[w] >>> s;
    if (s + n > 64) {
      v |= a[w + 1] << (64 - s);
    }
    return n == 64 ? v : v & ((1L << n) - 1);
  }

  // The rows set in `members` and not in `others`, in order: counted first, so that the array
  // is made once at its size.
  private static int[] rowsOf(long[] members, long[] others) {
    int n = 0;
    for (int w = 0; w < members.length; w++) {
      n += Long.bitCount(members[w] & ~others[w]);
    }
    int[] rows = new int[n];
    int i = 0;
    for (int w = 0; i < n; w++) {
      for (long x = members[w] & ~others[w]; x != 0; x &= x - 1) {
        rows[i++] = (w << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return rows;
  }

  // One pass over now's members, reading before's members from words in before's rows: a member
  // with no row before, or whose row before was not a member, entered; each is marked in before's
  // rows, and before's members left unmarked exited. Members are read a batch of rows at a time.
  private Rows byMembers(RoaringBitmap membersNow, RoaringBitmap membersBefore) {
    copy(membersBefore, beforeWords);
    changed = 0;
    BatchIterator it = membersNow.getBatchIterator();
    while (it.hasNext()) {
      int n = it.nextBatch(batch);
      if (changedRows.length - changed < n) {
        changedRows = Arrays.copyOf(changedRows, Math.max(changedRows.length * 2, changed + n));
      }
      for (int i = 0; i < n; i++) {
        int r = batch[i];
        int o = beforeRowOf[r];
        if (o < 0) {
          changedRows[changed++] = r;
          continue;
        }
        int w = o >>> 6;
        // written every time, kept when the row was not a member before: no branch on the word
        changedRows[changed] = r;
        changed += (int) (~beforeWords[w] >>> o) & 1;
        nowInBefore[w] |= 1L << o;
      }
    }
    Rows change = new Rows(Arrays.copyOf(changedRows, changed), rowsOf(beforeWords, nowInBefore));
    Arrays.fill(beforeWords, 0L);
    Arrays.fill(nowInBefore, 0L);
    return change;
  }
}
