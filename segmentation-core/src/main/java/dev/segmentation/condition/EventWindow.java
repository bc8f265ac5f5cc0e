package dev.segmentation.condition;

import java.time.Instant;
import java.util.Objects;

/**
 * Which of a customer's events an {@link EventCondition} looks at. Events after the evaluation's
 * {@code asOf} are never seen, so evaluating "as of" a past instant replays history.
 */
public sealed interface EventWindow
    permits EventWindow.Ever, EventWindow.Last, EventWindow.Between, EventWindow.InCalendar {

  /** Every event up to {@code asOf}. */
  static Ever ever() {
    return new Ever();
  }

  /** Events with {@code asOf - amount units < t <= asOf}. */
  static Last last(long amount, WindowUnit unit) {
    return new Last(amount, unit);
  }

  /** Events with {@code from <= t < to} (and {@code t <= asOf}). */
  static Between between(Instant from, Instant to) {
    return new Between(from, to);
  }

  /** Events in a calendar period around {@code asOf} (and {@code t <= asOf}). */
  static InCalendar in(CalendarPeriod period) {
    return new InCalendar(period);
  }

  /** Every event up to {@code asOf}. */
  record Ever() implements EventWindow {
    // Explicit equals and hashCode: see Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof Ever;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /**
   * Events in the last {@code amount} units.
   *
   * @param amount at least 0, at most {@link RelativeTime#MAX_AMOUNT}
   * @param unit the unit
   */
  record Last(long amount, WindowUnit unit) implements EventWindow {
    public Last {
      Args.notNull(unit, "unit");
      if (amount < 0 || amount > RelativeTime.MAX_AMOUNT) {
        throw new IllegalArgumentException(
            "amount must be between 0 and " + RelativeTime.MAX_AMOUNT + ", got " + amount);
      }
    }

    // Explicit equals and hashCode: see Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof Last that && amount == that.amount && Objects.equals(unit, that.unit);
    }

    @Override
    public int hashCode() {
      return Objects.hash(amount, unit);
    }
  }

  /**
   * Events in a fixed interval.
   *
   * @param from inclusive start
   * @param to exclusive end, after {@code from}
   */
  record Between(Instant from, Instant to) implements EventWindow {
    public Between {
      Args.notNull(from, "from");
      Args.notNull(to, "to");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("from " + from + " must be before to " + to);
      }
    }

    // Explicit equals and hashCode: see Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof Between that
          && Objects.equals(from, that.from)
          && Objects.equals(to, that.to);
    }

    @Override
    public int hashCode() {
      return Objects.hash(from, to);
    }
  }

  /**
   * Events in a calendar period.
   *
   * @param period the period
   */
  record InCalendar(CalendarPeriod period) implements EventWindow {
    public InCalendar {
      Args.notNull(period, "calendar period");
    }

    // Explicit equals and hashCode: see Condition.
    @Override
    public boolean equals(Object o) {
      return o instanceof InCalendar that && Objects.equals(period, that.period);
    }

    @Override
    public int hashCode() {
      return Objects.hash(period);
    }
  }
}
