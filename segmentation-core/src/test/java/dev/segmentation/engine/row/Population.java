package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.AS_OF;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic catalog using every kind of condition that evaluates without allocating (no regular
 * expressions, no distinct counts), and random customers for it.
 */
final class Population {
  private Population() {}

  /** Adults in Finland, Sweden or Norway. */
  static final Segment NORDIC_ADULTS =
      Segment.of(
          "nordic-adults",
          new Compare("age", Operator.GE, 18L).and(In.of("country", "FI", "SE", "NO")));

  static final Catalog CATALOG =
      new Catalog(
          ImmutableList.of(
              NORDIC_ADULTS,
              Segment.of("not-nordic", new Not(In.of("country", "FI", "SE", "NO"))),
              Segment.of(
                  "wealthy",
                  new Between("balance", 1000L, 1e6)
                      .or(new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip")))),
              Segment.of(
                  "recently-seen",
                  new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS)),
              Segment.of(
                  "seen-this-month", new CalendarWindow("lastSeen", CalendarPeriod.THIS_MONTH)),
              Segment.of(
                  "company-email",
                  new StringMatch("email", StringMatch.Op.ENDS_WITH, "@Example.com", true)),
              Segment.of("birthday-month", new Anniversary("birthday", Anniversary.Period.MONTH)),
              Segment.of(
                  "frequent-buyers",
                  new EventCondition(
                      "purchase",
                      new Always(),
                      EventWindow.last(90, WindowUnit.DAYS),
                      Aggregate.COUNT,
                      null,
                      Operator.GE,
                      2L)),
              Segment.of(
                  "paper-spenders",
                  new EventCondition(
                      "purchase",
                      new Compare("category", Operator.EQ, "paper"),
                      EventWindow.last(1, WindowUnit.YEARS),
                      Aggregate.SUM,
                      "amount",
                      Operator.GT,
                      500L)),
              Segment.of(
                  "lapsed",
                  new EventCondition(
                      "purchase",
                      new Always(),
                      EventWindow.ever(),
                      Aggregate.DAYS_SINCE_LAST,
                      null,
                      Operator.GT,
                      180L)),
              Segment.of("vip", new InSegment("nordic-adults").and(new InSegment("wealthy"))),
              Segment.of("hot-lead", new ScoreCondition("engagement", Operator.GE, 30L)),
              Segment.of(
                  "gold-or-better",
                  new InTier("value", "platinum").or(new InTier("value", "gold"))),
              Segment.of("rfm-champions", new InTier("rfm", "champions")),
              Segment.of(
                  "near-helsinki", new GeoWithin("location", new GeoPoint(60.1699, 24.9384), 50)),
              Segment.of("has-email", Presence.isPresent("email")),
              Segment.of("untagged", new TagCount("tags", Operator.EQ, 0))),
          ImmutableList.of(ScoresTiersRfmTest.ENGAGEMENT),
          ImmutableList.of(ScoresTiersRfmTest.VALUE, ScoresTiersRfmTest.SIZE),
          ImmutableList.of(ScoresTiersRfmTest.RFM));

  private static final String[] COUNTRIES = {"FI", "SE", "NO", "DE", "US"};
  private static final String[] TAGS = {"vip", "new", "churn-risk", "b2b"};
  private static final String[] CATEGORIES = {"paper", "pens", "ink"};

  /** {@code n} random customers; each attribute is missing about one time in five. */
  static List<SchemaCustomer> customers(long seed, int n) {
    Random r = new Random(seed);
    List<SchemaCustomer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SchemaCustomer.Builder b = Fixtures.customer("c" + i);
      if (r.nextInt(5) > 0) {
        b.set("age", (long) r.nextInt(90));
      }
      if (r.nextInt(5) > 0) {
        b.set("country", COUNTRIES[r.nextInt(COUNTRIES.length)]);
      }
      if (r.nextInt(5) > 0) {
        b.set("balance", r.nextInt(3) == 0 ? r.nextInt(5000) : r.nextDouble() * 5000);
      }
      if (r.nextInt(5) > 0) {
        ImmutableSet.Builder<String> tags = ImmutableSet.builder();
        for (String t : TAGS) {
          if (r.nextInt(3) == 0) {
            tags.add(t);
          }
        }
        b.set("tags", tags.build());
      }
      if (r.nextInt(5) > 0) {
        b.set("lastSeen", AS_OF.minusSeconds(r.nextInt(90 * 86_400)));
      }
      if (r.nextInt(5) > 0) {
        b.set("email", "user" + i + (r.nextBoolean() ? "@EXAMPLE.com" : "@other.org"));
      }
      if (r.nextInt(5) > 0) {
        b.set("birthday", LocalDate.of(1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)));
      }
      if (r.nextInt(5) > 0) {
        b.set("location", new GeoPoint(59 + r.nextDouble() * 3, 22 + r.nextDouble() * 5));
      }
      if (r.nextInt(5) > 0) {
        b.set("employees", (long) r.nextInt(500));
      }
      if (r.nextInt(5) > 0) {
        b.set("active", r.nextBoolean());
      }
      int purchases = r.nextInt(12);
      for (int p = 0; p < purchases; p++) {
        b.event(
            "purchase",
            AS_OF.minusSeconds(r.nextInt(400 * 86_400)),
            r.nextInt(6) == 0
                ? Map.of()
                : Map.of(
                    "amount",
                    r.nextInt(400) + 0.5,
                    "category",
                    CATEGORIES[r.nextInt(CATEGORIES.length)]));
      }
      out.add(b.build());
    }
    return out;
  }

  static CompiledCatalog compiled() {
    return RowEngine.compile(CATALOG, SCHEMA);
  }
}
