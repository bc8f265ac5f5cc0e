package dev.segmentation.engine.columnar;

import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.plan.eval.PlanEvaluator;
import dev.segmentation.segment.RfmSegment;

/**
 * One node of a plan bound to a table and a context: computes the node's TRUE and FALSE bits for
 * some rows of a chunk.
 *
 * <p>Contract of {@link #eval}: on entry, the rows of {@code need} are in neither {@code s.t[id]}
 * nor {@code s.f[id]}; on return, each of them has its exact result there (TRUE, FALSE, or UNKNOWN
 * as neither bit), and no other bit of those words changed. A kernel reads its children's results
 * through {@link Scratch#request} at {@code depth + 1}, asking only for the rows whose result can
 * still change its own: an AND asks a child only about rows no earlier child made FALSE, which is
 * the columnar form of short-circuit evaluation.
 */
abstract class Kernel {

  abstract void eval(int id, Scratch s, long[] need, int depth);

  /** TRUE, FALSE or UNKNOWN for every row. */
  static final class Constant extends Kernel {
    private final Truth truth;

    Constant(Truth truth) {
      this.truth = truth;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      long[] out = truth == Truth.TRUE ? s.t[id] : truth == Truth.FALSE ? s.f[id] : null;
      if (out != null) {
        for (int w = 0; w < s.words; w++) {
          out[w] |= need[w];
        }
      }
    }
  }

  /**
   * Kleene AND ({@code T = T1 & T2 & ..., F = F1 | F2 | ...}) or its dual OR. Operands are asked in
   * order (cheapest first, see the plan) about the rows the junction has not decided yet; the
   * decisive value (FALSE for AND, TRUE for OR) of one operand removes a row from the later
   * operands' requests.
   */
  static final class Junction extends Kernel {
    private final int[] of;
    private final boolean and;

    Junction(int[] of, boolean and) {
      this.of = of;
      this.and = and;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      int words = s.words;
      long[] care = s.frame(depth, 1);
      long[] decided = s.frame(depth, 2); // rows with the decisive value
      long[] undecided = s.frame(depth, 3); // rows every operand gave the identity value so far
      for (int w = 0; w < words; w++) {
        decided[w] = 0;
        undecided[w] = need[w];
      }
      for (int c : of) {
        long any = 0;
        for (int w = 0; w < words; w++) {
          long open = need[w] & ~decided[w];
          care[w] = open;
          any |= open;
        }
        if (any == 0) {
          break;
        }
        s.request(c, care, depth + 1);
        long[] decisive = and ? s.f[c] : s.t[c];
        long[] identity = and ? s.t[c] : s.f[c];
        for (int w = 0; w < words; w++) {
          decided[w] |= decisive[w] & need[w];
          undecided[w] &= identity[w];
        }
      }
      long[] decisiveOut = and ? s.f[id] : s.t[id];
      long[] identityOut = and ? s.t[id] : s.f[id];
      for (int w = 0; w < words; w++) {
        decisiveOut[w] |= decided[w];
        identityOut[w] |= undecided[w];
      }
    }
  }

  /** Kleene NOT: swaps TRUE and FALSE; UNKNOWN stays. */
  static final class Not extends Kernel {
    private final int of;

    Not(int of) {
      this.of = of;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      s.request(of, need, depth + 1);
      long[] t = s.t[id];
      long[] f = s.f[id];
      long[] ct = s.t[of];
      long[] cf = s.f[of];
      for (int w = 0; w < s.words; w++) {
        t[w] |= cf[w] & need[w];
        f[w] |= ct[w] & need[w];
      }
    }
  }

  /** Sets the bit of chunk row {@code i} in the result words of {@code truth}. */
  static void set(Scratch s, int id, int i, Truth truth) {
    if (truth == Truth.TRUE) {
      s.t[id][i >>> 6] |= 1L << i;
    } else if (truth == Truth.FALSE) {
      s.f[id][i >>> 6] |= 1L << i;
    }
  }

  /** Any plan node, row by row through the plan-node evaluator: exact for every kind, slower. */
  static final class RowByRow extends Kernel {
    private final PlanEvaluator rows;
    private final int node;
    private final EvaluationContext ctx;

    RowByRow(PlanEvaluator rows, int node, EvaluationContext ctx) {
      this.rows = rows;
      this.node = node;
      this.ctx = ctx;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      for (int w = 0; w < s.words; w++) {
        for (long m = need[w]; m != 0; m &= m - 1) {
          int i = (w << 6) + Long.numberOfTrailingZeros(m);
          s.view.row = s.first + i;
          set(s, id, i, rows.node(node, s.view, ctx));
        }
      }
    }
  }

  /** A tier of an RFM model, row by row through the plan-node evaluator. */
  static final class RfmTier extends Kernel {
    private final PlanEvaluator rows;
    private final int model;
    private final EvaluationContext ctx;
    private final String tier;

    RfmTier(PlanEvaluator rows, int model, EvaluationContext ctx, String tier) {
      this.rows = rows;
      this.model = model;
      this.ctx = ctx;
      this.tier = tier;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      for (int w = 0; w < s.words; w++) {
        for (long m = need[w]; m != 0; m &= m - 1) {
          int i = (w << 6) + Long.numberOfTrailingZeros(m);
          s.view.row = s.first + i;
          RfmSegment actual = rows.rfmSegment(model, s.view, ctx);
          set(
              s,
              id,
              i,
              actual == null ? Truth.UNKNOWN : Truth.of(actual.externalName().equals(tier)));
        }
      }
    }
  }

  /** A score compared with a number, from the score's rule nodes (never UNKNOWN). */
  static final class ScoreCompare extends Kernel {
    private final ScorePlan plan;
    private final NumericLiteral literal;
    private final Operator op;

    ScoreCompare(ScorePlan plan, NumericLiteral literal, Operator op) {
      this.plan = plan;
      this.literal = literal;
      this.op = op;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      for (int rule : plan.ruleNodes) {
        s.request(rule, need, depth + 1);
      }
      for (int w = 0; w < s.words; w++) {
        for (long m = need[w]; m != 0; m &= m - 1) {
          int bit = Long.numberOfTrailingZeros(m);
          boolean holds = op.test(literal.compareWith(plan.score(s.t, w, bit)));
          (holds ? s.t[id] : s.f[id])[w] |= 1L << bit;
        }
      }
    }
  }

  /** A tiering's tier is a given one, from the tiers' nodes (never UNKNOWN). */
  static final class TierIs extends Kernel {
    private final TierPlan plan;
    private final int wanted;

    TierIs(TierPlan plan, int wanted) {
      this.plan = plan;
      this.wanted = wanted;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      plan.request(s, need, depth + 1);
      for (int w = 0; w < s.words; w++) {
        for (long m = need[w]; m != 0; m &= m - 1) {
          int bit = Long.numberOfTrailingZeros(m);
          (plan.tier(s.t, w, bit) == wanted ? s.t[id] : s.f[id])[w] |= 1L << bit;
        }
      }
    }
  }
}
