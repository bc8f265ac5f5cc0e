package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes membership: one record per customer with its segments, tiers, scores and RFM segments.
 *
 * <p>CSV columns: {@code id}, {@code segments} (names joined with {@code |}), then {@code
 * tier.<tiering>}, {@code score.<score>}, {@code rfm.<model>} (segment name) and {@code
 * rfm.<model>.rfm} (the three digits, e.g. {@code 545}). JSON Lines: {@code {"id", "segments":
 * [..], "tiers": {..}, "scores": {..}, "rfm": {model: {"segment", "r", "f", "m"}}}}. Per segment:
 * one {@code <segment>.csv} per segment with the header {@code id} and one id per line.
 */
final class MembershipWriter {
  private MembershipWriter() {}

  /**
   * One customer's results as the writers read them: a row of a {@link Segmentation}, or a customer
   * just evaluated by a streaming run.
   */
  interface Row {
    String id();

    boolean in(int segment);

    /** The index of its tier in the tiering's names. */
    int tier(int tiering);

    double score(int score);

    /** The RFM code {@code r * 100 + f * 10 + m}, 0 without events in the window. */
    int rfm(int model);
  }

  /** Row {@code r} of {@code s}. */
  static Row row(Segmentation s, int r) {
    return new Row() {
      @Override
      public String id() {
        return s.ids[r];
      }

      @Override
      public boolean in(int segment) {
        return s.members[segment].get(r);
      }

      @Override
      public int tier(int tiering) {
        return s.tiers[tiering][r];
      }

      @Override
      public double score(int score) {
        return s.scoreValues[score][r];
      }

      @Override
      public int rfm(int model) {
        return s.rfm[model][r];
      }
    };
  }

  static void writeCsv(Segmentation s, Writer out) throws IOException {
    out.write(csvHeader(s));
    for (int r = 0; r < s.rows; r++) {
      out.write(csvRow(s, row(s, r)));
    }
  }

  /** The CSV header for the segments, tierings, scores and RFM models that {@code s} names. */
  static String csvHeader(Segmentation s) {
    List<String> header = new ArrayList<>(List.of("id", "segments"));
    for (String t : s.tierings) {
      header.add("tier." + t);
    }
    for (String sc : s.scores) {
      header.add("score." + sc);
    }
    for (String m : s.rfmModels) {
      header.add("rfm." + m);
      header.add("rfm." + m + ".rfm");
    }
    return Csv.row(header);
  }

  /** One CSV line of membership; {@code s} names the columns. */
  static String csvRow(Segmentation s, Row r) {
    List<String> row =
        new ArrayList<>(2 + s.tierings.size() + s.scores.size() + 2 * s.rfmModels.size());
    row.add(r.id());
    row.add(segmentsColumn(s, r));
    for (int t = 0; t < s.tierings.size(); t++) {
      row.add(s.tierNames.get(t).get(r.tier(t)));
    }
    for (int sc = 0; sc < s.scores.size(); sc++) {
      row.add(TextValues.formatNumber(r.score(sc)));
    }
    for (int m = 0; m < s.rfmModels.size(); m++) {
      int code = r.rfm(m);
      row.add(code == 0 ? null : Segmentation.rfmSegment(code));
      row.add(code == 0 ? null : Integer.toString(code));
    }
    return Csv.row(row);
  }

  /** The segments column of a row: the names of the segments it is in, joined with {@code |}. */
  static String segmentsColumn(Segmentation s, Row r) {
    return String.join("|", segmentsOf(s, r));
  }

  /** The segments a row is in, in catalog order. */
  private static List<String> segmentsOf(Segmentation s, Row r) {
    List<String> in = new ArrayList<>();
    for (int i = 0; i < s.segments.size(); i++) {
      if (r.in(i)) {
        in.add(s.segments.get(i));
      }
    }
    return in;
  }

  static void writeJsonl(Segmentation s, Writer out) throws IOException {
    for (int r = 0; r < s.rows; r++) {
      out.write(jsonlRow(s, row(s, r)));
    }
  }

  /** One JSON Lines line of membership, with its line feed; {@code s} names the fields. */
  static String jsonlRow(Segmentation s, Row r) throws IOException {
    StringWriter line = new StringWriter(128);
    try (JsonGenerator g = JsonValues.FACTORY.createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeArrayFieldStart("segments");
      for (String seg : segmentsOf(s, r)) {
        g.writeString(seg);
      }
      g.writeEndArray();
      if (!s.tierings.isEmpty()) {
        g.writeObjectFieldStart("tiers");
        for (int t = 0; t < s.tierings.size(); t++) {
          g.writeStringField(s.tierings.get(t), s.tierNames.get(t).get(r.tier(t)));
        }
        g.writeEndObject();
      }
      if (!s.scores.isEmpty()) {
        g.writeObjectFieldStart("scores");
        for (int sc = 0; sc < s.scores.size(); sc++) {
          g.writeFieldName(s.scores.get(sc));
          CustomerWriter.writeNumber(g, r.score(sc));
        }
        g.writeEndObject();
      }
      if (!s.rfmModels.isEmpty()) {
        g.writeObjectFieldStart("rfm");
        for (int m = 0; m < s.rfmModels.size(); m++) {
          int code = r.rfm(m);
          g.writeFieldName(s.rfmModels.get(m));
          if (code == 0) {
            g.writeNull();
            continue;
          }
          g.writeStartObject();
          g.writeStringField("segment", Segmentation.rfmSegment(code));
          g.writeNumberField("r", code / 100);
          g.writeNumberField("f", code / 10 % 10);
          g.writeNumberField("m", code % 10);
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return line.append('\n').toString();
  }

  /** The ids of one segment's members, one per line under the header {@code id}. */
  static void writeSegment(Segmentation s, int segment, Writer out) throws IOException {
    writeIds(() -> s.members[segment].stream().mapToObj(r -> s.ids[r]).iterator(), out);
  }

  /** A CSV of ids under the header {@code id}: a segment's members, or who entered or left. */
  static void writeIds(Iterable<String> ids, Writer out) throws IOException {
    out.write(ID_HEADER);
    for (String id : ids) {
      out.write(idLine(id));
    }
  }

  /** The header of a CSV of ids. */
  static final String ID_HEADER = "id\n";

  /** One line of a CSV of ids. */
  static String idLine(String id) {
    StringBuilder sb = new StringBuilder(id.length() + 3);
    Csv.appendField(sb, id);
    return sb.append('\n').toString();
  }
}
