package dev.segmentation.testkit;

/**
 * A small, fast pseudo-random generator (SplitMix64) whose sequence is fixed by this code alone, so
 * generated data stays identical across JDK versions. Not thread-safe; one per customer.
 */
final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;

  Rng(long seed) {
    this.state = seed;
  }

  /** A seed for stream {@code index} of a generator seeded with {@code seed}. */
  static long derive(long seed, long index) {
    return mix(mix(seed) ^ (index * GOLDEN + 0x632BE59BD9B4E019L));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) * bound >>> 31);
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Standard normal (Box-Muller, one value per call). */
  double nextGaussian() {
    double u1 = 1.0 - nextDouble(); // in (0, 1]
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Log-normal with the given median and shape. */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * nextGaussian());
  }

  /** Geometric count >= 0 with the given mean. */
  int geometric(double mean) {
    if (mean <= 0) {
      return 0;
    }
    double p = 1.0 / (1.0 + mean);
    return (int) Math.floor(Math.log(1.0 - nextDouble()) / Math.log(1.0 - p));
  }

  /** An index drawn from cumulative weights {@code cumulative} (last element is the total). */
  int pick(double[] cumulative) {
    double x = nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Cumulative Zipf weights 1/(rank^s) for {@code n} items. */
  static double[] zipf(int n, double s) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / Math.pow(i + 1, s);
      c[i] = sum;
    }
    return c;
  }

  /** Cumulative weights from plain weights. */
  static double[] cumulative(double... weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }
}
