package dev.segmentation.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kleene's strong three-valued logic, checked exhaustively over every combination of values. */
class TruthLawsTest {
  private static final Truth[] ALL = Truth.values();

  @Test
  void not_isAnInvolution_andSwapsOnlyTrueAndFalse() {
    assertThat(Truth.TRUE.not()).isEqualTo(Truth.FALSE);
    assertThat(Truth.FALSE.not()).isEqualTo(Truth.TRUE);
    assertThat(Truth.UNKNOWN.not()).isEqualTo(Truth.UNKNOWN);
    for (Truth a : ALL) {
      assertThat(a.not().not()).isEqualTo(a);
    }
  }

  @Test
  void andOr_followTheKleeneTables() {
    assertThat(Truth.FALSE.and(Truth.UNKNOWN)).isEqualTo(Truth.FALSE);
    assertThat(Truth.TRUE.and(Truth.UNKNOWN)).isEqualTo(Truth.UNKNOWN);
    assertThat(Truth.TRUE.or(Truth.UNKNOWN)).isEqualTo(Truth.TRUE);
    assertThat(Truth.FALSE.or(Truth.UNKNOWN)).isEqualTo(Truth.UNKNOWN);
    assertThat(Truth.UNKNOWN.and(Truth.UNKNOWN)).isEqualTo(Truth.UNKNOWN);
    assertThat(Truth.UNKNOWN.or(Truth.UNKNOWN)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void allValues_satisfyTheLattice_andDeMorganLaws() {
    for (Truth a : ALL) {
      assertThat(a.and(a)).isEqualTo(a);
      assertThat(a.or(a)).isEqualTo(a);
      assertThat(a.and(Truth.TRUE)).isEqualTo(a);
      assertThat(a.or(Truth.FALSE)).isEqualTo(a);
      assertThat(a.and(Truth.FALSE)).isEqualTo(Truth.FALSE);
      assertThat(a.or(Truth.TRUE)).isEqualTo(Truth.TRUE);
      for (Truth b : ALL) {
        assertThat(a.and(b)).isEqualTo(b.and(a));
        assertThat(a.or(b)).isEqualTo(b.or(a));
        assertThat(a.and(b).not()).isEqualTo(a.not().or(b.not()));
        assertThat(a.or(b).not()).isEqualTo(a.not().and(b.not()));
        assertThat(a.and(a.or(b))).isEqualTo(a);
        assertThat(a.or(a.and(b))).isEqualTo(a);
        for (Truth c : ALL) {
          assertThat(a.and(b.and(c))).isEqualTo(a.and(b).and(c));
          assertThat(a.or(b.or(c))).isEqualTo(a.or(b).or(c));
          assertThat(a.and(b.or(c))).isEqualTo(a.and(b).or(a.and(c)));
          assertThat(a.or(b.and(c))).isEqualTo(a.or(b).and(a.or(c)));
        }
      }
    }
  }

  @Test
  void excludedMiddle_failsOnlyForUnknown() {
    for (Truth a : ALL) {
      assertThat(a.or(a.not())).isEqualTo(a == Truth.UNKNOWN ? Truth.UNKNOWN : Truth.TRUE);
    }
  }
}
