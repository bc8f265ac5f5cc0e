package dev.segmentation.plan.eval;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.model.Customer;
import dev.segmentation.model.ValueSource;
import dev.segmentation.segment.RfmSegment;

/**
 * The compiled nodes that read another part of the catalog: a segment's result, a score, a tier.
 * They resolve through the {@link Program}, whose parts are all compiled before any evaluation.
 */
final class References {
  private References() {}

  /** inSegment: the referenced segment's truth value. */
  static final class InSegmentNode extends Node {
    private final Program program;
    private final int segment;
    private final String description;

    InSegmentNode(Program program, int segment, String description) {
      this.program = program;
      this.segment = segment;
      this.description = description;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      return memo != null ? memo[segment] : program.segment(segment, customer, bounds);
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      Explanation e = program.explainSegment(segment, customer, bounds);
      return new Explanation(
          Kind.IN_SEGMENT, description, e.result(), null, null, ImmutableList.of(e));
    }
  }

  /** score("name") op value: never UNKNOWN. */
  static final class ScoreNode extends Node {
    private final Program program;
    private final int score;
    private final Operator op;
    private final NumericLiteral value;
    private final String description;
    private final String expected;

    ScoreNode(Program p, int score, Operator op, NumericLiteral value, String desc, String exp) {
      this.program = p;
      this.score = score;
      this.op = op;
      this.value = value;
      this.description = desc;
      this.expected = exp;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      return Truth.of(op.test(value.compareWith(program.score(score, customer, bounds, memo))));
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      Explanation e = program.explainScore(score, customer, bounds);
      double s = program.score(score, customer, bounds, null);
      return new Explanation(
          Kind.SCORE,
          description,
          Truth.of(op.test(value.compareWith(s))),
          Show.value(s),
          expected,
          ImmutableList.of(e));
    }
  }

  /** inTier of a tiering: TRUE for the given tier, FALSE for any other. */
  static final class TierNode extends Node {
    private final Program program;
    private final int tiering;
    private final int tier;
    private final String description;
    private final String expected;

    TierNode(Program program, int tiering, int tier, String description, String expected) {
      this.program = program;
      this.tiering = tiering;
      this.tier = tier;
      this.description = description;
      this.expected = expected;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      return Truth.of(program.tierIndex(tiering, customer, bounds, memo) == tier);
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      Explanation e = program.explainTiering(tiering, customer, bounds);
      int actual = program.tierIndex(tiering, customer, bounds, null);
      return new Explanation(
          Kind.IN_TIER,
          description,
          Truth.of(actual == tier),
          Show.quote(program.tierName(tiering, actual)),
          expected,
          ImmutableList.of(e));
    }
  }

  /** inTier of an RFM model: UNKNOWN for a customer without events in the model's window. */
  static final class RfmTierNode extends Node {
    private final Program program;
    private final int model;
    private final RfmSegment segment;
    private final String description;
    private final String expected;

    RfmTierNode(Program p, int model, RfmSegment segment, String description, String expected) {
      this.program = p;
      this.model = model;
      this.segment = segment;
      this.description = description;
      this.expected = expected;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      RfmSegment s = program.rfmSegment(model, customer, bounds);
      return s == null ? Truth.UNKNOWN : Truth.of(s == segment);
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      Explanation e = program.explainRfm(model, customer, bounds);
      RfmSegment s = program.rfmSegment(model, customer, bounds);
      return new Explanation(
          Kind.IN_TIER,
          description,
          s == null ? Truth.UNKNOWN : Truth.of(s == segment),
          s == null ? Explanation.MISSING : Show.quote(s.externalName()),
          expected,
          ImmutableList.of(e));
    }
  }
}
