package dev.segmentation.plan.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A time in epoch milliseconds is inside a range's ends exactly when the same instant is: the
 * millisecond bounds are the instant bounds rounded the right way for each kind of end, also for
 * ends that are not whole milliseconds and ends beyond what a long of milliseconds holds.
 */
class TimeRangeProperties {

  @Property(tries = 500)
  void millis_areInsideTheEndsAsTheirInstants(@ForAll long seed) {
    Random r = new Random(seed);
    Instant low = instant(r);
    Instant high = r.nextInt(4) == 0 ? low : instant(r);
    TimeRange range = TimeRange.of(low, r.nextBoolean(), high, r.nextBoolean());
    for (long m : near(low, high, r)) {
      agree(range, low, high, m);
    }
  }

  // Inside the range by millisecond exactly when inside by instant; each end alone too, unless an
  // end admits no millisecond of a long (low at or after the last one, high at or before the
  // first): then the range holds none, and says so by one end or the other.
  private static void agree(TimeRange range, Instant low, Instant high, long m) {
    Instant t = Instant.ofEpochMilli(m);
    assertThat(range.aboveLow(m) && range.belowHigh(m))
        .as("%s inside (%s, %s)", t, low, high)
        .isEqualTo(range.aboveLow(t) && range.belowHigh(t));
    if (range.aboveLow(LAST) && range.belowHigh(FIRST)) { // by instant: some end admits some m
      assertThat(range.aboveLow(m)).as("%s above %s", t, low).isEqualTo(range.aboveLow(t));
      assertThat(range.belowHigh(m)).as("%s below %s", t, high).isEqualTo(range.belowHigh(t));
    }
  }

  private static final Instant FIRST = Instant.ofEpochMilli(Long.MIN_VALUE);
  private static final Instant LAST = Instant.ofEpochMilli(Long.MAX_VALUE);

  @Example
  void endsBeyondTheMillisecondsOfALong_admitAllOrNone() {
    long[] extremes = {
      Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE
    };
    for (Instant low : new Instant[] {Instant.MIN, Instant.EPOCH, Instant.MAX}) {
      for (Instant high : new Instant[] {Instant.MIN, Instant.EPOCH, Instant.MAX}) {
        for (boolean in : new boolean[] {true, false}) {
          TimeRange range = TimeRange.of(low, in, high, !in);
          for (long m : extremes) {
            agree(range, low, high, m);
          }
        }
      }
    }
  }

  // Mostly ordinary instants, with a sub-millisecond part a third of the time; sometimes extremes.
  private static Instant instant(Random r) {
    switch (r.nextInt(10)) {
      case 0:
        return Instant.ofEpochMilli(r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE)
            .plusNanos(r.nextInt(3) - 1);
      case 1:
        return r.nextBoolean() ? Instant.MAX : Instant.MIN;
      default:
        long ms = r.nextLong() % 100_000_000_000_000L;
        Instant t = Instant.ofEpochMilli(ms);
        return r.nextInt(3) == 0 ? t.plusNanos(r.nextInt(1_000_000)) : t;
    }
  }

  // The milliseconds at and around both ends (where they are milliseconds of a long), and others.
  private static List<Long> near(Instant low, Instant high, Random r) {
    List<Long> out = new ArrayList<>();
    for (Instant end : new Instant[] {low, high}) {
      long ms;
      try {
        ms = end.toEpochMilli();
      } catch (ArithmeticException e) {
        ms = end.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      for (long d = -2; d <= 2; d++) {
        long m = ms + d;
        if ((d < 0 && m > ms) || (d > 0 && m < ms)) {
          continue; // wrapped around
        }
        out.add(m);
      }
    }
    out.add(Long.MIN_VALUE);
    out.add(Long.MAX_VALUE);
    out.add(r.nextLong());
    return out;
  }
}
