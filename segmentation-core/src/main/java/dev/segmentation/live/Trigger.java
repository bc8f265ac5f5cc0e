package dev.segmentation.live;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.ValueSource;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A part of a catalog whose result can change as {@code asOf} moves, with no new data: a leaf that
 * compares a value with a bound derived from {@code asOf}, or an event aggregate whose window
 * moves. Each offers the instants after {@code asOf} at which its result can change for one
 * customer (never later than the first real change; sometimes instants at which nothing changes).
 *
 * <p>Invariant: between two consecutive instants offered by all triggers of a result, every leaf
 * and aggregate under that result is constant, and so is the result.
 */
sealed interface Trigger
    permits Trigger.Relative, Trigger.Calendar, Trigger.AnniversaryOf, Trigger.Events {

  /**
   * Offers the change instants for the values read from {@code src} (the customer, or an event for
   * a leaf inside an event filter).
   */
  void offer(ValueSource src, Customer customer, EvaluationContext ctx, Earliest out);

  /** {@code withinLast} / {@code moreThanAgo}: the value passing {@code asOf} or the bound. */
  record Relative(String attribute, RelativeTime.Op op, long amount, WindowUnit unit)
      implements Trigger {
    // Explicit equals and hashCode, with the record defaults' meaning: see condition.Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof Relative that
          && Objects.equals(attribute, that.attribute)
          && op == that.op
          && amount == that.amount
          && unit == that.unit;
    }

    @Override
    public int hashCode() {
      return Objects.hash(attribute, op, amount, unit);
    }

    @Override
    public void offer(ValueSource src, Customer customer, EvaluationContext ctx, Earliest out) {
      Object v = src.value(attribute);
      boolean within = op == RelativeTime.Op.WITHIN_LAST;
      if (v instanceof Instant t) {
        if (within) {
          out.offer(t); // t <= asOf becomes true
        }
        Crossings.offerChanges(t, amount, unit, ctx.zone(), out);
      } else if (v instanceof LocalDate d) {
        if (within) {
          out.offer(Crossings.startOf(d, ctx.zone())); // d <= asOfDate becomes true
        }
        out.offer(Crossings.firstDateAtLeast(d, amount, unit, ctx.zone()));
      }
    }
  }

  /** {@code inCalendar}: the period around {@code asOf} reaching or leaving the value. */
  record Calendar(String attribute, CalendarPeriod period) implements Trigger {
    // Explicit equals and hashCode, with the record defaults' meaning: see condition.Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof Calendar that
          && Objects.equals(attribute, that.attribute)
          && period == that.period;
    }

    @Override
    public int hashCode() {
      return Objects.hash(attribute, period);
    }

    @Override
    public void offer(ValueSource src, Customer customer, EvaluationContext ctx, Earliest out) {
      Object v = src.value(attribute);
      if (!(v instanceof Instant) && !(v instanceof LocalDate)) {
        return;
      }
      CalendarPeriod rolling = Crossings.rolling(period);
      ZoneId zone = ctx.zone();
      try {
        LocalDate date = v instanceof Instant t ? LocalDate.ofInstant(t, zone) : (LocalDate) v;
        // The value is in the period while asOf is in [start, end) of the rolling period holding
        // it (this...), or of the one after it (last..., yesterday).
        EvaluationContext at = EvaluationContext.at(date.atStartOfDay(zone).toInstant(), zone);
        Instant start = at.periodStart(rolling);
        Instant end = at.periodEnd(rolling);
        if (period == rolling) {
          out.offer(start);
          out.offer(end);
        } else {
          out.offer(end);
          if (!end.isAfter(EvaluationContext.MAX_AS_OF)) {
            out.offer(EvaluationContext.at(end, zone).periodEnd(rolling));
          }
        }
      } catch (DateTimeException | IllegalArgumentException e) {
        // A value outside years 1 to 9999: the leaf can only change when the period rolls over.
        out.offer(ctx.periodEnd(rolling));
      }
    }
  }

  /** {@code anniversary}: {@code asOf}'s date reaching or leaving the value's day or month. */
  record AnniversaryOf(String attribute, Anniversary.Period period) implements Trigger {
    // Explicit equals and hashCode, with the record defaults' meaning: see condition.Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof AnniversaryOf that
          && Objects.equals(attribute, that.attribute)
          && period == that.period;
    }

    @Override
    public int hashCode() {
      return Objects.hash(attribute, period);
    }

    @Override
    public void offer(ValueSource src, Customer customer, EvaluationContext ctx, Earliest out) {
      Object v = src.value(attribute);
      LocalDate date;
      ZoneId zone = ctx.zone();
      if (v instanceof LocalDate d) {
        date = d;
      } else if (v instanceof Instant t) {
        try {
          date = LocalDate.ofInstant(t, zone);
        } catch (DateTimeException e) {
          // Beyond the dates Java holds: the leaf can only change when the day changes.
          out.offer(ctx.periodEnd(CalendarPeriod.TODAY));
          return;
        }
      } else {
        return;
      }
      LocalDate today = ctx.asOfDate();
      int month = date.getMonthValue();
      if (period == Anniversary.Period.MONTH) {
        if (month == today.getMonthValue()) {
          out.offer(ctx.periodEnd(CalendarPeriod.THIS_MONTH));
        }
        int year = month > today.getMonthValue() ? today.getYear() : today.getYear() + 1;
        out.offer(Crossings.startOf(LocalDate.of(year, month, 1), zone));
        return;
      }
      int day = date.getDayOfMonth();
      for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
        // February 29 counts as February 28 in common years.
        LocalDate next =
            month == 2 && day == 29 && !java.time.Year.isLeap(year)
                ? LocalDate.of(year, 2, 28)
                : LocalDate.of(year, month, day);
        if (next.equals(today)) {
          out.offer(ctx.periodEnd(CalendarPeriod.TODAY));
        } else if (next.isAfter(today)) {
          out.offer(Crossings.startOf(next, zone));
          return;
        }
      }
    }
  }

  /**
   * An aggregate over events of one type in a window (an {@code event} condition, or an RFM model):
   * events entering the window at their instant, leaving a sliding window, a calendar window
   * rolling over, day counts since an event passing a threshold, and the triggers of the event
   * filter, read from each event.
   *
   * @param dayThresholds the whole day counts at which "days since" crosses a compared value; empty
   *     when the aggregate counts no days
   */
  record Events(
      String type,
      EventWindow window,
      ImmutableList<Long> dayThresholds,
      ImmutableList<Trigger> where)
      implements Trigger {
    // Explicit equals and hashCode, with the record defaults' meaning: see condition.Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof Events that
          && Objects.equals(type, that.type)
          && Objects.equals(window, that.window)
          && Objects.equals(dayThresholds, that.dayThresholds)
          && Objects.equals(where, that.where);
    }

    @Override
    public int hashCode() {
      return Objects.hash(type, window, dayThresholds, where);
    }

    @Override
    public void offer(ValueSource src, Customer customer, EvaluationContext ctx, Earliest out) {
      List<Event> events = customer.events(type);
      if (events.isEmpty()) {
        return;
      }
      Instant sliding =
          window instanceof EventWindow.Last last ? ctx.minus(last.amount(), last.unit()) : null;
      Instant oldestInWindow = null; // the first to leave a sliding window
      Instant newestOut = null; // the first to come back, when a month's end clamps the bound
      for (Event e : events) {
        Instant t = e.timestamp();
        if (!(window instanceof EventWindow.Between b)
            || (!t.isBefore(b.from()) && t.isBefore(b.to()))) {
          out.offer(t); // enters the window when asOf reaches it
        }
        if (sliding != null
            && t.isAfter(sliding)
            && (oldestInWindow == null || t.isBefore(oldestInWindow))) {
          oldestInWindow = t;
        }
        if (sliding != null && !t.isAfter(sliding) && (newestOut == null || t.isAfter(newestOut))) {
          newestOut = t;
        }
        for (long days : dayThresholds) {
          out.offer(plusDays(t, days));
        }
        for (Trigger w : where) {
          w.offer(e, customer, ctx, out);
        }
      }
      if (window instanceof EventWindow.Last last) {
        for (Instant edge : new Instant[] {oldestInWindow, newestOut}) {
          if (edge != null) {
            Crossings.offerChanges(edge, last.amount(), last.unit(), ctx.zone(), out);
          }
        }
      }
      if (window instanceof EventWindow.InCalendar cal) {
        out.offer(ctx.periodEnd(Crossings.rolling(cal.period())));
      }
    }

    private static Instant plusDays(Instant t, long days) {
      try {
        return t.plusSeconds(Math.multiplyExact(days, 86_400L));
      } catch (DateTimeException | ArithmeticException e) {
        return null;
      }
    }

    /**
     * The whole day counts {@code d} at which {@code d op value} can change: the first integer at
     * or above {@code value} and the first above it.
     */
    static ImmutableList<Long> thresholds(List<? extends Number> values) {
      ImmutableList.Builder<Long> b = ImmutableList.builder();
      for (Number v : values) {
        double x = v.doubleValue();
        if (v instanceof Long l) {
          b.add(l);
          if (l < Long.MAX_VALUE) {
            b.add(l + 1);
          }
        } else if (Math.abs(x) < 1e15) { // further is beyond year 9999 from any instant
          b.add((long) Math.ceil(x));
          b.add((long) Math.floor(x) + 1);
        }
      }
      return b.build().stream().distinct().collect(ImmutableList.toImmutableList());
    }
  }
}
