package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ArrayStringSet} is the {@code ImmutableSet.copyOf} of the same strings: the same elements
 * in the same order (each at its first place), equal both ways, the same hash code and text, the
 * same answers to {@code contains}, and unmodifiable.
 */
class ArrayStringSetProperties {
  private static final List<String> WORDS = List.of("b2b", "vip", "newsletter", "", "VIP", "v");

  @Provide
  Arbitrary<List<String>> strings() {
    // new String(...): equal strings that are not the same object, as lines give them
    return Arbitraries.of(WORDS)
        .map(w -> new String(w.toCharArray()))
        .list()
        .ofMaxSize(ArrayStringSet.MAX_SIZE);
  }

  @Property(tries = 500)
  void isTheImmutableSetOfTheSameStrings(@ForAll("strings") List<String> strings) {
    String[] array = strings.toArray(new String[ArrayStringSet.MAX_SIZE + 2]); // longer than n
    ArrayStringSet set = ArrayStringSet.of(array, strings.size());
    ImmutableSet<String> expected = ImmutableSet.copyOf(strings);

    assertThat(new ArrayList<>(set)).containsExactlyElementsOf(expected);
    assertThat(set).isEqualTo(expected);
    assertThat(expected).isEqualTo(set);
    assertThat(set.hashCode()).isEqualTo(expected.hashCode());
    assertThat(set.toString()).isEqualTo(expected.toString());
    assertThat(set.size()).isEqualTo(expected.size());
    assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
    for (String w : WORDS) {
      assertThat(set.contains(new String(w.toCharArray()))).as(w).isEqualTo(expected.contains(w));
    }
    assertThat(set.contains(null)).isFalse();
    assertThat(set.contains(1L)).isFalse();
    assertThatThrownBy(() -> set.add("x")).isInstanceOf(UnsupportedOperationException.class);
    Iterator<String> it = set.iterator();
    while (it.hasNext()) {
      it.next();
    }
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    assertThat(set).hasSize(expected.size()); // unchanged after the walk
  }

  @Property(tries = 50)
  void theEmptySetIsEmpty(@ForAll("strings") List<String> strings) {
    assertThat(ArrayStringSet.EMPTY).isEqualTo(ImmutableSet.of()).hasSameHashCodeAs(Set.of());
    assertThat(ArrayStringSet.EMPTY.toString()).isEqualTo("[]");
    for (String s : strings) {
      assertThat(ArrayStringSet.EMPTY.contains(s)).isFalse();
    }
    assertThat(ArrayStringSet.EMPTY.iterator().hasNext()).isFalse();
  }
}
