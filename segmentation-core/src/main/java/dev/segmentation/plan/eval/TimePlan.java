package dev.segmentation.plan.eval;

import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time bounds a compiled catalog needs from each evaluation context ({@code asOf - 90 days},
 * the range of an event window, ...), collected at compile time as numbered slots. {@link #bind}
 * computes all of them for one context; see {@link Bounds}.
 */
final class TimePlan {
  private final Map<List<Object>, Integer> instants = new LinkedHashMap<>();
  private final Map<List<Object>, Integer> days = new LinkedHashMap<>();
  private final Map<EventWindow, Integer> windows = new LinkedHashMap<>();
  private final List<EventWindow> windowList = new ArrayList<>();

  /** The slot of {@code asOf - amount units} as an instant. */
  int instant(long amount, WindowUnit unit) {
    return instants.computeIfAbsent(List.of(amount, unit), k -> instants.size());
  }

  /** The slot of {@code asOfDate - amount units} as an epoch day. */
  int day(long amount, WindowUnit unit) {
    return days.computeIfAbsent(List.of(amount, unit), k -> days.size());
  }

  /** The slot of an event window's range. */
  int window(EventWindow window) {
    Integer slot = windows.get(window);
    if (slot == null) {
      slot = windowList.size();
      windows.put(window, slot);
      windowList.add(window);
    }
    return slot;
  }

  /** Every bound for {@code ctx}. */
  Bounds bind(EvaluationContext ctx) {
    long[] instantSec = new long[instants.size()];
    int[] instantNano = new int[instants.size()];
    for (Map.Entry<List<Object>, Integer> e : instants.entrySet()) {
      Instant t = ctx.minus((Long) e.getKey().get(0), (WindowUnit) e.getKey().get(1));
      instantSec[e.getValue()] = t.getEpochSecond();
      instantNano[e.getValue()] = t.getNano();
    }
    long[] day = new long[days.size()];
    for (Map.Entry<List<Object>, Integer> e : days.entrySet()) {
      day[e.getValue()] = ctx.minusDays((Long) e.getKey().get(0), (WindowUnit) e.getKey().get(1));
    }
    TimeRange[] ranges = new TimeRange[windowList.size()];
    for (int i = 0; i < ranges.length; i++) {
      ranges[i] = range(ctx, windowList.get(i));
    }
    return new Bounds(ctx, instantSec, instantNano, day, ranges);
  }

  private static TimeRange range(EvaluationContext ctx, EventWindow window) {
    EvaluationContext.Range r = ctx.range(window);
    return TimeRange.of(r.low(), r.lowInclusive(), r.high(), r.highInclusive());
  }
}
