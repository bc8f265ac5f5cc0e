package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testkit.RandomCatalogs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.roaringbitmap.RoaringBitmap;

/**
 * {@link BatchResult#diff} against its definition, computed the slow way by customer id: entered =
 * members now whose id was not a member before, in the current row order; exited = members before
 * whose id is not a member now, in the previous row order. Day two keeps, drops, reorders and adds
 * customers in each of the ways two exports can differ, which takes {@link RowMatch} down each of
 * its paths (identical ids, a few runs in order, a shuffled order).
 */
class MembershipDiffTest {

  enum Layout {
    SAME_TABLE,
    SAME_IDS_SAME_ORDER,
    DROPPED_AND_APPENDED,
    SHUFFLED
  }

  @Property(tries = 60)
  void diffIsTheDifferenceOfMemberIds(
      @ForAll @IntRange(min = 0, max = 10_000) long seed,
      @ForAll @IntRange(min = 0, max = 300) int size,
      @ForAll Layout layout) {
    RandomCatalogs day1 = new RandomCatalogs(seed);
    RandomCatalogs day2 = new RandomCatalogs(seed + 1); // other values for the same ids
    Catalog catalog = day1.catalog(5);
    ColumnarCatalog compiled = ColumnarEngine.compile(catalog, RandomCatalogs.SCHEMA);
    List<SchemaCustomer> before = day1.customers(size);
    CustomerTable beforeTable = CustomerTable.of(RandomCatalogs.SCHEMA, before);
    Random random = new Random(seed);
    List<Customer> now = new ArrayList<>();
    switch (layout) {
      case SAME_TABLE, SAME_IDS_SAME_ORDER -> before.forEach(c -> now.add(day2.customer(c.id())));
      case DROPPED_AND_APPENDED -> dropAndAppend(before, day2, random, 10, now);
      case SHUFFLED -> {
        dropAndAppend(before, day2, random, 5, now);
        Collections.shuffle(now, random);
      }
    }
    CustomerTable nowTable =
        layout == Layout.SAME_TABLE ? beforeTable : CustomerTable.of(RandomCatalogs.SCHEMA, now);
    BatchResult first = compiled.evaluate(beforeTable, RandomCatalogs.CTX);
    BatchResult second =
        layout == Layout.SAME_TABLE
            ? compiled.evaluate(
                beforeTable, EvaluationContext.at(RandomCatalogs.AS_OF.plusSeconds(86_400L * 40)))
            : compiled.evaluate(nowTable, RandomCatalogs.CTX);
    MembershipDiff diff = second.diff(first);
    // Each table's ids are decoded at most once per diff: a customer that entered (or left) several
    // segments is one String in all of them.
    Map<String, String> enteredOnce = new HashMap<>();
    Map<String, String> exitedOnce = new HashMap<>();
    for (String segment : second.segmentNames()) {
      for (String id : diff.of(segment).entered()) {
        assertThat(enteredOnce.computeIfAbsent(id, k -> id)).as("entered %s", id).isSameAs(id);
      }
      for (String id : diff.of(segment).exited()) {
        assertThat(exitedOnce.computeIfAbsent(id, k -> id)).as("exited %s", id).isSameAs(id);
      }
    }
    for (String segment : second.segmentNames()) {
      Set<String> was = ids(first, segment);
      Set<String> is = ids(second, segment);
      List<String> entered = new ArrayList<>();
      for (int r = 0; r < nowTable.size(); r++) {
        String id = nowTable.id(r);
        if (is.contains(id) && !was.contains(id)) {
          entered.add(id);
        }
      }
      List<String> exited = new ArrayList<>();
      for (int r = 0; r < beforeTable.size(); r++) {
        String id = beforeTable.id(r);
        if (was.contains(id) && !is.contains(id)) {
          exited.add(id);
        }
      }
      assertThat(diff.of(segment).entered()).as(segment).containsExactlyElementsOf(entered);
      assertThat(diff.of(segment).exited()).as(segment).containsExactlyElementsOf(exited);
    }
  }

  // Day two: about one customer in `oneIn` of day one dropped, as many new ones appended.
  private static void dropAndAppend(
      List<SchemaCustomer> before,
      RandomCatalogs day2,
      Random random,
      int oneIn,
      List<Customer> now) {
    before.stream()
        .filter(c -> random.nextInt(oneIn) != 0)
        .forEach(c -> now.add(day2.customer(c.id())));
    for (int i = 0; i < before.size() / oneIn + 1; i++) {
      now.add(day2.customer("new" + i));
    }
  }

  /**
   * Whole batches of members that all changed, over tables in opposite orders (so the rows are
   * matched by members): a segment every customer entered, and one every customer left.
   */
  @Example
  void everyMemberEnteredOrExited() {
    List<SchemaCustomer> customers = new RandomCatalogs(7).customers(1_000);
    List<SchemaCustomer> reversed = new ArrayList<>(customers);
    Collections.reverse(reversed);
    CustomerTable before = CustomerTable.of(RandomCatalogs.SCHEMA, customers);
    CustomerTable now = CustomerTable.of(RandomCatalogs.SCHEMA, reversed);
    RoaringBitmap all = RoaringBitmap.bitmapOfRange(0, 1_000);
    BatchResult first = result(before, new RoaringBitmap(), all);
    BatchResult second = result(now, all, new RoaringBitmap());

    MembershipDiff diff = second.diff(first);

    List<String> nowIds = reversed.stream().map(SchemaCustomer::id).toList();
    List<String> beforeIds = customers.stream().map(SchemaCustomer::id).toList();
    assertThat(diff.of("entered").entered()).containsExactlyElementsOf(nowIds);
    assertThat(diff.of("entered").exited()).isEmpty();
    assertThat(diff.of("exited").entered()).isEmpty();
    assertThat(diff.of("exited").exited()).containsExactlyElementsOf(beforeIds);
  }

  // A result over the table with segments "entered" and "exited" of these members.
  private static BatchResult result(
      CustomerTable table, RoaringBitmap entered, RoaringBitmap exited) {
    return new BatchResult(
        table,
        RandomCatalogs.CTX,
        null,
        ImmutableList.of("entered", "exited"),
        new RoaringBitmap[] {entered, exited},
        Map.of(),
        Map.of());
  }

  /**
   * The ids of a diff's changes, decoded after all of them are marked: each change lists its rows'
   * ids in its own order, and a row in several changes is one {@code String} in all of them (rows
   * on both sides of 64-bit word boundaries, empty changes, and no change at all).
   */
  @Property(tries = 200)
  void decodedIdsListEachChangesRowsOnce(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 700) int size) {
    Random random = new Random(seed);
    List<SchemaCustomer> customers = new RandomCatalogs(seed).customers(size);
    CustomerTable table = CustomerTable.of(RandomCatalogs.SCHEMA, customers);
    DecodedIds decoded = new DecodedIds(table);
    List<int[]> changes = new ArrayList<>();
    for (int c = random.nextInt(5); c > 0 && size > 0; c--) {
      // rows in order, from a random share of the table (sometimes none)
      int share = random.nextInt(4);
      int[] rows =
          IntStream.range(0, size).filter(r -> share > 0 && random.nextInt(4) < share).toArray();
      changes.add(rows);
      decoded.mark(rows);
    }
    decoded.decode();
    Map<String, String> once = new HashMap<>();
    for (int[] rows : changes) {
      List<String> ids = decoded.ids(rows);
      assertThat(ids).hasSize(rows.length);
      for (int i = 0; i < rows.length; i++) {
        String id = ids.get(i);
        assertThat(id).as("row %d", rows[i]).isEqualTo(customers.get(rows[i]).id());
        assertThat(once.computeIfAbsent(id, k -> id)).as("row %d", rows[i]).isSameAs(id);
      }
    }
    assertThat(decoded.ids(new int[0])).isEmpty();
  }

  @Property(tries = 300)
  void shiftCopiesExactlyTheRangeOfBits(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int from,
      @ForAll @IntRange(min = 0, max = 300) int to,
      @ForAll @IntRange(min = 0, max = 200) int length) {
    Random random = new Random(seed);
    long[] src = new long[8];
    for (int i = 0; i < src.length; i++) {
      src[i] = random.nextLong();
    }
    long[] dst = new long[8];
    RowMatch.shift(src, from, dst, to, length);
    for (int bit = 0; bit < 512; bit++) {
      boolean expected =
          bit >= to
              && bit < to + length
              && (src[(bit - to + from) >>> 6] & (1L << (bit - to + from))) != 0;
      assertThat((dst[bit >>> 6] & (1L << bit)) != 0).as("bit %d", bit).isEqualTo(expected);
    }
  }

  /**
   * Row matching against a map from id to row, for the layouts that take it down each of its ways:
   * comparing with the row after the previous match, probing the index one row at a time, and
   * probing it {@link CustomerIds#PROBE_BATCH} rows at a time once those comparisons keep failing
   * (shuffled blocks switch between the three, with batches cut short by the table's end, and
   * longer than {@link CustomerIds#WINDOW} lookups or shorter). With {@code sameHash}, every id has
   * the same hash, so that each lookup walks one long run of slots whose high bits all match.
   */
  @Property(tries = 200)
  void rowsInFindsEachIdsRow(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3000) int size,
      @ForAll @IntRange(min = 1, max = 2500) int longestBlock,
      @ForAll boolean sameHash) {
    Random random = new Random(seed);
    if (sameHash) {
      size = Math.min(size, 600); // each lookup compares with about half the ids
    }
    List<String> before = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      before.add(sameHash ? sameHashId(i) : ID_PREFIXES[random.nextInt(ID_PREFIXES.length)] + i);
    }
    List<String> kept = new ArrayList<>();
    before.stream().filter(id -> random.nextInt(10) != 0).forEach(kept::add);
    for (int i = 0; i < size / 10 + 1; i++) {
      kept.add(sameHash ? sameHashId(4095 - i) : "new-" + i);
    }
    List<List<String>> blocks = new ArrayList<>();
    for (int i = 0; i < kept.size(); ) {
      int n = Math.min(kept.size() - i, 1 + random.nextInt(longestBlock));
      blocks.add(kept.subList(i, i + n));
      i += n;
    }
    Collections.shuffle(blocks, random);
    List<String> now = new ArrayList<>();
    blocks.forEach(now::addAll);
    CustomerIds beforeIds = ids(before);
    CustomerIds nowIds = ids(now);

    int[] rows = nowIds.rowsIn(beforeIds);

    for (int r = 0; r < now.size(); r++) {
      assertThat(rows[r]).as("row %d, %s", r, now.get(r)).isEqualTo(before.indexOf(now.get(r)));
    }
  }

  // The 24-byte id of i (below 4,096): its bits as "Aa" and "BB", which add the same to a
  // polynomial hash of base 31 (31 * 'A' + 'a' = 31 * 'B' + 'B'), so all such ids hash alike.
  private static String sameHashId(int i) {
    StringBuilder id = new StringBuilder();
    for (int bit = 11; bit >= 0; bit--) {
      id.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
    }
    return id.toString();
  }

  // Short and long ids, ASCII and not, with the digits that tell them apart in the first 8 bytes,
  // in a later 8 bytes, or in the bytes after the last whole 8.
  private static final String[] ID_PREFIXES = {"c-", "ü-", "customer-", "customer-2026-12-04-"};

  /**
   * The index tells apart ids of every length from 0 to 24 bytes that differ in one byte anywhere
   * (two letters make many ids of one length that share all but a byte): a new id is staged, a
   * repeated one is refused, and each id finds its own row and an absent id none.
   */
  @Property(tries = 200)
  void idsThatDifferInOneByteAreTwoRows(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count) {
    Random random = new Random(seed);
    CustomerIds ids = new CustomerIds();
    Map<String, Integer> rows = new HashMap<>();
    List<String> absent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder id = new StringBuilder();
      for (int n = random.nextInt(25); id.length() < n; ) {
        id.append(random.nextBoolean() ? 'a' : 'b');
      }
      String s = id.toString();
      if (random.nextInt(4) == 0) {
        if (!rows.containsKey(s)) {
          absent.add(s);
        }
        continue;
      }
      boolean isNew = !rows.containsKey(s);
      assertThat(ids.stage(s)).as("stage %s", s).isEqualTo(isNew);
      if (isNew) {
        ids.commit();
        rows.put(s, rows.size());
      }
    }
    rows.forEach((id, row) -> assertThat(ids.row(id)).as(id).isEqualTo(row));
    for (String id : absent) {
      assertThat(ids.row(id)).as(id).isEqualTo(rows.getOrDefault(id, -1));
    }
  }

  private static CustomerIds ids(List<String> list) {
    CustomerIds ids = new CustomerIds();
    for (String id : list) {
      assertThat(ids.stage(id)).as(id).isTrue();
      ids.commit();
    }
    return ids;
  }

  private static Set<String> ids(BatchResult result, String segment) {
    Set<String> ids = new HashSet<>();
    result.memberIds(segment).forEach(ids::add);
    return ids;
  }
}
