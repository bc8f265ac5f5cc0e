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

  static void writeCsv(Segmentation s, Writer out) throws IOException {
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
    out.write(Csv.row(header));
    List<String> row = new ArrayList<>(header.size());
    for (int r = 0; r < s.rows; r++) {
      row.clear();
      row.add(s.ids[r]);
      row.add(String.join("|", s.segmentsOf(r)));
      for (int t = 0; t < s.tierings.size(); t++) {
        row.add(s.tierNames.get(t).get(s.tiers[t][r]));
      }
      for (int sc = 0; sc < s.scores.size(); sc++) {
        row.add(TextValues.formatNumber(s.scoreValues[sc][r]));
      }
      for (int m = 0; m < s.rfmModels.size(); m++) {
        int code = s.rfm[m][r];
        row.add(code == 0 ? null : s.rfmSegment(m, r));
        row.add(code == 0 ? null : Integer.toString(code));
      }
      out.write(Csv.row(row));
    }
  }

  static void writeJsonl(Segmentation s, Writer out) throws IOException {
    for (int r = 0; r < s.rows; r++) {
      StringWriter line = new StringWriter(128);
      try (JsonGenerator g = JsonValues.FACTORY.createGenerator(line)) {
        g.writeStartObject();
        g.writeStringField("id", s.ids[r]);
        g.writeArrayFieldStart("segments");
        for (String seg : s.segmentsOf(r)) {
          g.writeString(seg);
        }
        g.writeEndArray();
        if (!s.tierings.isEmpty()) {
          g.writeObjectFieldStart("tiers");
          for (int t = 0; t < s.tierings.size(); t++) {
            g.writeStringField(s.tierings.get(t), s.tierNames.get(t).get(s.tiers[t][r]));
          }
          g.writeEndObject();
        }
        if (!s.scores.isEmpty()) {
          g.writeObjectFieldStart("scores");
          for (int sc = 0; sc < s.scores.size(); sc++) {
            g.writeFieldName(s.scores.get(sc));
            CustomerWriter.writeNumber(g, s.scoreValues[sc][r]);
          }
          g.writeEndObject();
        }
        if (!s.rfmModels.isEmpty()) {
          g.writeObjectFieldStart("rfm");
          for (int m = 0; m < s.rfmModels.size(); m++) {
            int code = s.rfm[m][r];
            g.writeFieldName(s.rfmModels.get(m));
            if (code == 0) {
              g.writeNull();
              continue;
            }
            g.writeStartObject();
            g.writeStringField("segment", s.rfmSegment(m, r));
            g.writeNumberField("r", code / 100);
            g.writeNumberField("f", code / 10 % 10);
            g.writeNumberField("m", code % 10);
            g.writeEndObject();
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      out.write(line.toString());
      out.write('\n');
    }
  }

  /** The ids of one segment's members, one per line under the header {@code id}. */
  static void writeSegment(Segmentation s, int segment, Writer out) throws IOException {
    writeIds(() -> s.members[segment].stream().mapToObj(r -> s.ids[r]).iterator(), out);
  }

  /** A CSV of ids under the header {@code id}: a segment's members, or who entered or left. */
  static void writeIds(Iterable<String> ids, Writer out) throws IOException {
    out.write("id\n");
    StringBuilder sb = new StringBuilder();
    for (String id : ids) {
      sb.setLength(0);
      Csv.appendField(sb, id);
      out.write(sb.append('\n').toString());
    }
  }
}
