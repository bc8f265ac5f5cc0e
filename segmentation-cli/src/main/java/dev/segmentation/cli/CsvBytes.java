package dev.segmentation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The membership CSV and the segment files of a streaming run written as bytes, with the same bytes
 * as {@link MembershipWriter#csvRow} and {@link MembershipWriter#idLine} give through a {@code
 * Writer}: names, tiers and RFM segments are encoded once, the segments column once per combination
 * of segments (up to {@link #MAX_COMBINATIONS}), an id of plain ASCII copied as it is and numbers
 * written as digits, so that no {@code String}, list or character buffer is made per row. Anything
 * unusual (an id that needs quotes or is not ASCII, more than 64 segments) takes the {@code String}
 * path of {@link Csv}.
 */
final class CsvBytes {
  /**
   * Combinations of segments whose column is kept: the example rules' 18 segments meet about 8,000
   * in 1,000,000 generated customers, each a few dozen bytes.
   */
  private static final int MAX_COMBINATIONS = 16384;

  /** A buffered file of bytes (64 KB), written to {@code out} when full and by {@link #flush}. */
  static final class Out {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    Out(OutputStream out) {
      this.out = out;
    }

    void write(byte[] b, int off, int len) throws IOException {
      if (len > buf.length) {
        flush();
        out.write(b, off, len);
        return;
      }
      room(len);
      System.arraycopy(b, off, buf, n, len);
      n += len;
    }

    // Every write makes room here, so that this one branch sees the buffer fill up while the JIT
    // profiles it: a flush the profile never saw in write(int) was compiled as a trap, and the
    // first one threw away the compiled MembershipStream.add, which C2 then compiled again.
    private void room(int bytes) throws IOException {
      if (bytes > buf.length - n) {
        flush();
      }
    }

    void write(byte[] b) throws IOException {
      write(b, 0, b.length);
    }

    void write(int b) throws IOException {
      room(1);
      buf[n++] = (byte) b;
    }

    /** The digits of {@code v}, as {@link Long#toString(long)}. */
    void writeLong(long v) throws IOException {
      room(20);
      if (v == Long.MIN_VALUE) {
        write(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        return;
      }
      if (v < 0) {
        buf[n++] = '-';
        v = -v;
      }
      int end = n + digitCount(v);
      n = end;
      do {
        buf[--end] = (byte) ('0' + v % 10);
        v /= 10;
      } while (v != 0);
    }

    private static int digitCount(long v) {
      int d = 1;
      while (v >= 10) {
        v /= 10;
        d++;
      }
      return d;
    }

    void flush() throws IOException {
      if (n > 0) {
        out.write(buf, 0, n);
        n = 0;
      }
    }
  }

  private final Segmentation names;
  private final byte[][][] tiers;
  private final byte[][] rfmSegments = new byte[1000][];

  /**
   * The segments column per combination of up to 64 segments (a bit per segment), in an
   * open-addressing table of twice {@link #MAX_COMBINATIONS} slots: a key is present when its value
   * is not null.
   */
  private final long[] combinationKeys = new long[2 * MAX_COMBINATIONS];

  private final byte[][] combinationValues = new byte[2 * MAX_COMBINATIONS][];
  private int combinations;

  /** The id of the current row as a CSV field, and its length. */
  private byte[] id = new byte[64];

  private int idLength;

  CsvBytes(Segmentation names) {
    this.names = names;
    tiers = new byte[names.tierings.size()][][];
    for (int t = 0; t < tiers.length; t++) {
      List<String> tierNames = names.tierNames.get(t);
      tiers[t] = new byte[tierNames.size()][];
      for (int i = 0; i < tierNames.size(); i++) {
        tiers[t][i] = field(tierNames.get(i));
      }
    }
  }

  /** {@code value} as one CSV field of {@link Csv#row} (null: empty). */
  private static byte[] field(String value) {
    if (value == null) {
      return new byte[0];
    }
    StringBuilder sb = new StringBuilder(value.length() + 2);
    Csv.appendField(sb, value);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Takes the next row's id; {@link #writeRow} and {@link #writeIdLine} write it. */
  void id(String value) {
    int length = value.length();
    if (length == 0 || Csv.needsQuotes(value)) {
      slowId(value);
      return;
    }
    if (id.length < length) {
      id = new byte[Math.max(length, id.length * 2)];
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        slowId(value);
        return;
      }
      id[i] = (byte) c;
    }
    idLength = length;
  }

  private void slowId(String value) {
    id = field(value);
    idLength = id.length;
  }

  /** One line of a segment file: the id and a line feed, as {@link MembershipWriter#idLine}. */
  void writeIdLine(Out out) throws IOException {
    out.write(id, 0, idLength);
    out.write('\n');
  }

  /** The membership CSV row of the id taken last, as {@link MembershipWriter#csvRow}. */
  void writeRow(Out out, MembershipWriter.Row r, long[] segments) throws IOException {
    out.write(id, 0, idLength);
    out.write(',');
    out.write(segmentsField(r, segments));
    for (int t = 0; t < tiers.length; t++) {
      out.write(',');
      out.write(tiers[t][r.tier(t)]);
    }
    for (int s = 0; s < names.scores.size(); s++) {
      out.write(',');
      double d = r.score(s);
      if (TextValues.isWhole(d)) { // as TextValues.formatNumber
        out.writeLong((long) d);
      } else {
        out.write(Double.toString(d).getBytes(StandardCharsets.US_ASCII));
      }
    }
    for (int m = 0; m < names.rfmModels.size(); m++) {
      int code = r.rfm(m);
      out.write(',');
      if (code != 0) {
        out.write(rfmSegment(code));
      }
      out.write(',');
      if (code != 0) {
        out.writeLong(code);
      }
    }
    out.write('\n');
  }

  private byte[] rfmSegment(int code) {
    byte[] b = code > 0 && code < rfmSegments.length ? rfmSegments[code] : null;
    if (b == null) {
      b = field(Segmentation.rfmSegment(code));
      if (code > 0 && code < rfmSegments.length) {
        rfmSegments[code] = b;
      }
    }
    return b;
  }

  /** The segments column: the names joined with {@code |}, as one field. */
  private byte[] segmentsField(MembershipWriter.Row r, long[] segments) {
    if (segments.length > 1) {
      return joined(r);
    }
    long key = segments.length == 0 ? 0L : segments[0];
    int mask = combinationKeys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    for (int slot = (int) (h ^ (h >>> 32)) & mask; ; slot = (slot + 1) & mask) {
      byte[] b = combinationValues[slot];
      if (b == null) {
        return newCombination(r, slot, key);
      }
      if (combinationKeys[slot] == key) {
        return b;
      }
    }
  }

  /** A combination not seen before, kept in {@code slot} while there is room. */
  private byte[] newCombination(MembershipWriter.Row r, int slot, long key) {
    byte[] b = joined(r);
    if (combinations < MAX_COMBINATIONS) {
      combinationKeys[slot] = key;
      combinationValues[slot] = b;
      combinations++;
    }
    return b;
  }

  private byte[] joined(MembershipWriter.Row r) {
    return field(MembershipWriter.segmentsColumn(names, r));
  }
}
