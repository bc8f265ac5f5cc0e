package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link IdRuns} with budgets so small that ids go to disk every few puts finds the duplicate a
 * scan with every id in memory meets first: the smallest line that repeats an id, with that id's
 * first line; also when ids are taken back, and when asked only below a line.
 */
class IdRunsProperties {

  @Property(tries = 200)
  void firstDuplicate_asAHashMapInFileOrder(
      @ForAll @Size(max = 400) List<@StringLength(max = 3) String> ids,
      @ForAll @IntRange(max = 8000) int budget,
      @ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    Map<String, Integer> model = new HashMap<>();
    IdRuns.Duplicate expected = null;
    try (IdRuns runs = new IdRuns(budget)) {
      IdRuns.Duplicate found = null;
      for (int i = 0; i < ids.size(); i++) {
        int line = i + 1;
        String id = ids.get(i);
        Integer first = model.putIfAbsent(id, line);
        if (first != null && expected == null) {
          expected = new IdRuns.Duplicate(id, line, first);
        }
        int inMemory = runs.putIfAbsent(id, line);
        if (inMemory >= 0) {
          // a scan stops here, unless a spilled id repeats earlier
          IdRuns.Duplicate earlier = runs.firstDuplicate(line);
          found = earlier != null ? earlier : new IdRuns.Duplicate(id, line, inMemory);
          break;
        }
        if (first == null && random.nextInt(8) == 0) {
          runs.removeLast(); // as a scan does when the customer turns out bad
          model.remove(id);
        }
      }
      if (found == null) {
        found = runs.firstDuplicate(Integer.MAX_VALUE);
      }
      assertThat(found).isEqualTo(expected);
    }
  }
}
