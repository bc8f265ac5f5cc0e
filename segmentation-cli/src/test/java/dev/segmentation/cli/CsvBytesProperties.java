package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link CsvBytes} writes the bytes of {@link MembershipWriter#csvRow} and {@link
 * MembershipWriter#idLine}: ids that need quotes, are empty, padded or not ASCII, every combination
 * of segments, whole and fractional scores (with -0.0 and large values), RFM codes and none.
 */
class CsvBytesProperties {
  private static final Segmentation NAMES = names();

  private static Segmentation names() {
    try {
      Rules.Loaded loaded =
          Rules.load(Path.of(RunCommandTest.RULES), new PrintWriter(new StringWriter()));
      return new Segmentation.Builder(loaded.catalog()).build();
    } catch (Failure | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String[] IDS = {
    "c-1",
    "c-123456",
    "a,b",
    "say \"hi\"",
    " padded",
    "padded ",
    "caf\u00e9",
    "x\ny",
    "r\r",
    "\u6771\u4eac",
    "a|b",
    "0",
    "-5"
  };

  private static final double[] SCORES = {
    0, -0.0, 1, -1, 42, 0.5, -2.25, 1e15, 1e15 - 1, -1e15, 123456.789, 1e-7, 7.0E-4, 9e300
  };

  @Property(tries = 200)
  void rows_areTheStringWritersBytes(@ForAll long seed) throws IOException {
    Random r = new Random(seed);
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    ByteArrayOutputStream idLines = new ByteArrayOutputStream();
    CsvBytes.Out rowOut = new CsvBytes.Out(rows);
    CsvBytes.Out idOut = new CsvBytes.Out(idLines);
    CsvBytes bytes = new CsvBytes(NAMES);
    StringBuilder expectedRows = new StringBuilder();
    StringBuilder expectedIds = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      String id = r.nextInt(3) == 0 ? IDS[r.nextInt(IDS.length)] : "c-" + r.nextInt(1_000_000);
      long[] segments = {
        r.nextInt(4) == 0 ? 0 : r.nextLong() & ((1L << NAMES.segments.size()) - 1)
      };
      int[] tiers = new int[NAMES.tierings.size()];
      for (int t = 0; t < tiers.length; t++) {
        tiers[t] = r.nextInt(NAMES.tierNames.get(t).size());
      }
      double[] scores = new double[NAMES.scores.size()];
      for (int s = 0; s < scores.length; s++) {
        scores[s] = r.nextBoolean() ? SCORES[r.nextInt(SCORES.length)] : r.nextGaussian() * 1000;
      }
      int[] rfm = new int[NAMES.rfmModels.size()];
      for (int m = 0; m < rfm.length; m++) {
        rfm[m] = r.nextInt(3) == 0 ? 0 : (1 + r.nextInt(5)) * 100 + (1 + r.nextInt(5)) * 10 + 1;
      }
      MembershipWriter.Row row =
          new RowBatch.View().of(id, new RowBatch.Evaluated(segments, tiers, scores, rfm));
      bytes.id(id);
      bytes.writeRow(rowOut, row, segments);
      bytes.writeIdLine(idOut);
      expectedRows.append(MembershipWriter.csvRow(NAMES, row));
      expectedIds.append(MembershipWriter.idLine(id));
    }
    rowOut.flush();
    idOut.flush();
    assertThat(rows.toString(StandardCharsets.UTF_8)).isEqualTo(expectedRows.toString());
    assertThat(idLines.toString(StandardCharsets.UTF_8)).isEqualTo(expectedIds.toString());
    assertThat(rows.toByteArray())
        .isEqualTo(expectedRows.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The buffered file is the bytes written, in order, whatever mix of single bytes, numbers and
   * arrays (shorter than, as long as, or longer than its 64 KB buffer) fills it across its flushes.
   */
  @Property(tries = 30)
  void out_isTheBytesWritten_acrossFlushes(@ForAll long seed) throws IOException {
    java.util.Random r = new java.util.Random(seed);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    CsvBytes.Out out = new CsvBytes.Out(written);
    while (expected.size() < 300_000) {
      switch (r.nextInt(3)) {
        case 0 -> {
          int b = r.nextInt(256);
          out.write(b);
          expected.write(b);
        }
        case 1 -> {
          long v = r.nextInt(4) == 0 ? Long.MIN_VALUE : r.nextLong() >> r.nextInt(64);
          out.writeLong(v);
          expected.writeBytes(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        }
        default -> {
          int[] sizes = {0, 1, 7, 1000, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 100_000};
          byte[] b = new byte[sizes[r.nextInt(sizes.length)] + 2];
          r.nextBytes(b);
          out.write(b, 1, b.length - 2);
          expected.write(b, 1, b.length - 2);
        }
      }
    }
    out.flush();
    assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Property(tries = 100)
  void writeLong_isLongToString(@ForAll long v) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    CsvBytes.Out out = new CsvBytes.Out(b);
    out.writeLong(v);
    out.flush();
    assertThat(b.toString(StandardCharsets.US_ASCII)).isEqualTo(Long.toString(v));
  }

  /**
   * More combinations of segments than the writer keeps (16,384), each seen several times, in one
   * writer: every row's segments column is still the string writer's.
   */
  @Property(tries = 5)
  void manyCombinations_areTheStringWritersBytes(@ForAll long seed) throws IOException {
    Random r = new Random(seed);
    long[] pool = new long[20_000];
    for (int i = 1; i < pool.length; i++) {
      pool[i] = r.nextLong() & ((1L << NAMES.segments.size()) - 1);
    }
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    CsvBytes.Out rowOut = new CsvBytes.Out(rows);
    CsvBytes bytes = new CsvBytes(NAMES);
    StringBuilder expected = new StringBuilder();
    int[] tiers = new int[NAMES.tierings.size()];
    double[] scores = new double[NAMES.scores.size()];
    int[] rfm = new int[NAMES.rfmModels.size()];
    for (int i = 0; i < 40_000; i++) {
      long[] segments = {pool[r.nextInt(i < 30_000 ? pool.length : 100)]};
      MembershipWriter.Row row =
          new RowBatch.View().of("c", new RowBatch.Evaluated(segments, tiers, scores, rfm));
      bytes.id("c");
      bytes.writeRow(rowOut, row, segments);
      expected.append(MembershipWriter.csvRow(NAMES, row));
    }
    rowOut.flush();
    assertThat(rows.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }
}
