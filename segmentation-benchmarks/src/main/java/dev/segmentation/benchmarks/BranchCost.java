package dev.segmentation.benchmarks;

import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Operator;
import dev.segmentation.model.Customer;

/**
 * Tests whether the row engine's gap to the if-chain is branch mispredictions or instructions per
 * customer, on the single leaf {@code age >= 30}: times, in this thread's CPU time and alternating
 * in one JVM, the engine; the if-chain; the if-chain with a store in the branch (which C2 cannot
 * turn into a conditional move); a branch-free form; the engine's read ({@code Person.longValue})
 * by hand, also branch-free and with an equal but not identical name; and the if-chain with 16 and
 * 32 extra loads from a small array per customer (L1 hits). Args: rounds, customers. See RESULTS.md
 * run H1.
 */
public final class BranchCost {
  private static final int[] SMALL = new int[64];
  private static final String COPY = new String("age");

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    Person[] people = Population.generate(Integer.parseInt(args[1])).people();
    int[] out = new int[people.length];
    Evaluator[] contenders = {
      Contender.row(new Compare("age", Operator.GE, 30L), people),
      EntryCost.ageIfChain(people),
      () -> {
        int count = 0;
        for (int i = 0; i < people.length; i++) {
          Person p = people[i];
          if (p.age != null && p.age >= 30) {
            out[count++] = i;
          }
        }
        return count;
      },
      () -> {
        int count = 0;
        for (Person p : people) {
          Long a = p.age;
          if (a != null) {
            count += (int) ((29 - a) >>> 63);
          }
        }
        return count;
      },
      read(people, "age", false),
      read(people, "age", true),
      read(people, COPY, false),
      loads(people, 16),
      loads(people, 32),
    };
    String[] names = {
      "row",
      "if",
      "if+store",
      "branch-free",
      "read",
      "read bf",
      "read copy",
      "if +16 ld",
      "if +32 ld"
    };
    EntryCost.alternate(names, contenders, rounds, people.length);
  }

  // The engine's primitive read by hand, through the Customer interface; with an if or branch-free.
  private static Evaluator read(Person[] people, String name, boolean branchFree) {
    return () -> {
      int count = 0;
      for (Customer c : people) {
        long a = c.longValue(0, name, Long.MIN_VALUE);
        if (a != Long.MIN_VALUE) {
          if (branchFree) {
            count += (int) ((29 - a) >>> 63);
          } else if (a >= 30) {
            count++;
          }
        }
      }
      return count;
    };
  }

  // The if-chain plus 16 or 32 loads from a 64-int array per customer (a loop-invariant test,
  // which the JIT takes out of the loop).
  private static Evaluator loads(Person[] people, int extra) {
    boolean twice = extra == 32;
    return () -> {
      int count = 0;
      int acc = 0;
      for (int i = 0; i < people.length; i++) {
        Person p = people[i];
        acc += sixteen(SMALL, i);
        if (twice) {
          acc += sixteen(SMALL, i + 16);
        }
        if (p.age != null && p.age >= 30) {
          count++;
        }
      }
      return count + (acc == 123_456_789 ? 1 : 0);
    };
  }

  private static int sixteen(int[] s, int i) {
    return s[(i + 0) & 63]
        + s[(i + 1) & 63]
        + s[(i + 2) & 63]
        + s[(i + 3) & 63]
        + s[(i + 4) & 63]
        + s[(i + 5) & 63]
        + s[(i + 6) & 63]
        + s[(i + 7) & 63]
        + s[(i + 8) & 63]
        + s[(i + 9) & 63]
        + s[(i + 10) & 63]
        + s[(i + 11) & 63]
        + s[(i + 12) & 63]
        + s[(i + 13) & 63]
        + s[(i + 14) & 63]
        + s[(i + 15) & 63];
  }
}
