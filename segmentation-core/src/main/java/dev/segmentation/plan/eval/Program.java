package dev.segmentation.plan.eval;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.internal.ExactSum;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import dev.segmentation.model.ValueSource;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;
import java.util.List;

/**
 * Everything a catalog compiles to: each segment twice (the rewritten condition that is evaluated,
 * the condition as written that is explained), score models, tierings and RFM models. Filled by
 * {@link Compiler} before the owning {@link PlanEvaluator} is published, never changed after, so it
 * is safely shared between threads through that catalog's final field.
 */
final class Program {
  String[] segmentNames;
  Node[] segments;
  Node[] explainSegments;
  Score[] scores;
  Tiering[] tierings;
  Rfm[] rfms;
  // Whether anything compiled here reads events (an event condition or an RFM model): when not, an
  // evaluation needs no per-evaluation event cache (see EventReads), and PlanEvaluator skips it.
  boolean readsEvents;

  Truth segment(int i, Customer c, Bounds b) {
    return segments[i].eval(c, c, b, null);
  }

  Explanation explainSegment(int i, Customer c, Bounds b) {
    return explainSegments[i].explain(c, c, b);
  }

  double score(int i, Customer c, Bounds b, Truth[] memo) {
    return scores[i].value(c, b, memo);
  }

  Explanation explainScore(int i, Customer c, Bounds b) {
    return scores[i].explain(c, b);
  }

  int tierIndex(int i, Customer c, Bounds b, Truth[] memo) {
    return tierings[i].index(c, b, memo);
  }

  String tierName(int i, int tier) {
    return tierings[i].names[tier];
  }

  Explanation explainTiering(int i, Customer c, Bounds b) {
    return tierings[i].explain(c, b);
  }

  RfmSegment rfmSegment(int i, Customer c, Bounds b) {
    return rfms[i].segment(c, b);
  }

  Explanation explainRfm(int i, Customer c, Bounds b) {
    return rfms[i].explain(c, b);
  }

  /**
   * A compiled score model. Rules of a group add up and are capped from above by the group's cap;
   * the total (ungrouped rules plus capped groups) is capped by the total cap. No cap is +infinity.
   */
  static final class Score {
    final String name;
    final Node[] rules;
    final Node[] explainRules;
    final double[] points;
    final String[] groupOfRule;
    final int[] ungrouped;
    final String[] groups;
    final int[][] groupRules;
    final double[] groupCaps;
    final double totalCap;

    Score(
        String name,
        Node[] rules,
        Node[] explainRules,
        double[] points,
        String[] groupOfRule,
        int[] ungrouped,
        String[] groups,
        int[][] groupRules,
        double[] groupCaps,
        double totalCap) {
      this.name = name;
      this.rules = rules;
      this.explainRules = explainRules;
      this.points = points;
      this.groupOfRule = groupOfRule;
      this.ungrouped = ungrouped;
      this.groups = groups;
      this.groupRules = groupRules;
      this.groupCaps = groupCaps;
      this.totalCap = totalCap;
    }

    double value(Customer c, Bounds b, Truth[] memo) {
      double total = 0;
      for (int r : ungrouped) {
        if (rules[r].eval(c, c, b, memo) == Truth.TRUE) {
          total += points[r];
        }
      }
      for (int g = 0; g < groups.length; g++) {
        double sum = 0;
        for (int r : groupRules[g]) {
          if (rules[r].eval(c, c, b, memo) == Truth.TRUE) {
            sum += points[r];
          }
        }
        total += Math.min(sum, groupCaps[g]);
      }
      return Math.min(total, totalCap);
    }

    Explanation explain(Customer c, Bounds b) {
      ImmutableList.Builder<Explanation> children = ImmutableList.builder();
      Truth[] results = new Truth[rules.length];
      for (int r = 0; r < rules.length; r++) {
        Explanation e = explainRules[r].explain(c, c, b);
        results[r] = e.result();
        String desc =
            "rule "
                + (r + 1)
                + ": "
                + signed(points[r])
                + " points"
                + (groupOfRule[r] == null ? "" : " in group " + Show.quote(groupOfRule[r]));
        children.add(
            new Explanation(
                desc,
                e.result(),
                e.result() == Truth.TRUE ? signed(points[r]) : "0",
                null,
                ImmutableList.of(e)));
      }
      double total = 0;
      for (int r : ungrouped) {
        total += results[r] == Truth.TRUE ? points[r] : 0;
      }
      for (int g = 0; g < groups.length; g++) {
        double sum = 0;
        for (int r : groupRules[g]) {
          sum += results[r] == Truth.TRUE ? points[r] : 0;
        }
        if (sum > groupCaps[g]) {
          children.add(
              Explanation.leaf(
                  "group " + Show.quote(groups[g]) + " capped at " + groupCaps[g],
                  Truth.TRUE,
                  String.valueOf(sum),
                  null));
        }
        total += Math.min(sum, groupCaps[g]);
      }
      if (total > totalCap) {
        children.add(
            Explanation.leaf(
                "total capped at " + totalCap, Truth.TRUE, String.valueOf(total), null));
      }
      total = Math.min(total, totalCap);
      return new Explanation(
          "score " + Show.quote(name), Truth.TRUE, String.valueOf(total), null, children.build());
    }

    private static String signed(double p) {
      return p >= 0 ? "+" + p : String.valueOf(p);
    }
  }

  /** A compiled tiering: the first tier whose condition is TRUE, else the last name (otherwise). */
  static final class Tiering {
    final String name;
    final Node[] tiers;
    final Node[] explainTiers;
    final String[] names; // tiers in order, then otherwise

    Tiering(String name, Node[] tiers, Node[] explainTiers, String[] names) {
      this.name = name;
      this.tiers = tiers;
      this.explainTiers = explainTiers;
      this.names = names;
    }

    int index(Customer c, Bounds b, Truth[] memo) {
      for (int i = 0; i < tiers.length; i++) {
        if (tiers[i].eval(c, c, b, memo) == Truth.TRUE) {
          return i;
        }
      }
      return tiers.length;
    }

    int indexOf(String tier) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(tier)) {
          return i;
        }
      }
      return -1;
    }

    Explanation explain(Customer c, Bounds b) {
      ImmutableList.Builder<Explanation> children = ImmutableList.builder();
      int chosen = tiers.length;
      for (int i = 0; i < tiers.length; i++) {
        Explanation e = explainTiers[i].explain(c, c, b);
        children.add(
            new Explanation(
                "tier " + Show.quote(names[i]), e.result(), null, null, ImmutableList.of(e)));
        if (e.result() == Truth.TRUE) {
          chosen = i;
          break;
        }
      }
      if (chosen == tiers.length) {
        children.add(
            Explanation.leaf(
                "otherwise " + Show.quote(names[chosen]) + " (no tier above applies)",
                Truth.TRUE,
                null,
                null));
      }
      return new Explanation(
          "tiering " + Show.quote(name),
          Truth.TRUE,
          Show.quote(names[chosen]),
          null,
          children.build());
    }
  }

  /**
   * A compiled RFM model: recency (whole days since the last event), frequency (count) and monetary
   * value (sum of the money property, missing values skipped; exact and rounded once, as an event
   * condition's sum) over the model's window.
   */
  static final class Rfm {
    final RfmModel model;
    final int window;
    final String moneyProperty;
    final int moneyPosition; // in the event type's properties
    final AttributeType moneyType;

    Rfm(
        RfmModel model,
        int window,
        String moneyProperty,
        int moneyPosition,
        AttributeType moneyType) {
      this.model = model;
      this.window = window;
      this.moneyProperty = moneyProperty;
      this.moneyPosition = moneyPosition;
      this.moneyType = moneyType;
    }

    /** The segment, or null without events in the window. Allocates nothing. */
    RfmSegment segment(Customer c, Bounds b) {
      EventReads reads = EventReads.current();
      long count = window(c, b, reads, reads.rfmDays, reads.rfmMonetary, 0);
      return count == 0
          ? null
          : RfmSegment.of(
              model.recencyScore(reads.rfmDays[0]),
              model.frequencyScore(count),
              model.monetaryScore(reads.rfmMonetary[0]));
    }

    /** The scores, or null without events in the window. */
    RfmScores scores(Customer c, Bounds b) {
      EventReads reads = EventReads.current();
      long count = window(c, b, reads, reads.rfmDays, reads.rfmMonetary, 0);
      return count == 0 ? null : RfmScores.of(model, reads.rfmDays[0], count, reads.rfmMonetary[0]);
    }

    /**
     * One pass over the window: the number of events in it and, when there are any, the whole days
     * since the last of them into {@code days[slot]} and the sum of their money property into
     * {@code monetary[slot]}. Allocates nothing. The events are read by position when the customer
     * offers them so (no Event per event), else from its list, as EventNode reads them.
     */
    long window(Customer c, Bounds b, EventReads reads, long[] days, double[] monetary, int slot) {
      String type = model.eventType();
      EventColumns columns = reads.columns(c, type);
      List<Event> events = columns == null ? reads.of(c, type) : null;
      TimeRange range = b.range(window);
      int n = columns != null ? columns.size() : events.size();
      long count = 0;
      int last = -1;
      ExactSum sum = ExactSum.acquire();
      try {
        for (int i = range.firstIndex(columns, events); i < n; i++) {
          ValueSource e = range.event(columns, events, i);
          if (e == null) {
            break;
          }
          count++;
          last = i;
          EventNode.addValue(e, c, moneyProperty, moneyPosition, moneyType, sum);
        }
        if (count > 0) {
          monetary[slot] = sum.doubleValue();
        }
      } finally {
        sum.release();
      }
      if (count > 0) {
        days[slot] = EventNode.daysSince(columns, events, last, b.ctx.asOf());
      }
      return count;
    }

    Explanation explain(Customer c, Bounds b) {
      RfmScores s = scores(c, b);
      String what = model.eventType() + " events " + Show.window(model.window());
      if (s == null) {
        return Explanation.leaf(
            "RFM model " + Show.quote(model.name()) + ": no " + what,
            Truth.UNKNOWN,
            Explanation.MISSING,
            null);
      }
      return new Explanation(
          "RFM model " + Show.quote(model.name()),
          Truth.TRUE,
          Show.quote(s.segment().externalName()),
          null,
          ImmutableList.of(
              Explanation.leaf(
                  "recency R = " + s.r() + ": days since the last of " + what,
                  Truth.TRUE,
                  String.valueOf(s.recencyDays()),
                  null),
              Explanation.leaf(
                  "frequency F = " + s.f() + ": count of " + what,
                  Truth.TRUE,
                  String.valueOf(s.frequency()),
                  null),
              Explanation.leaf(
                  "monetary M = " + s.m() + ": sum of " + model.moneyProperty() + " of " + what,
                  Truth.TRUE,
                  String.valueOf(s.monetary()),
                  null)));
    }
  }
}
