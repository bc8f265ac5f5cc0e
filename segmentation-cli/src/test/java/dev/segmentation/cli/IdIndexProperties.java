package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** {@link IdIndex} answers as a {@code HashMap<String, Integer>} of ids to lines does. */
class IdIndexProperties {

  @Property(tries = 200)
  void putIfAbsentAndRemoveLast_sameAsAHashMap(
      @ForAll @Size(max = 3000) List<@StringLength(max = 6) String> ids, @ForAll long seed) {
    IdIndex index = new IdIndex();
    Map<String, Integer> model = new HashMap<>();
    String last = null;
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Integer expected = model.putIfAbsent(id, i + 1);
      assertThat(index.putIfAbsent(id, i + 1)).isEqualTo(expected == null ? -1 : expected);
      if (expected == null) {
        last = id;
        if (random.nextInt(10) == 0) {
          index.removeLast(); // as a scan does when the customer turns out bad
          model.remove(last);
          last = null;
        }
      }
    }
    for (String id : ids) {
      assertThat(index.contains(id)).isEqualTo(model.containsKey(id));
    }
    assertThat(index.contains("never-added-" + ids.size())).isFalse();
  }
}
