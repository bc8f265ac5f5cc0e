package dev.segmentation.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded catalogs of segments of 3 to 8 leaves each, drawn from a pool of 32 leaves so that
 * segments share sub-conditions, as the segments of one marketing team do.
 */
public final class Catalogs {

  /** The catalog of the batch catalog benchmark. */
  public static final int BATCH_SIZE = 100;

  /** The catalog of the single-customer benchmark. */
  public static final int SINGLE_SIZE = 20;

  /** The catalog of the authoring benchmark. */
  public static final int AUTHORING_SIZE = 1_000;

  private Catalogs() {}

  /** The leaves segments are made of; index order is stable, so catalogs are reproducible. */
  static final ImmutableList<Condition> LEAVES =
      ImmutableList.of(
          new Compare("age", Operator.GE, 18L),
          new Compare("age", Operator.GE, 30L),
          new Compare("age", Operator.LT, 40L),
          new Between("age", 25L, 44L),
          new Compare("age", Operator.GE, 65L),
          In.of("country", "FI", "SE", "NO"),
          new Compare("country", Operator.EQ, "DE"),
          In.of("country", "US", "CA", "GB"),
          In.of("city", "Helsinki", "Espoo", "Tampere", "Stockholm", "Oslo"),
          new Compare("income", Operator.GT, 30_000.0),
          new Between("income", 50_000.0, 200_000.0),
          In.of("industry", "retail", "restaurant", "hotel"),
          new StringMatch("industry", StringMatch.Op.STARTS_WITH, "re", false),
          new Compare("employees", Operator.GE, 50L),
          In.of("companySize", "medium", "large", "enterprise"),
          new Compare("revenue", Operator.GT, 1_000_000.0),
          new RelativeTime("signupDate", RelativeTime.Op.WITHIN_LAST, 365, WindowUnit.DAYS),
          new RelativeTime("signupDate", RelativeTime.Op.MORE_THAN_AGO, 2, WindowUnit.YEARS),
          new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS),
          new RelativeTime("lastSeen", RelativeTime.Op.MORE_THAN_AGO, 180, WindowUnit.DAYS),
          new Compare("emailOptIn", Operator.EQ, true),
          new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip")),
          new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("newsletter", "mobile")),
          new TagMatch("tags", TagMatch.Op.CONTAINS_NONE, ImmutableSet.of("churn-risk")),
          new Compare("device", Operator.EQ, "ios"),
          In.of("device", "ios", "android"),
          new TagMatch("techStack", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("shopify")),
          new Compare("spend90d", Operator.GT, 500.0),
          new Compare("spend90d", Operator.GE, 100.0),
          new Compare("orders90d", Operator.GE, 2L),
          new EventCondition(
              "purchase",
              new Always(),
              EventWindow.last(90, WindowUnit.DAYS),
              Aggregate.COUNT,
              null,
              Operator.GE,
              3L),
          new EventCondition(
              "purchase",
              new Always(),
              EventWindow.last(365, WindowUnit.DAYS),
              Aggregate.SUM,
              "amount",
              Operator.GT,
              1_000.0));

  /**
   * {@code size} segments named {@code s0}, {@code s1}, ...: each an AND of 3 to 8 distinct leaves
   * of the pool; in about a third the last two leaves are joined by OR instead, and in about a
   * fifth one leaf is negated.
   */
  public static Catalog catalog(int size, long seed) {
    Random random = new Random(seed);
    List<Segment> segments = new ArrayList<>(size);
    for (int s = 0; s < size; s++) {
      int leaves = 3 + random.nextInt(6);
      List<Integer> pool = new ArrayList<>();
      for (int i = 0; i < LEAVES.size(); i++) {
        pool.add(i);
      }
      List<Condition> picked = new ArrayList<>(leaves);
      for (int i = 0; i < leaves; i++) {
        picked.add(LEAVES.get(pool.remove(random.nextInt(pool.size()))));
      }
      if (random.nextInt(5) == 0) {
        int i = random.nextInt(leaves);
        picked.set(i, new Not(picked.get(i)));
      }
      Condition where;
      if (random.nextInt(3) == 0) {
        List<Condition> and = new ArrayList<>(picked.subList(0, leaves - 2));
        and.add(Or.of(picked.get(leaves - 2), picked.get(leaves - 1)));
        where = new And(ImmutableList.copyOf(and));
      } else {
        where = new And(ImmutableList.copyOf(picked));
      }
      segments.add(Segment.of("s" + s, where));
    }
    return Catalog.of(segments);
  }
}
