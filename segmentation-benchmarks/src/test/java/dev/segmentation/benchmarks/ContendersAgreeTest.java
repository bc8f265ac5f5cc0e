package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' answers are checked here: on the first 20,000 generated customers every contender
 * counts the same customers for every rule, and every rule matches some customers but not all (a
 * rule that matched nobody would make a fast benchmark of nothing).
 */
class ContendersAgreeTest {

  private static Population population;

  @BeforeAll
  static void generate() {
    population = Population.generate(20_000);
  }

  @Test
  void everyContender_everyRule_countsTheSameCustomers() {
    for (Rule rule : Rule.values()) {
      Map<Contender, Integer> counts = new EnumMap<>(Contender.class);
      for (Contender contender : Contender.values()) {
        counts.put(contender, contender.prepare(rule, population).countMatches());
      }
      int expected = counts.get(Contender.HAND_ARRAYS);
      assertThat(counts)
          .as("%s counts", rule)
          .allSatisfy((c, n) -> assertThat(n).isEqualTo(expected));
      assertThat(expected).as("%s matches some but not all", rule).isBetween(20, 19_980);
    }
  }
}
