package dev.segmentation.benchmarks;

import java.util.Set;

/**
 * The limit: each benchmark rule written by hand as one loop over the same {@link Columns} as
 * {@link HandArrays}, with no branch per customer. Every leaf becomes 0 or 1 by sign-bit
 * arithmetic, leaves are combined with integer {@code &} and {@code |}, and the result is added to
 * the count ({@code count += bits}), so the loop's cost does not depend on how well the CPU
 * predicts the data. Missing values follow the library's three-valued semantics exactly as {@link
 * HandArrays} does: a leaf ANDs in its column's validity bit, so a leaf on a missing value is 0
 * (UNKNOWN is never counted), and {@code NOT leaf} is 1 only when the value is present and the leaf
 * 0. B1's inner loop over a customer's purchases still has its loop bound; the test per purchase
 * and per customer is branch-free.
 *
 * <p>The sign-bit forms are exact for the values they are given here: see each helper.
 */
final class HandBranchFree {
  private HandBranchFree() {}

  static Evaluator prepare(Rule rule, Population population) {
    return prepare(rule, population, false);
  }

  /**
   * The same loops over two halves of the customers, the second half on a spinning worker: the
   * limit of two threads for loops bound by memory rather than by branches. The one-thread form
   * calls each loop directly: behind the {@link HandArrays.Range} interface its R2 and R3 ran 1.5x
   * slower over 10,000,000 customers.
   */
  static Evaluator prepareTwoThreads(Rule rule, Population population) {
    return prepare(rule, population, true);
  }

  private static Evaluator prepare(Rule rule, Population population, boolean twoThreads) {
    Columns c = population.columns();
    int size = c.size;
    long asOfSecond = Population.AS_OF.getEpochSecond();
    switch (rule) {
      case R1:
        {
          byte[] nordic = zeroOne(c.countries.lookup(Set.of("FI", "SE", "NO")));
          return twoThreads
              ? HandArrays.twoThreads((from, to) -> r1(c, nordic, from, to), size)
              : () -> r1(c, nordic, 0, size);
        }
      case R2:
        {
          requireNoNaN(c.spend90d, c.spend90dValid, size);
          byte[] nordic = zeroOne(c.countries.lookup(Set.of("FI", "SE", "NO")));
          long vip = c.tagNames.maskOf(Set.of("vip"));
          return twoThreads
              ? HandArrays.twoThreads((from, to) -> r2(c, nordic, vip, from, to), size)
              : () -> r2(c, nordic, vip, 0, size);
        }
      case R3:
        {
          requireNoNaN(c.income, c.incomeValid, size);
          requireNoNaN(c.spend90d, c.spend90dValid, size);
          HandArrays.R3Constants k = HandArrays.r3Constants(c);
          byte[] cities = zeroOne(k.cities);
          byte[] industryRe = zeroOne(k.industryRe);
          return twoThreads
              ? HandArrays.twoThreads((from, to) -> r3(c, k, cities, industryRe, from, to), size)
              : () -> r3(c, k, cities, industryRe, 0, size);
        }
      case B1:
        {
          long after = asOfSecond - 90 * 86_400L;
          return twoThreads
              ? HandArrays.twoThreads((from, to) -> b1(c, after, asOfSecond, from, to), size)
              : () -> b1(c, after, asOfSecond, 0, size);
        }
    }
    throw new AssertionError(rule);
  }

  /** The double forms below are exact only without NaN: the benchmark data has none. */
  private static void requireNoNaN(double[] values, long[] valid, int size) {
    for (int i = 0; i < size; i++) {
      if (Columns.get(valid, i) && Double.isNaN(values[i])) {
        throw new IllegalStateException(
            "NaN at customer " + i + ": the branch-free loop needs none");
      }
    }
  }

  /** A lookup table by dictionary code + 1 as bytes 0 and 1, to be ANDed without a branch. */
  private static byte[] zeroOne(boolean[] table) {
    byte[] out = new byte[table.length];
    for (int i = 0; i < table.length; i++) {
      out[i] = (byte) (table[i] ? 1 : 0);
    }
    return out;
  }

  /** Bit {@code i} of a bitset as 0 or 1 (a long shift uses the low 6 bits of {@code i}). */
  static int bit(long[] bits, int i) {
    return (int) (bits[i >>> 6] >>> i) & 1;
  }

  /**
   * 1 when {@code a >= t}, else 0: the sign bit of {@code t - a - 1}. Exact when neither overflows,
   * which holds whenever |a| and |t| are below 2^62: every int (ages, epoch days, counts,
   * dictionary codes) and every epoch second an {@code Instant} can hold (below 2^55).
   */
  static int ge(long a, long t) {
    return (int) ((t - a - 1) >>> 63);
  }

  /** 1 when {@code a > t}, else 0: the sign bit of {@code t - a}; exact as {@link #ge}. */
  static int gt(long a, long t) {
    return (int) ((t - a) >>> 63);
  }

  /** 1 when {@code a <= t}, else 0; exact as {@link #ge}. */
  static int le(long a, long t) {
    return ge(t, a);
  }

  /** 1 when {@code x != 0}, else 0: {@code x | -x} has its sign bit set exactly then. */
  static int nonZero(long x) {
    return (int) ((x | -x) >>> 63);
  }

  /**
   * 1 when {@code a >= t}, else 0, for doubles: the sign bit of {@code a - t}. Exact when neither
   * is NaN and {@code t != 0}: rounding keeps the sign of the exact difference (0 is representable
   * and subnormals mean a difference is 0 only when {@code a == t}), and {@code a - t} is then
   * +0.0, never -0.0.
   */
  static int geD(double a, double t) {
    assert t != 0 : "-0.0 - +0.0 is -0.0";
    return 1 - (int) (Double.doubleToRawLongBits(a - t) >>> 63);
  }

  /** 1 when {@code a > t}, else 0: the sign bit of {@code t - a}; exact as {@link #geD}. */
  static int gtD(double a, double t) {
    assert t != 0 : "-0.0 - +0.0 is -0.0";
    return (int) (Double.doubleToRawLongBits(t - a) >>> 63);
  }

  /** 1 when {@code a <= t}, else 0; exact as {@link #geD}. */
  static int leD(double a, double t) {
    assert t != 0 : "-0.0 - +0.0 is -0.0";
    return 1 - (int) (Double.doubleToRawLongBits(t - a) >>> 63);
  }

  static int r1(Columns c, byte[] nordic, int from, int to) {
    int[] age = c.age;
    long[] ageValid = c.ageValid;
    byte[] country = c.country;
    int count = 0;
    for (int i = from; i < to; i++) {
      count += bit(ageValid, i) & ge(age[i], 30) & nordic[country[i] + 1];
    }
    return count;
  }

  static int r2(Columns c, byte[] nordic, long vip, int from, int to) {
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
      count +=
          bit(ageValid, i)
              & ge(age[i], 30)
              & nordic[country[i] + 1]
              & ((bit(spendValid, i) & gtD(spend[i], 500.0))
                  | (bit(tagsValid, i) & nonZero(tags[i] & vip)))
              & bit(optInValid, i)
              & bit(optIn, i);
    }
    return count;
  }

  static int r3(
      Columns c, HandArrays.R3Constants k, byte[] cities, byte[] industryRe, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      int tagsValid = bit(c.tagsValid, i);
      count +=
          bit(c.incomeValid, i)
              & geD(c.income[i], 15_000.0)
              & leD(c.income[i], 200_000.0)
              & bit(c.ageValid, i)
              & ge(c.age[i], 21)
              & le(c.age[i], 70)
              & cities[c.city[i] + 1]
              // NOT device = desktop: present (code >= 0) and another code.
              & ge(c.device[i], 0)
              & nonZero(c.device[i] - k.desktop)
              & bit(c.signupValid, i)
              & gt(c.signupDay[i], k.signupAfterDay)
              & le(c.signupDay[i], k.asOfDay)
              & (industryRe[c.industry[i] + 1]
                  | (bit(c.spend90dValid, i) & geD(c.spend90d[i], 100.0))
                  | (bit(c.orders90dValid, i)
                      & ge(c.orders90d[i], 2)
                      & bit(c.emailOptInValid, i)
                      & bit(c.emailOptIn, i))
                  | (tagsValid & nonZero(c.tags[i] & k.premium)))
              // NOT tags contain churn-risk or dormant: present and no such tag.
              & tagsValid
              & (1 - nonZero(c.tags[i] & k.churn))
              & bit(c.lastSeenValid, i)
              & gt(c.lastSeen[i], k.seenAfter)
              & le(c.lastSeen[i], k.asOfSecond);
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
        inWindow += gt(t, after) & le(t, asOf);
      }
      count += ge(inWindow, 3);
    }
    return count;
  }
}
