package dev.segmentation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one problem type: what the checker, the JSON reader and the command line print. */
class IssueTest {

  @Test
  void toString_errorAtAPointer_pathThenMessage() {
    assertThat(Issue.error("/segments/2/where/value", "expected a number"))
        .hasToString("/segments/2/where/value: expected a number");
  }

  @Test
  void toString_emptyPath_theRootPointer() {
    assertThat(Issue.error("", "the document is empty")).hasToString("/: the document is empty");
  }

  @Test
  void toString_warning_prefixed() {
    Issue w = Issue.warning("/segments/0", "never matches");
    assertThat(w.isWarning()).isTrue();
    assertThat(w).hasToString("warning at /segments/0: never matches");
  }

  @Test
  void toString_syntaxProblem_lineAndColumnInsteadOfThePath() {
    Issue s = Issue.syntax(3, 14, "Unexpected character ('}')");
    assertThat(s.severity()).isEqualTo(Severity.ERROR);
    assertThat(s.path()).isEmpty();
    assertThat(s).hasToString("line 3, column 14: Unexpected character ('}')");
  }

  @Test
  void pointerIssue_hasNoLineOrColumn() {
    Issue i = Issue.error("/a", "m");
    assertThat(i.line()).isZero();
    assertThat(i.column()).isZero();
  }

  @Test
  void atPath_keepsEverythingElse() {
    Issue moved = Issue.warning("/where/value", "m").atPath("/value");
    assertThat(moved).isEqualTo(Issue.warning("/value", "m"));
  }

  @Test
  void constructor_controlCharactersInTheMessage_escaped() {
    assertThat(Issue.error("/x\n", "a\nb")).hasToString("/x\\n: a\\nb");
  }

  @Test
  void constructor_negativeLine_refused() {
    assertThatThrownBy(() -> new Issue(Severity.ERROR, "", -1, 0, "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
