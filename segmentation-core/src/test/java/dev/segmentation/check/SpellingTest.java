package dev.segmentation.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one wording of "did you mean" and of the names a fixed set allows. */
class SpellingTest {

  @Test
  void didYouMean_closeName_suggested() {
    assertThat(Spelling.didYouMean("agee", List.of("age", "country")))
        .isEqualTo("; did you mean \"age\"?");
  }

  @Test
  void didYouMean_nothingClose_empty() {
    assertThat(Spelling.didYouMean("zzzzzz", List.of("age"))).isEmpty();
  }

  @Test
  void didYouMeanAside_closeName_inParentheses() {
    assertThat(Spelling.didYouMeanAside("agee", List.of("age")))
        .isEqualTo(" (did you mean \"age\"?)");
    assertThat(Spelling.didYouMeanAside("zzzzzz", List.of("age"))).isEmpty();
  }

  @Test
  void didYouMeanAmong_suggestionThenEveryName() {
    assertThat(Spelling.didYouMeanAmong("dayz", List.of("hours", "days"), "units"))
        .isEqualTo("; did you mean \"days\"? (units: hours, days)");
    assertThat(Spelling.didYouMeanAmong("weeks", List.of("hours", "days"), "units"))
        .isEqualTo(" (units: hours, days)");
  }

  @Test
  void listing_moreThanMost_theRestCounted() {
    assertThat(Spelling.listing("tiers", List.of("a", "b", "c", "d"), 2))
        .isEqualTo(" (tiers: a, b, ... 2 more)");
    assertThat(Spelling.listing("tiers", List.of("a", "b"), 2)).isEqualTo(" (tiers: a, b)");
  }

  @Test
  void indexDidYouMean_sameWordsAsDidYouMean() {
    Spelling.Index index = new Spelling.Index(List.of("age", "country"));
    assertThat(index.didYouMean("agee")).isEqualTo(Spelling.didYouMean("agee", List.of("age")));
  }

  @Test
  void either_names_commasThenOr() {
    assertThat(Spelling.either(List.of("duckdb", "postgres", "spark")))
        .isEqualTo("duckdb, postgres or spark");
    assertThat(Spelling.either(List.of("day", "month"))).isEqualTo("day or month");
    assertThat(Spelling.either(List.of("day"))).isEqualTo("day");
  }
}
