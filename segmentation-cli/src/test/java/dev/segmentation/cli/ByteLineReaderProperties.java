package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link ByteLineReader} against {@link LineReader}, the reader it replaces for customers: the same
 * lines, numbers, texts, problems and columns, and blank exactly when the text is; and {@link Utf8}
 * against the JDK's strict decoder.
 */
class ByteLineReaderProperties {

  private static boolean decoderAccepts(byte[] bytes) {
    return Utf8ReaderProperties.valid(bytes);
  }

  @Property(tries = 3000)
  void valid_anyBytes_asTheJdkDecoder(@ForAll @Size(max = 12) byte[] bytes) {
    assertThat(Utf8.valid(bytes, 0, bytes.length)).isEqualTo(decoderAccepts(bytes));
  }

  /**
   * Random bytes biased to the edges of UTF-8's ranges, where overlong forms and surrogates are.
   */
  @Property(tries = 3000)
  void valid_edgyBytes_asTheJdkDecoder(@ForAll long seed) {
    Random r = new Random(seed);
    int[] edges = {
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
      0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF
    };
    byte[] bytes = new byte[r.nextInt(9)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) edges[r.nextInt(edges.length)];
    }
    assertThat(Utf8.valid(bytes, 0, bytes.length))
        .as(java.util.Arrays.toString(bytes))
        .isEqualTo(decoderAccepts(bytes));
    if (decoderAccepts(bytes)) {
      assertThat(Utf8.chars(bytes, 0, bytes.length))
          .isEqualTo(new String(bytes, StandardCharsets.UTF_8).length());
    }
  }

  /**
   * Long ASCII runs (read eight bytes at a time) around a few edgy bytes: a bad or cut sequence at
   * any offset of a word, and just after one, is still found.
   */
  @Property(tries = 2000)
  void valid_asciiRunsAroundEdgyBytes_asTheJdkDecoder(@ForAll long seed) {
    Random r = new Random(seed);
    int[] edgy = {0x80, 0xBF, 0xC2, 0xC3, 0xA9, 0xE0, 0xE2, 0x82, 0xAC, 0xED, 0xF0, 0xF4, 0xFF};
    byte[] bytes = new byte[r.nextInt(64)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] =
          r.nextInt(12) == 0 ? (byte) edgy[r.nextInt(edgy.length)] : (byte) ('a' + r.nextInt(26));
    }
    assertThat(Utf8.valid(bytes, 0, bytes.length))
        .as(java.util.Arrays.toString(bytes))
        .isEqualTo(decoderAccepts(bytes));
    int from = bytes.length == 0 ? 0 : r.nextInt(bytes.length);
    byte[] tail = java.util.Arrays.copyOfRange(bytes, from, bytes.length);
    assertThat(Utf8.valid(bytes, from, bytes.length)).isEqualTo(decoderAccepts(tail));
  }

  private record Seen(int number, String text, String problem, int column, boolean blank) {}

  private static List<Seen> byLineReader(byte[] file, int maxChars) throws IOException {
    List<Seen> out = new ArrayList<>();
    LineReader r = new LineReader(new ByteArrayInputStream(file), maxChars);
    for (LineReader.Line l = r.next(); l != null; l = r.next()) {
      out.add(new Seen(l.number(), l.text(), l.problem(), l.column(), l.text().isBlank()));
    }
    return out;
  }

  private static List<Seen> byByteReader(byte[] file, int maxChars, int block) throws IOException {
    List<Seen> out = new ArrayList<>();
    ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(file), maxChars, block);
    while (r.advance()) {
      LineReader.Line l = r.careful();
      if (l != null) {
        out.add(new Seen(l.number(), l.text(), l.problem(), l.column(), r.blank()));
      } else {
        String text = new String(r.block(), r.start(), r.length(), StandardCharsets.UTF_8);
        assertThat(r.ascii()).isEqualTo(text.chars().allMatch(c -> c < 0x80));
        out.add(new Seen(r.number(), text, null, 0, r.blank()));
      }
    }
    return out;
  }

  /**
   * Files of short lines made of JSON-ish pieces, non-ASCII characters, bad bytes, carriage
   * returns, blank lines and a byte order mark, read in blocks of a few bytes and with a small line
   * limit: both readers agree on every line.
   */
  @Property(tries = 1000)
  void lines_anyFile_asTheLineReader(
      @ForAll long seed,
      @ForAll @IntRange(min = 4, max = 40) int block,
      @ForAll @IntRange(min = 1, max = 30) int maxChars)
      throws IOException {
    Random r = new Random(seed);
    String[] pieces = {
      "{", "}", "\"a\"", ":", "1", " ", "\t", "\r", "\n", "\n", "\r\n", "é", "€", "😀", "\u2003",
      "\uFEFF"
    };
    byte[][] bad = {
      {(byte) 0xFF},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
    };
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    if (r.nextInt(4) == 0) {
      file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    int n = r.nextInt(60);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(25) == 0) {
        file.writeBytes(bad[r.nextInt(bad.length)]);
      } else {
        file.writeBytes(pieces[r.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] bytes = file.toByteArray();
    assertThat(byByteReader(bytes, maxChars, block)).isEqualTo(byLineReader(bytes, maxChars));
  }

  /**
   * Lines handed out and not yet released keep their bytes while reading goes on, however the
   * releases fall (after batches of a few lines, with a few batches in flight, as the scan does);
   * and released blocks are read into again, so a long file goes through a few arrays.
   */
  @Property(tries = 300)
  void release_linesInUseKeepTheirBytes_andBlocksAreReadIntoAgain(
      @ForAll long seed,
      @ForAll @IntRange(min = 16, max = 64) int block,
      @ForAll @IntRange(min = 1, max = 3) int batch,
      @ForAll @IntRange(min = 1, max = 3) int inFlight)
      throws IOException {
    Random r = new Random(seed);
    StringBuilder file = new StringBuilder();
    while (file.length() < 60 * block) {
      int length = r.nextInt(block / 2);
      for (int i = 0; i < length; i++) {
        file.append((char) ('a' + r.nextInt(26)));
      }
      file.append('\n');
    }
    ByteLineReader reader =
        new ByteLineReader(
            new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), 100, block);
    record Handed(byte[] block, int start, int length, String text) {
      void check() {
        assertThat(new String(block, start, length, StandardCharsets.UTF_8)).isEqualTo(text);
      }
    }
    java.util.ArrayDeque<List<Handed>> batches = new java.util.ArrayDeque<>();
    java.util.Set<byte[]> arrays =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<Handed> current = new ArrayList<>();
    int lines = 0;
    while (reader.advance()) {
      assertThat(reader.careful()).isNull();
      String text =
          new String(reader.block(), reader.start(), reader.length(), StandardCharsets.UTF_8);
      current.add(new Handed(reader.block(), reader.start(), reader.length(), text));
      arrays.add(reader.block());
      lines++;
      if (current.size() == batch) {
        batches.add(current);
        current = new ArrayList<>();
      }
      while (batches.size() > inFlight) {
        List<Handed> taken = batches.poll();
        taken.forEach(Handed::check);
        batches.forEach(b -> b.forEach(Handed::check));
        reader.release(taken.get(taken.size() - 1).block());
      }
    }
    batches.forEach(b -> b.forEach(Handed::check));
    current.forEach(Handed::check);
    assertThat(lines).isEqualTo(file.chars().filter(c -> c == '\n').count());
    // 60 blocks of text; at most about a dozen lines in use at once, each under half a block
    assertThat(arrays.size()).isLessThanOrEqualTo(12);
  }
}
