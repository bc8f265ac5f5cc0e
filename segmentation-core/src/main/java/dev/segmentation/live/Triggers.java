package dev.segmentation.live;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the {@link Trigger}s of a result: a walk over its conditions and every segment, score,
 * tiering and RFM model they refer to (with an explicit stack, so that deep rules cannot overflow
 * the stack). Equal triggers are kept once.
 */
final class Triggers {
  private final Catalog catalog;
  private final Set<Trigger> found = new LinkedHashSet<>();
  private final Set<String> seen = new HashSet<>(); // "segment:x", "score:x", "tiering:x"
  private final Deque<Condition> todo = new ArrayDeque<>();

  private Triggers(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The triggers of the segment and everything it refers to. */
  static ImmutableList<Trigger> ofSegment(Catalog catalog, Segment segment) {
    Triggers t = new Triggers(catalog);
    t.segment(segment.name());
    return t.drain();
  }

  /** The triggers of every segment, score, tiering and RFM model of the catalog. */
  static ImmutableList<Trigger> ofCatalog(Catalog catalog) {
    Triggers t = new Triggers(catalog);
    catalog.segments().forEach(s -> t.segment(s.name()));
    catalog.scores().forEach(s -> t.score(s.name()));
    catalog.tierings().forEach(x -> t.tiering(x.name()));
    catalog.rfmModels().forEach(x -> t.tiering(x.name()));
    return t.drain();
  }

  /** The triggers of a condition read from each event of a type (an event filter). */
  private static ImmutableList<Trigger> ofFilter(Catalog catalog, Condition where) {
    Triggers t = new Triggers(catalog);
    t.todo.push(where);
    return t.drain();
  }

  private ImmutableList<Trigger> drain() {
    while (!todo.isEmpty()) {
      visit(todo.pop());
    }
    return ImmutableList.copyOf(found);
  }

  private void visit(Condition c) {
    List<Condition> next =
        switch (c.kind()) {
          case ALWAYS,
              NEVER,
              COMPARE,
              BETWEEN,
              IN,
              STRING_MATCH,
              TAG_MATCH,
              TAG_COUNT,
              PRESENCE,
              GEO_WITHIN ->
              ImmutableList.of(); // no bound moves with asOf
          case AND, OR, NOT -> c.children();
          case RELATIVE_TIME -> {
            RelativeTime r = (RelativeTime) c;
            found.add(new Trigger.Relative(r.attribute(), r.op(), r.amount(), r.unit()));
            yield ImmutableList.of();
          }
          case CALENDAR_WINDOW -> {
            CalendarWindow w = (CalendarWindow) c;
            found.add(new Trigger.Calendar(w.attribute(), w.period()));
            yield ImmutableList.of();
          }
          case ANNIVERSARY -> {
            Anniversary a = (Anniversary) c;
            found.add(new Trigger.AnniversaryOf(a.attribute(), a.period()));
            yield ImmutableList.of();
          }
          case EVENT -> {
            EventCondition e = (EventCondition) c;
            boolean days =
                switch (e.aggregate()) {
                  case DAYS_SINCE_FIRST, DAYS_SINCE_LAST -> true;
                  case COUNT, SUM, AVG, MIN, MAX, DISTINCT_COUNT -> false;
                };
            found.add(
                new Trigger.Events(
                    e.eventType(),
                    e.window(),
                    days
                        ? Trigger.Events.thresholds(ImmutableList.of(e.value()))
                        : ImmutableList.of(),
                    ofFilter(catalog, e.where())));
            yield ImmutableList.of();
          }
          case IN_SEGMENT -> {
            segment(((InSegment) c).segment());
            yield ImmutableList.of();
          }
          case SCORE -> {
            score(((ScoreCondition) c).score());
            yield ImmutableList.of();
          }
          case IN_TIER -> {
            tiering(((InTier) c).tiering());
            yield ImmutableList.of();
          }
        };
    next.forEach(todo::push);
  }

  private void segment(String name) {
    Segment s = catalog.segment(name);
    if (s != null && seen.add("segment:" + name)) {
      todo.push(s.condition());
    }
  }

  private void score(String name) {
    if (!seen.add("score:" + name)) {
      return;
    }
    for (ScoreModel m : catalog.scores()) {
      if (m.name().equals(name)) {
        for (ScoreRule r : m.rules()) {
          todo.push(r.condition());
        }
      }
    }
  }

  private void tiering(String name) {
    if (!seen.add("tiering:" + name)) {
      return;
    }
    for (Tiering t : catalog.tierings()) {
      if (t.name().equals(name)) {
        for (Tier tier : t.tiers()) {
          todo.push(tier.condition());
        }
      }
    }
    for (RfmModel m : catalog.rfmModels()) {
      if (m.name().equals(name)) {
        // The recency score changes when the days since the last event pass a cut point.
        found.add(
            new Trigger.Events(
                m.eventType(),
                m.window(),
                Trigger.Events.thresholds(m.recencyCuts()),
                ImmutableList.of()));
      }
    }
  }
}
