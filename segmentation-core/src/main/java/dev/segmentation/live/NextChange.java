package dev.segmentation.live;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.check.Checker;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a customer's results can next change with no new data: the earliest instant after {@code
 * asOf} at which a segment, score, tier or RFM cell of the catalog may differ, because a window
 * edge passes an event, a relative date passes a value, a calendar period rolls over in the zone,
 * an anniversary day or month starts or ends, or a "days since" count passes a threshold.
 *
 * <pre>{@code
 * NextChange next = NextChange.of(catalog, schema);
 * Optional<Instant> at = next.next(customer, ctx);            // any result
 * Optional<Instant> vip = next.next("vip", customer, ctx);    // one segment
 * }</pre>
 *
 * <p><b>Never late, sometimes early.</b> No result differs at any instant in {@code (asOf, next)}
 * (exact to the nanosecond: the bounds are computed by the engines' own code); at {@code next}
 * something the result depends on changes, but the result itself may stay the same: an event enters
 * a window that is compared with "at least 3" while the customer has 10, a value passes the bound
 * under an OR that is already TRUE. Event filters are not applied (every event of the type counts
 * as entering and leaving), and every event offers its "days since" thresholds. Empty when nothing
 * the catalog reads moves with time. Immutable and thread-safe. See {@code docs/live.md}.
 */
public final class NextChange {
  private final Catalog catalog;
  private final ImmutableList<String> segmentNames;
  private final ImmutableList<ImmutableList<Trigger>> bySegment;
  private final ImmutableList<Trigger> all;

  private NextChange(Catalog catalog) {
    this.catalog = catalog;
    this.segmentNames =
        catalog.segments().stream().map(Segment::name).collect(ImmutableList.toImmutableList());
    ImmutableList.Builder<ImmutableList<Trigger>> b = ImmutableList.builder();
    for (Segment s : catalog.segments()) {
      b.add(Triggers.ofSegment(catalog, s));
    }
    this.bySegment = b.build();
    this.all = Triggers.ofCatalog(catalog);
  }

  /**
   * Checks the catalog against the schema and collects what moves with time in it.
   *
   * @throws dev.segmentation.check.CheckException when the check finds an error
   */
  public static NextChange of(Catalog catalog, Schema schema) {
    if (catalog == null || schema == null) {
      throw new IllegalArgumentException("catalog and schema must not be null");
    }
    Checker.standard().check(catalog, schema).throwIfErrors();
    return new NextChange(catalog);
  }

  /** The catalog. */
  public Catalog catalog() {
    return catalog;
  }

  /** The segments' names in catalog order, the order of {@link #nextBySegment}. */
  public List<String> segmentNames() {
    return segmentNames;
  }

  /** Whether any result of the catalog can change by time alone for some customer. */
  public boolean dependsOnTime() {
    return !all.isEmpty();
  }

  /**
   * The earliest instant after {@code ctx.asOf()} at which any result (segment, score, tier, RFM
   * cell) can change for the customer without new data; empty when none can.
   */
  public Optional<Instant> next(Customer customer, EvaluationContext ctx) {
    return Optional.ofNullable(earliest(all, customer, ctx));
  }

  /**
   * As {@link #next(Customer, EvaluationContext)} for one segment (and what it refers to).
   *
   * @throws IllegalArgumentException naming the segments there are when there is no such segment
   */
  public Optional<Instant> next(String segment, Customer customer, EvaluationContext ctx) {
    if (segment == null) {
      throw new IllegalArgumentException("segment must not be null");
    }
    int i = segmentNames.indexOf(segment);
    if (i < 0) {
      throw new IllegalArgumentException(
          "the catalog has no segment \"" + segment + "\"; it has " + segmentNames);
    }
    return Optional.ofNullable(earliest(bySegment.get(i), customer, ctx));
  }

  /**
   * Each segment's next change for the customer, in {@link #segmentNames()} order; null where the
   * segment cannot change by time alone.
   */
  public Instant[] nextBySegment(Customer customer, EvaluationContext ctx) {
    Instant[] out = new Instant[bySegment.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = earliest(bySegment.get(i), customer, ctx);
    }
    return out;
  }

  /** Every row's next change of any result (null where none), by row. */
  public Instant[] nextByRow(CustomerTable table, EvaluationContext ctx) {
    check(table, ctx);
    Instant[] out = new Instant[table.size()];
    for (int row = 0; row < out.length; row++) {
      out[row] = earliest(all, table.customer(row), ctx);
    }
    return out;
  }

  /**
   * Per segment, the earliest instant at which some customer of the table can enter or leave it by
   * time alone ("recompute this segment at"), and how many customers can change then.
   */
  public Map<String, Due> schedule(CustomerTable table, EvaluationContext ctx) {
    check(table, ctx);
    Instant[] first = new Instant[bySegment.size()];
    int[] count = new int[bySegment.size()];
    for (int row = 0; row < table.size(); row++) {
      Instant[] next = nextBySegment(table.customer(row), ctx);
      for (int i = 0; i < next.length; i++) {
        if (next[i] == null) {
          continue;
        }
        int c = first[i] == null ? -1 : next[i].compareTo(first[i]);
        if (c < 0) {
          first[i] = next[i];
          count[i] = 1;
        } else if (c == 0) {
          count[i]++;
        }
      }
    }
    Map<String, Due> out = new LinkedHashMap<>();
    for (int i = 0; i < first.length; i++) {
      out.put(segmentNames.get(i), new Due(Optional.ofNullable(first[i]), count[i]));
    }
    return ImmutableMap.copyOf(out);
  }

  /**
   * When a segment is next due for recomputation over a table.
   *
   * @param at the earliest instant at which a customer can enter or leave; empty when none can
   * @param customers how many customers can change at that instant
   */
  public record Due(Optional<Instant> at, int customers) {}

  private static void check(CustomerTable table, EvaluationContext ctx) {
    if (table == null || ctx == null) {
      throw new IllegalArgumentException("table and ctx must not be null");
    }
  }

  private static Instant earliest(
      ImmutableList<Trigger> triggers, Customer customer, EvaluationContext ctx) {
    if (customer == null || ctx == null) {
      throw new IllegalArgumentException("customer and ctx must not be null");
    }
    Earliest out = new Earliest(ctx.asOf());
    for (Trigger t : triggers) {
      t.offer(customer, customer, ctx, out);
    }
    return out.best();
  }

  @Override
  public String toString() {
    return "NextChange" + segmentNames;
  }
}
