package dev.segmentation.benchmarks;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written representation: one primitive array per attribute, as someone would lay out the
 * benchmark data by hand to make one rule fast. Missing numbers, dates, booleans and sets are
 * marked in validity bitsets ({@code long[]}, one bit per customer); strings are dictionary codes
 * with -1 for missing; tag sets are 64-bit masks; purchases are one array of timestamps with
 * per-customer offsets.
 *
 * <p>Public final arrays: this class exists to be read by hand-written loops.
 */
public final class Columns {
  public final int size;

  public final int[] age;
  public final long[] ageValid;
  public final byte[] country;
  public final byte[] city;
  public final double[] income;
  public final long[] incomeValid;
  public final byte[] industry;
  public final int[] employees;
  public final long[] employeesValid;
  public final byte[] companySize;
  public final double[] revenue;
  public final long[] revenueValid;
  public final int[] signupDay;
  public final long[] signupValid;
  public final long[] lastSeen;
  public final long[] lastSeenValid;
  public final long[] emailOptIn;
  public final long[] emailOptInValid;
  public final long[] tags;
  public final long[] tagsValid;
  public final byte[] device;
  public final short[] techStack;
  public final long[] techStackValid;
  public final double[] latitude;
  public final double[] longitude;
  public final long[] locationValid;
  public final double[] spend90d;
  public final long[] spend90dValid;
  public final int[] orders90d;
  public final long[] orders90dValid;

  /** Purchases of customer i are {@code purchaseSecond[purchaseStart[i] .. purchaseStart[i+1])}. */
  public final int[] purchaseStart;

  public final long[] purchaseSecond;
  public final double[] purchaseAmount;

  /** Dictionaries: code to string. */
  public final Dictionary countries = new Dictionary();

  public final Dictionary cities = new Dictionary();
  public final Dictionary industries = new Dictionary();
  public final Dictionary companySizes = new Dictionary();
  public final Dictionary devices = new Dictionary();
  public final Dictionary tagNames = new Dictionary();
  public final Dictionary techNames = new Dictionary();

  /** The arrays of the given people, customer i at index i. */
  Columns(List<Person> people) {
    this(people.size(), (from, to) -> people.subList(from, to).toArray(Person[]::new));
  }

  /**
   * The arrays of {@code n} people that {@code chunks} supplies in order, a chunk at a time ({@link
   * #CHUNK} or fewer at the end), so that only one chunk of objects is alive at once: the columns
   * of ten million customers without ten million objects.
   */
  Columns(int n, Chunks chunks) {
    this.size = n;
    int words = (n + 63) >>> 6;
    age = new int[n];
    ageValid = new long[words];
    country = new byte[n];
    city = new byte[n];
    income = new double[n];
    incomeValid = new long[words];
    industry = new byte[n];
    employees = new int[n];
    employeesValid = new long[words];
    companySize = new byte[n];
    revenue = new double[n];
    revenueValid = new long[words];
    signupDay = new int[n];
    signupValid = new long[words];
    lastSeen = new long[n];
    lastSeenValid = new long[words];
    emailOptIn = new long[words];
    emailOptInValid = new long[words];
    tags = new long[n];
    tagsValid = new long[words];
    device = new byte[n];
    techStack = new short[n];
    techStackValid = new long[words];
    latitude = new double[n];
    longitude = new double[n];
    locationValid = new long[words];
    spend90d = new double[n];
    spend90dValid = new long[words];
    orders90d = new int[n];
    orders90dValid = new long[words];
    purchaseStart = new int[n + 1];
    // The purchases of each chunk, concatenated at the end (their number is known only then).
    List<long[]> seconds = new ArrayList<>();
    List<double[]> amounts = new ArrayList<>();
    int e = 0;
    for (int from = 0; from < n; from += CHUNK) {
      Person[] chunk = chunks.get(from, Math.min(n, from + CHUNK));
      int events = 0;
      for (Person p : chunk) {
        events += p.purchases.size();
      }
      long[] second = new long[events];
      double[] amount = new double[events];
      int k = 0;
      for (int j = 0; j < chunk.length; j++) {
        int i = from + j;
        Person p = chunk[j];
        fill(i, p);
        purchaseStart[i] = e + k;
        for (Event ev : p.purchases) {
          second[k] = ev.timestamp().getEpochSecond();
          Object value = ev.properties().get("amount");
          amount[k] = value == null ? Double.NaN : (Double) value;
          k++;
        }
      }
      e = Math.addExact(e, events);
      seconds.add(second);
      amounts.add(amount);
    }
    purchaseStart[n] = e;
    purchaseSecond = new long[e];
    purchaseAmount = new double[e];
    int at = 0;
    for (int c = 0; c < seconds.size(); c++) {
      int length = seconds.get(c).length;
      System.arraycopy(seconds.get(c), 0, purchaseSecond, at, length);
      System.arraycopy(amounts.get(c), 0, purchaseAmount, at, length);
      at += length;
    }
    if (techNames.size() > 16 || tagNames.size() > 64) {
      throw new IllegalStateException("more tags than the masks hold");
    }
  }

  /** The customers per chunk handed to {@link Chunks#get}. */
  static final int CHUNK = 65_536;

  /** People {@code from .. to - 1}, one chunk, asked for in order. */
  @FunctionalInterface
  interface Chunks {
    Person[] get(int from, int to);
  }

  // The attributes of person p at index i (purchases apart).
  private void fill(int i, Person p) {
    if (p.age != null) {
      age[i] = Math.toIntExact(p.age);
      set(ageValid, i);
    }
    country[i] = countries.code(p.country);
    city[i] = cities.code(p.city);
    if (p.income != null) {
      income[i] = p.income;
      set(incomeValid, i);
    }
    industry[i] = industries.code(p.industry);
    if (p.employees != null) {
      employees[i] = Math.toIntExact(p.employees);
      set(employeesValid, i);
    }
    companySize[i] = companySizes.code(p.companySize);
    if (p.revenue != null) {
      revenue[i] = p.revenue;
      set(revenueValid, i);
    }
    if (p.signupDate != null) {
      signupDay[i] = Math.toIntExact(p.signupDate.toEpochDay());
      set(signupValid, i);
    }
    if (p.lastSeen != null) {
      lastSeen[i] = p.lastSeen.getEpochSecond();
      set(lastSeenValid, i);
    }
    if (p.emailOptIn != null) {
      if (p.emailOptIn) {
        set(emailOptIn, i);
      }
      set(emailOptInValid, i);
    }
    if (p.tags != null) {
      tags[i] = tagNames.mask(p.tags);
      set(tagsValid, i);
    }
    device[i] = devices.code(p.device);
    if (p.techStack != null) {
      techStack[i] = (short) techNames.mask(p.techStack);
      set(techStackValid, i);
    }
    if (p.location != null) {
      latitude[i] = p.location.latitude();
      longitude[i] = p.location.longitude();
      set(locationValid, i);
    }
    if (p.spend90d != null) {
      spend90d[i] = p.spend90d;
      set(spend90dValid, i);
    }
    if (p.orders90d != null) {
      orders90d[i] = Math.toIntExact(p.orders90d);
      set(orders90dValid, i);
    }
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << i;
  }

  /** Whether bit {@code i} is set. */
  public static boolean get(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  /**
   * The exact size of every array above in bytes, divided by the number of customers (array headers
   * and dictionaries are negligible and left out); with purchases when asked.
   */
  public double bytesPerCustomer(boolean withPurchases) {
    long bytes = 0;
    long words = (size + 63) >>> 6;
    bytes += 4L * size + 8 * words; // age
    bytes += size; // country
    bytes += size; // city
    bytes += 8L * size + 8 * words; // income
    bytes += size; // industry
    bytes += 4L * size + 8 * words; // employees
    bytes += size; // companySize
    bytes += 8L * size + 8 * words; // revenue
    bytes += 4L * size + 8 * words; // signupDay
    bytes += 8L * size + 8 * words; // lastSeen
    bytes += 16 * words; // emailOptIn
    bytes += 8L * size + 8 * words; // tags
    bytes += size; // device
    bytes += 2L * size + 8 * words; // techStack
    bytes += 16L * size + 8 * words; // location
    bytes += 8L * size + 8 * words; // spend90d
    bytes += 4L * size + 8 * words; // orders90d
    if (withPurchases) {
      bytes += 4L * (size + 1) + 16L * purchaseSecond.length;
    }
    return (double) bytes / size;
  }

  /** A string dictionary: codes 0..126 in order of first appearance, -1 for no value. */
  public static final class Dictionary {
    private final Map<String, Byte> codes = new HashMap<>();
    private final java.util.ArrayList<String> names = new java.util.ArrayList<>();

    byte code(String s) {
      if (s == null) {
        return -1;
      }
      Byte c = codes.get(s);
      if (c == null) {
        if (names.size() >= 127) {
          throw new IllegalStateException("more than 127 distinct values");
        }
        c = (byte) names.size();
        codes.put(s, c);
        names.add(s);
      }
      return c;
    }

    long mask(ImmutableSet<String> values) {
      long m = 0;
      for (String v : values) {
        m |= 1L << code(v);
      }
      return m;
    }

    /** The values by code. */
    List<String> names() {
      return java.util.Collections.unmodifiableList(names);
    }

    /** The number of distinct values seen. */
    public int size() {
      return names.size();
    }

    /**
     * A lookup table by code + 1 (so that -1, no value, is index 0 and false): true for the codes
     * of {@code values}.
     */
    public boolean[] lookup(Set<String> values) {
      boolean[] table = new boolean[128];
      for (int i = 0; i < names.size(); i++) {
        table[i + 1] = values.contains(names.get(i));
      }
      return table;
    }

    /** A lookup table by code + 1: true for the codes of values that start with {@code prefix}. */
    public boolean[] lookupPrefix(String prefix) {
      boolean[] table = new boolean[128];
      for (int i = 0; i < names.size(); i++) {
        table[i + 1] = names.get(i).startsWith(prefix);
      }
      return table;
    }

    /** The code of {@code value}, or -2 when it never occurs (so that it matches nothing). */
    public int codeOf(String value) {
      Byte c = codes.get(value);
      return c == null ? -2 : c;
    }

    /** The mask of the codes of {@code values} that occur. */
    public long maskOf(Set<String> values) {
      long m = 0;
      for (String v : values) {
        Byte c = codes.get(v);
        if (c != null) {
          m |= 1L << c;
        }
      }
      return m;
    }
  }
}
