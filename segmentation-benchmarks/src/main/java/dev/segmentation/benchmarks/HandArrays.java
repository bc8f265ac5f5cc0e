package dev.segmentation.benchmarks;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The obvious hand-written loop (the branch-free one, {@link HandBranchFree}, is the limit): each
 * benchmark rule written by hand as one if-chain per customer over {@link Columns}, with the same
 * three-valued semantics as the library (a leaf on a missing value is never TRUE, and {@code NOT
 * leaf} is TRUE only when the value is present and the leaf FALSE).
 */
final class HandArrays {
  private HandArrays() {}

  static Evaluator prepare(Rule rule, Population population) {
    Range loop = loop(rule, population);
    int size = population.columns().size;
    return () -> loop.count(0, size);
  }

  /**
   * The same loops split in two halves, the second on a worker thread that waits for work by
   * spinning: the limit of two threads, without the cost of waking a thread that a library pays.
   */
  static Evaluator prepareTwoThreads(Rule rule, Population population) {
    return twoThreads(loop(rule, population), population.columns().size);
  }

  /**
   * {@code loop} over two halves of {@code size} customers: the caller counts the first, a spinning
   * worker (no wake-up to pay) the second; the halves split at a multiple of 64.
   */
  static Evaluator twoThreads(Range loop, int size) {
    int half = (size / 2) & ~63;
    SpinningWorker worker = new SpinningWorker();
    return () -> {
      worker.start(() -> loop.count(half, size));
      int first = loop.count(0, half);
      return first + worker.join();
    };
  }

  /** One rule's loop over the customers {@code [from, to)}. */
  @FunctionalInterface
  interface Range {
    int count(int from, int to);
  }

  private static Range loop(Rule rule, Population population) {
    Columns c = population.columns();
    long asOfSecond = Population.AS_OF.getEpochSecond();
    switch (rule) {
      case R1:
        {
          boolean[] nordic = c.countries.lookup(Set.of("FI", "SE", "NO"));
          return (from, to) -> r1(c, nordic, from, to);
        }
      case R2:
        {
          boolean[] nordic = c.countries.lookup(Set.of("FI", "SE", "NO"));
          long vip = c.tagNames.maskOf(Set.of("vip"));
          return (from, to) -> r2(c, nordic, vip, from, to);
        }
      case R3:
        {
          R3Constants k = r3Constants(c);
          return (from, to) -> r3(c, k, from, to);
        }
      case B1:
        {
          long after = asOfSecond - 90 * 86_400L;
          return (from, to) -> b1(c, after, asOfSecond, from, to);
        }
    }
    throw new AssertionError(rule);
  }

  private static boolean valid(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  static int r1(Columns c, boolean[] nordic, int from, int to) {
    int[] age = c.age;
    long[] ageValid = c.ageValid;
    byte[] country = c.country;
    int count = 0;
    for (int i = from; i < to; i++) {
      if (valid(ageValid, i) && age[i] >= 30 && nordic[country[i] + 1]) {
        count++;
      }
    }
    return count;
  }

  static int r2(Columns c, boolean[] nordic, long vip, int from, int to) {
    int[] age = c.age;
    long[] ageValid = c.ageValid;
    byte[] country = c.country;
    double[] spend = c.spend90d;
    long[] spendValid = c.spend90dValid;
    long[] tags = c.tags;
    long[] tagsValid = c.tagsValid;
    long[] optIn = c.emailOptIn;
    long[] optInValid = c.emailOptInValid;
    int count = 0;
    for (int i = from; i < to; i++) {
      if (valid(ageValid, i)
          && age[i] >= 30
          && nordic[country[i] + 1]
          && ((valid(spendValid, i) && spend[i] > 500)
              || (valid(tagsValid, i) && (tags[i] & vip) != 0))
          && valid(optInValid, i)
          && valid(optIn, i)) {
        count++;
      }
    }
    return count;
  }

  /** R3's literals, resolved against the dictionaries once. */
  static final class R3Constants {
    boolean[] cities;
    int desktop;
    int signupAfterDay;
    int asOfDay;
    boolean[] industryRe;
    long premium;
    long churn;
    long seenAfter;
    long asOfSecond;
  }

  /** R3's literals against the dictionaries of {@code c}, as of {@link Population#AS_OF}. */
  static R3Constants r3Constants(Columns c) {
    long asOfSecond = Population.AS_OF.getEpochSecond();
    int asOfDay = Math.toIntExact(Population.CONTEXT.asOfDate().toEpochDay());
    R3Constants k = new R3Constants();
    k.cities = c.cities.lookup(Rule.R3_CITIES);
    k.desktop = c.devices.codeOf("desktop");
    k.signupAfterDay = Math.toIntExact(asOfDay - 365);
    k.asOfDay = asOfDay;
    k.industryRe = c.industries.lookupPrefix("re");
    k.premium = c.tagNames.maskOf(ImmutableSet.of("premium", "loyalty-member"));
    k.churn = c.tagNames.maskOf(ImmutableSet.of("churn-risk", "dormant"));
    k.seenAfter = asOfSecond - 180 * 86_400L;
    k.asOfSecond = asOfSecond;
    return k;
  }

  static int r3(Columns c, R3Constants k, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (valid(c.incomeValid, i)
          && c.income[i] >= 15_000.0
          && c.income[i] <= 200_000.0
          && valid(c.ageValid, i)
          && c.age[i] >= 21
          && c.age[i] <= 70
          && k.cities[c.city[i] + 1]
          && c.device[i] >= 0
          && c.device[i] != k.desktop
          && valid(c.signupValid, i)
          && c.signupDay[i] > k.signupAfterDay
          && c.signupDay[i] <= k.asOfDay
          && (k.industryRe[c.industry[i] + 1]
              || (valid(c.spend90dValid, i) && c.spend90d[i] >= 100.0)
              || (valid(c.orders90dValid, i)
                  && c.orders90d[i] >= 2
                  && valid(c.emailOptInValid, i)
                  && valid(c.emailOptIn, i))
              || (valid(c.tagsValid, i) && (c.tags[i] & k.premium) != 0))
          && valid(c.tagsValid, i)
          && (c.tags[i] & k.churn) == 0
          && valid(c.lastSeenValid, i)
          && c.lastSeen[i] > k.seenAfter
          && c.lastSeen[i] <= k.asOfSecond) {
        count++;
      }
    }
    return count;
  }

  static int b1(Columns c, long after, long asOf, int from, int to) {
    int[] start = c.purchaseStart;
    long[] when = c.purchaseSecond;
    int count = 0;
    for (int i = from; i < to; i++) {
      int inWindow = 0;
      for (int e = start[i], end = start[i + 1]; e < end; e++) {
        long t = when[e];
        if (t > after && t <= asOf) {
          inWindow++;
        }
      }
      if (inWindow >= 3) {
        count++;
      }
    }
    return count;
  }
}
