package dev.segmentation.dsl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The one class to {@code import static}: fields, segments, events, scores, tiers and catalogs.
 *
 * <pre>{@code
 * import static dev.segmentation.dsl.Rules.*;
 * import static dev.segmentation.condition.WindowUnit.DAYS;
 *
 * static final StringField COUNTRY = string("country");
 * static final IntegerField ORDERS_90D = integer("orders90d");
 *
 * Segment nordicRepeat = segment("nordic-repeat-buyers")
 *     .describedAs("Nordic customers with three or more orders in 90 days")
 *     .where(COUNTRY.in("FI", "SE", "NO").and(ORDERS_90D.ge(3)));
 * Segment recentBuyers = segment("recent-buyers")
 *     .where(events("purchase").inLast(90, DAYS).count().ge(3));
 * }</pre>
 *
 * Everything returned is a value of the core ({@code Condition}, {@code Segment}, {@code Catalog},
 * ...) or an immutable step towards one.
 */
public final class Rules {
  private Rules() {}

  // ------------------------------------------------------------------ fields

  /** A string attribute. */
  public static StringField string(String name) {
    return new StringField(Attribute.string(name));
  }

  /** A 64-bit integer attribute. */
  public static IntegerField integer(String name) {
    return new IntegerField(Attribute.integer(name));
  }

  /** A floating-point attribute. */
  public static NumberField number(String name) {
    return new NumberField(Attribute.number(name));
  }

  /** A boolean attribute. */
  public static BooleanField bool(String name) {
    return new BooleanField(Attribute.bool(name));
  }

  /** A date attribute. */
  public static DateField date(String name) {
    return new DateField(Attribute.date(name));
  }

  /** A timestamp attribute. */
  public static TimestampField timestamp(String name) {
    return new TimestampField(Attribute.timestamp(name));
  }

  /** A set-of-strings attribute (tags). */
  public static TagsField tags(String name) {
    return new TagsField(Attribute.stringSet(name));
  }

  /** A geographic point attribute. */
  public static GeoField geoPoint(String name) {
    return new GeoField(Attribute.geoPoint(name));
  }

  /** An attribute known only by name, for rules built at run time; check them against a schema. */
  public static AnyField attribute(String name) {
    return new AnyField(name);
  }

  /** A geographic point, for {@link GeoField#withinKm}. */
  public static GeoPoint point(double latitude, double longitude) {
    return new GeoPoint(latitude, longitude);
  }

  /** A date literal, {@code date(2024, 5, 31)}. */
  public static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  /** An instant literal from ISO-8601, {@code instant("2024-05-31T12:00:00Z")}. */
  public static Instant instant(String iso) {
    return Instant.parse(iso);
  }

  // ------------------------------------------------------------------ logic

  /** TRUE when every condition is TRUE (SQL AND). */
  public static Condition allOf(Condition... conditions) {
    return And.of(conditions);
  }

  /** TRUE when any condition is TRUE (SQL OR). */
  public static Condition anyOf(Condition... conditions) {
    return Or.of(conditions);
  }

  /** SQL NOT: UNKNOWN stays UNKNOWN. */
  public static Condition not(Condition condition) {
    return new Not(condition);
  }

  /** Every customer. */
  public static Condition always() {
    return new Always();
  }

  /** No customer. */
  public static Condition never() {
    return new Never();
  }

  /** The result of another segment of the same catalog. */
  public static Condition inSegment(String segment) {
    return new InSegment(segment);
  }

  /** TRUE when the customer's tier in {@code tiering} (or RFM model) is {@code tier}. */
  public static Condition inTier(String tiering, String tier) {
    return new InTier(tiering, tier);
  }

  /** A score of the catalog, to compare: {@code score("engagement").ge(50)}. */
  public static Aggregated score(String scoreModel) {
    return new Aggregated((op, value) -> new ScoreCondition(scoreModel, op, value));
  }

  /** The customer's events of one type, every one up to {@code asOf} until narrowed. */
  public static EventQuery events(String eventType) {
    return new EventQuery(eventType, new Always(), EventWindow.ever());
  }

  // ------------------------------------------------------------------ models

  /** A segment; finish with {@code .where(condition)}. */
  public static SegmentStep segment(String name) {
    return new SegmentStep(name, "");
  }

  /** A lead score model; add rules, finish with {@code .build()}. */
  public static ScoreModelBuilder scoreModel(String name) {
    return new ScoreModelBuilder(name, "", ImmutableList.of(), ImmutableMap.of(), null);
  }

  /** A tiering; add tiers, finish with {@code .otherwise(tier)}. */
  public static TieringBuilder tiering(String name) {
    return new TieringBuilder(name, "", ImmutableList.of());
  }

  /**
   * An RFM model with frozen cut points (four ascending values each; see {@link RfmModel}).
   *
   * <pre>{@code
   * RfmModel model = rfm("rfm", "purchase", "amount", EventWindow.last(2, YEARS),
   *     List.of(30.0, 90.0, 180.0, 365.0), List.of(1.0, 2.0, 4.0, 8.0),
   *     List.of(50.0, 150.0, 400.0, 1000.0));
   * }</pre>
   */
  public static RfmModel rfm(
      String name,
      String eventType,
      String moneyProperty,
      EventWindow window,
      List<Double> recencyCuts,
      List<Double> frequencyCuts,
      List<Double> monetaryCuts) {
    return new RfmModel(
        name,
        "",
        eventType,
        moneyProperty,
        window,
        ImmutableList.copyOf(recencyCuts),
        ImmutableList.copyOf(frequencyCuts),
        ImmutableList.copyOf(monetaryCuts));
  }

  /** A catalog of segments. */
  public static Catalog catalog(Segment... segments) {
    return Catalog.of(Arrays.asList(segments));
  }

  /** A catalog of segments, scores, tierings and RFM models. */
  public static Catalog catalog(
      List<Segment> segments,
      List<ScoreModel> scores,
      List<Tiering> tierings,
      List<RfmModel> rfmModels) {
    return new Catalog(
        ImmutableList.copyOf(segments),
        ImmutableList.copyOf(scores),
        ImmutableList.copyOf(tierings),
        ImmutableList.copyOf(rfmModels));
  }
}
