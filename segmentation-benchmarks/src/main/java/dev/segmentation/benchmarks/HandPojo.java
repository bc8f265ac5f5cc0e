package dev.segmentation.benchmarks;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Event;
import java.time.Instant;
import java.util.Set;

/**
 * The object limit: each benchmark rule written by hand as an if-chain over {@link Person} fields,
 * null meaning no value, with the library's three-valued semantics.
 */
final class HandPojo {
  private HandPojo() {}

  private static final Set<String> NORDIC = ImmutableSet.of("FI", "SE", "NO");
  private static final Set<String> PREMIUM = ImmutableSet.of("premium", "loyalty-member");
  private static final Set<String> CHURN = ImmutableSet.of("churn-risk", "dormant");

  static Evaluator prepare(Rule rule, Population population) {
    Person[] people = population.people();
    Instant asOf = Population.AS_OF;
    switch (rule) {
      case R1:
        return () -> {
          int count = 0;
          for (Person p : people) {
            if (r1(p)) {
              count++;
            }
          }
          return count;
        };
      case R2:
        return () -> {
          int count = 0;
          for (Person p : people) {
            if (r1(p)
                && ((p.spend90d != null && p.spend90d > 500)
                    || (p.tags != null && p.tags.contains("vip")))
                && p.emailOptIn != null
                && p.emailOptIn) {
              count++;
            }
          }
          return count;
        };
      case R3:
        {
          long asOfDay = Population.CONTEXT.asOfDate().toEpochDay();
          long signupAfter = asOfDay - 365;
          Instant seenAfter = asOf.minusSeconds(180 * 86_400L);
          return () -> {
            int count = 0;
            for (Person p : people) {
              if (r3(p, signupAfter, asOfDay, seenAfter, asOf)) {
                count++;
              }
            }
            return count;
          };
        }
      case B1:
        {
          Instant after = asOf.minusSeconds(90 * 86_400L);
          return () -> {
            int count = 0;
            for (Person p : people) {
              int inWindow = 0;
              for (Event e : p.purchases) {
                Instant t = e.timestamp();
                if (t.isAfter(after) && !t.isAfter(asOf)) {
                  inWindow++;
                }
              }
              if (inWindow >= 3) {
                count++;
              }
            }
            return count;
          };
        }
    }
    throw new AssertionError(rule);
  }

  private static boolean r1(Person p) {
    return p.age != null && p.age >= 30 && p.country != null && NORDIC.contains(p.country);
  }

  private static boolean r3(
      Person p, long signupAfter, long asOfDay, Instant seenAfter, Instant asOf) {
    if (p.income == null || p.income < 15_000.0 || p.income > 200_000.0) {
      return false;
    }
    if (p.age == null || p.age < 21 || p.age > 70) {
      return false;
    }
    if (p.city == null || !Rule.R3_CITIES.contains(p.city)) {
      return false;
    }
    if (p.device == null || p.device.equals("desktop")) {
      return false;
    }
    if (p.signupDate == null) {
      return false;
    }
    long day = p.signupDate.toEpochDay();
    if (day <= signupAfter || day > asOfDay) {
      return false;
    }
    boolean any =
        (p.industry != null && p.industry.startsWith("re"))
            || (p.spend90d != null && p.spend90d >= 100.0)
            || (p.orders90d != null && p.orders90d >= 2 && p.emailOptIn != null && p.emailOptIn)
            || (p.tags != null && containsAny(p.tags, PREMIUM));
    if (!any) {
      return false;
    }
    if (p.tags == null || containsAny(p.tags, CHURN)) {
      return false;
    }
    return p.lastSeen != null && p.lastSeen.isAfter(seenAfter) && !p.lastSeen.isAfter(asOf);
  }

  private static boolean containsAny(Set<String> tags, Set<String> wanted) {
    for (String w : wanted) {
      if (tags.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
