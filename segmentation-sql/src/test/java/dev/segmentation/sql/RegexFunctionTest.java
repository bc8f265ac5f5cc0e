package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlCompiler#withRegexFunction}: Spark SQL calls the caller's RE2 function exactly where it
 * would otherwise refuse a pattern, and nowhere else; other dialects do not take one.
 */
class RegexFunctionTest {
  private static final Schema SCHEMA = Schema.of(Attribute.string("s"));
  private static final EvaluationContext CTX = EvaluationContext.at(Instant.EPOCH);

  private static SqlCompiler spark(Condition c) {
    return SqlCompiler.of(
        Catalog.of(Segment.of("x", c)), SCHEMA, Dialect.SPARK, Mapping.defaults());
  }

  private static StringMatch matches(String pattern, boolean ignoreCase) {
    return new StringMatch("s", StringMatch.Op.MATCHES, pattern, ignoreCase);
  }

  @Test
  void withoutTheFunction_sparkRefusesPatternsOutsideTheSubsetAndIgnoreCase() {
    assertThatThrownBy(() -> spark(matches("\\bfi", false)).membershipQuery(CTX))
        .isInstanceOf(SqlCompileException.class)
        .hasMessageContaining("\\b");
    assertThatThrownBy(() -> spark(matches("fi", true)).membershipQuery(CTX))
        .isInstanceOf(SqlCompileException.class)
        .hasMessageContaining("ignores case");
  }

  @Test
  void withTheFunction_patternsOutsideTheSubsetCallIt() {
    String sql =
        spark(matches("\\bfi\\p{L}'", false))
            .withRegexFunction("re2_find")
            .membershipQuery(CTX)
            .sql();
    assertThat(sql).contains("re2_find(`a0`, '\\\\bfi\\\\p{L}\\'', FALSE)").doesNotContain("RLIKE");
  }

  @Test
  void withTheFunction_caseInsensitivePatternsCallIt() {
    String sql =
        spark(matches("^fi", true)).withRegexFunction("re2_find").membershipQuery(CTX).sql();
    assertThat(sql).contains("re2_find(`a0`, '^fi', TRUE)").doesNotContain("RLIKE");
  }

  @Test
  void withTheFunction_patternsOfTheSubsetStayRlike() {
    String sql =
        spark(matches("^(fi|se)$", false)).withRegexFunction("re2_find").membershipQuery(CTX).sql();
    assertThat(sql).contains("RLIKE").doesNotContain("re2_find");
  }

  @Test
  void otherDialects_takeNoFunction() {
    for (Dialect d : new Dialect[] {Dialect.DUCKDB, Dialect.POSTGRES}) {
      SqlCompiler c =
          SqlCompiler.of(
              Catalog.of(Segment.of("x", matches("fi", true))), SCHEMA, d, Mapping.defaults());
      assertThatThrownBy(() -> c.withRegexFunction("re2_find"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Spark SQL only");
    }
  }

  @Test
  void aNameThatIsNotPlain_isRefused() {
    assertThatThrownBy(() -> spark(matches("fi", true)).withRegexFunction("f(x); DROP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"f(x); DROP\"");
  }
}
