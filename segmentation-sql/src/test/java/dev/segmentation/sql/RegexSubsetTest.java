package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.testkit.RandomSchemas;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The RE2 subset translated for PostgreSQL and Spark (Java regex). For Java, the translation is
 * checked against RE2/J itself on random strings: same find result for every pattern of the subset.
 * PostgreSQL's translation runs on the real server in {@link ExactnessTest} and the differential
 * test.
 */
class RegexSubsetTest {

  /** The generator's patterns that the subset holds, and a few more of its corners. */
  static final List<String> PATTERNS =
      Stream.concat(
              RandomSchemas.patterns().stream().filter(RegexSubsetTest::inSubset),
              Stream.of(
                  "[\\]\\-x]", "\\w+@\\W", "(?:ab)*c", "\\S\\D", "[a-cX-Z5-7]", "}", "a{2,3}b"))
          .toList();

  private static boolean inSubset(String pattern) {
    try {
      RegexSubset.toJava(pattern);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Provide
  Arbitrary<String> subjects() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "a",
            "\n",
            "a\n",
            "ab\n",
            "fi",
            "FI",
            "se\n",
            "ann@acme.com",
            "item-10",
            "😀",
            "é",
            "e\u0301",
            "ı",
            "i\u0307",
            "x]y",
            "a-b",
            "aab",
            "aaab",
            "abababc",
            " s",
            "12",
            "ø"),
        Arbitraries.strings().withChars("ab@.-\n ]1😀ø").ofMaxLength(8));
  }

  @Property(tries = 300)
  void javaTranslation_findsWhatRe2Finds(@ForAll("subjects") String subject) {
    for (String p : PATTERNS) {
      boolean byRe2 = com.google.re2j.Pattern.compile(p).matcher(subject).find();
      boolean byJava =
          java.util.regex.Pattern.compile(RegexSubset.toJava(p)).matcher(subject).find();
      assertThat(byJava).as("pattern %s on %s", p, subject).isEqualTo(byRe2);
    }
  }

  @Test
  void mostGeneratedPatterns_areInTheSubset() {
    assertThat(PATTERNS).hasSizeGreaterThan(25);
  }

  @Test
  void translations_spellAnchorsDotAndClassesExplicitly() {
    assertThat(RegexSubset.toPostgres("^a.b$")).isEqualTo("^a[^\n]b$");
    assertThat(RegexSubset.toJava("^a.b$")).isEqualTo("\\Aa[^\n]b\\z");
    assertThat(RegexSubset.toPostgres("\\d+")).isEqualTo("[0-9]+");
    assertThat(RegexSubset.toPostgres("a.b|c")).isEqualTo("a[^\n]b|c");
  }

  @Test
  void outsideTheSubset_isRefusedSayingWhat() {
    assertThatThrownBy(() -> RegexSubset.toPostgres("\\bx")).hasMessageContaining("\\b");
    assertThatThrownBy(() -> RegexSubset.toPostgres("\\pL")).hasMessageContaining("\\p");
    assertThatThrownBy(() -> RegexSubset.toPostgres("(?i)a")).hasMessageContaining("flags");
    assertThatThrownBy(() -> RegexSubset.toPostgres("a*?")).hasMessageContaining("lazy");
    assertThatThrownBy(() -> RegexSubset.toPostgres("[[:upper:]]")).hasMessageContaining("POSIX");
    assertThatThrownBy(() -> RegexSubset.toPostgres("a{300}")).hasMessageContaining("255");
    assertThatThrownBy(() -> RegexSubset.toPostgres("[a-é]")).hasMessageContaining("range");
  }
}
