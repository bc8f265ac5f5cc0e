package dev.segmentation.internal;

import dev.segmentation.model.Values;
import java.time.Instant;
import java.time.zone.ZoneRules;

/**
 * Time arithmetic on primitive epoch seconds, nanoseconds and days, so that evaluating a rule does
 * not allocate {@code LocalDate} or {@code ZonedDateTime} objects per customer.
 *
 * <pre>{@code
 * long day = EpochTime.epochDay(instant, zone.getRules());
 * int month = EpochTime.month(day); // 1-12
 * }</pre>
 */
public final class EpochTime {
  private EpochTime() {}

  /** Sign of {@code (sec1, nano1) - (sec2, nano2)}. */
  public static int compare(long sec1, int nano1, long sec2, int nano2) {
    int c = Long.compare(sec1, sec2);
    return c != 0 ? c : Integer.compare(nano1, nano2);
  }

  /** Sign of {@code t - (sec, nano)}. */
  public static int compare(Instant t, long sec, int nano) {
    return compare(t.getEpochSecond(), t.getNano(), sec, nano);
  }

  /**
   * The largest whole number of epoch milliseconds at or before the instant {@code sec} seconds
   * plus {@code nano} nanoseconds, saturated beyond {@link Values#MAX_MILLI_SECOND}: for the epoch
   * milliseconds {@code t} of any instant {@link Values#epochMilliOrElse} gives, {@code t > x}
   * exactly when {@code t > floor(x)}, and {@code t <= x} exactly when {@code t <= floor(x)}.
   */
  public static long epochMilliFloor(long sec, int nano) {
    if (sec > Values.MAX_MILLI_SECOND) {
      return Long.MAX_VALUE;
    }
    if (sec < -Values.MAX_MILLI_SECOND) {
      return Long.MIN_VALUE;
    }
    return sec * 1000 + nano / 1_000_000;
  }

  /** Whole days from {@code t} to {@code asOf}, rounded down: {@code floor((asOf - t) / 24h)}. */
  public static long daysBetween(Instant t, Instant asOf) {
    long seconds = asOf.getEpochSecond() - t.getEpochSecond();
    if (asOf.getNano() < t.getNano()) {
      seconds--; // the partial second does not complete
    }
    return Math.floorDiv(seconds, 86_400L);
  }

  /** {@link #daysBetween(Instant, Instant)} for a time given in epoch milliseconds. */
  public static long daysBetween(long epochMilli, Instant asOf) {
    long seconds = asOf.getEpochSecond() - Math.floorDiv(epochMilli, 1000L);
    if (asOf.getNano() < Math.floorMod(epochMilli, 1000L) * 1_000_000L) {
      seconds--; // the partial second does not complete
    }
    return Math.floorDiv(seconds, 86_400L);
  }

  /** The epoch day of {@code t} in the zone whose rules are given. */
  public static long epochDay(Instant t, ZoneRules rules) {
    long local = t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
    return Math.floorDiv(local, 86_400L);
  }

  /** The month (1-12) of an epoch day in the ISO calendar. */
  public static int month(long epochDay) {
    return (int) (civil(epochDay) >>> 8 & 0xFF);
  }

  /** The day of month (1-31) of an epoch day in the ISO calendar. */
  public static int dayOfMonth(long epochDay) {
    return (int) (civil(epochDay) & 0xFF);
  }

  // Howard Hinnant's days-to-civil algorithm; returns month << 8 | day (the year is not needed).
  private static long civil(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097; // [0, 146096]
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    long mp = (5 * doy + 2) / 153; // [0, 11], March-based
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    return month << 8 | day;
  }
}
