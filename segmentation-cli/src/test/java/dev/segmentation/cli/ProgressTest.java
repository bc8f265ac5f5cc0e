package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void update_enabledAfterDelay_drawsBarRowsAndRateThenClears() {
    StringWriter err = new StringWriter();
    Progress p = new Progress(new PrintWriter(err), true, "reading c.jsonl", 1000, () -> 500, 0);
    p.update(4096);
    assertThat(err.toString())
        .startsWith("\rreading c.jsonl [###############               ]  50% 4,096 rows  ")
        .endsWith(" rows/s");
    p.finish();
    assertThat(err.toString()).endsWith("\r");
  }

  @Test
  void update_disabledOrBeforeDelay_printsNothing() {
    StringWriter err = new StringWriter();
    Progress off = new Progress(new PrintWriter(err), false, "x", 10, () -> 5, 0);
    off.update(4096);
    off.finish();
    Progress early = new Progress(new PrintWriter(err), true, "x", 10, () -> 5);
    early.update(4096);
    early.finish();
    assertThat(err.toString()).isEmpty();
  }
}
