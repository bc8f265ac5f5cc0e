package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.model.Schema;
import dev.segmentation.testkit.CustomerGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonlFastPath} against the careful parser of {@link JsonlCustomerInput}: the fast path
 * reads every generated customer, and whatever it accepts the careful parser accepts with the same
 * customer; lines it gives up on are the careful parser's to name.
 */
class JsonlFastPathTest {
  private static final Schema SCHEMA = CustomerGenerator.schema();
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final JsonlCustomerInput CAREFUL =
      new JsonlCustomerInput("t.jsonl", new ByteArrayInputStream(new byte[0]), SCHEMA, null, 1000);

  static List<String> generatedLines(long seed, int count) throws IOException {
    StringWriter out = new StringWriter();
    CustomerWriter writer = new CustomerWriter(SCHEMA, FileFormat.JSONL, out, null);
    CustomerGenerator generator = new CustomerGenerator(seed);
    for (int i = 0; i < count; i++) {
      writer.write(generator.customer(i, AS_OF));
    }
    return List.of(out.toString().split("\n"));
  }

  /** Asserts that the fast path accepts only what the careful parser accepts, identically. */
  private static boolean fastAgrees(String line) {
    boolean asText = fastAgrees(new CustomerInput.Raw(7, line, null), line);
    byte[] bytes = ("xx" + line + "\n").getBytes(StandardCharsets.UTF_8);
    boolean ascii = line.chars().allMatch(c -> c < 0x80);
    boolean asBytes =
        Utf8.valid(bytes, 0, bytes.length)
            && fastAgrees(new CustomerInput.Raw(7, bytes, 2, bytes.length - 3, ascii), line);
    assertThat(asBytes).as("bytes as text: " + line).isEqualTo(asText && line.startsWith("{"));
    return asText;
  }

  private static boolean fastAgrees(CustomerInput.Raw raw, String line) {
    CustomerInput.Row fast = JsonlFastPath.parse(raw, SCHEMA, null);
    if (fast == null) {
      return false;
    }
    CustomerInput.Row careful;
    try {
      careful = CAREFUL.parseCarefully(raw);
    } catch (DataException e) {
      throw new AssertionError("the fast path accepted a bad line: " + line, e);
    }
    assertThat(fast).as(line).isEqualTo(careful);
    assertThat(fast.customer().toString()).isEqualTo(careful.customer().toString());
    return true;
  }

  @Property(tries = 30)
  void parse_generatedCustomers_takesEveryLineAsTheCarefulParserDoes(@ForAll long seed)
      throws IOException {
    for (String line : generatedLines(seed, 20)) {
      assertThat(fastAgrees(line)).as(line).isTrue();
    }
  }

  /** Small edits of good lines: whatever the fast path makes of them, the careful parser agrees. */
  @Property(tries = 200)
  void parse_editedLines_acceptsOnlyWhatTheCarefulParserAccepts(@ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    String[] pieces = {
      "",
      " ",
      "\"",
      ",",
      ":",
      "{",
      "}",
      "[",
      "]",
      "null",
      "1",
      "-0.0",
      "1e400",
      "\"id\":\"x\",",
      "\"type\":\"purchase\",",
      "\"amount\":1,",
      "\"lat\":1,",
      "\"tags\":[],",
      "\"age\":2,",
      "\"events\":[],",
      "\"timestamp\":\"2026-11-01T00:00:00Z\",",
      "\u00e9",
      "\"\"",
      "true"
    };
    for (String line : generatedLines(seed, 5)) {
      StringBuilder edited = new StringBuilder(line);
      for (int k = random.nextInt(3); k >= 0; k--) {
        int at = random.nextInt(edited.length() + 1);
        if (random.nextBoolean() && at < edited.length()) {
          edited.delete(at, Math.min(edited.length(), at + 1 + random.nextInt(8)));
        } else {
          edited.insert(at, pieces[random.nextInt(pieces.length)]);
        }
      }
      fastAgrees(edited.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"a\",\"id\":\"b\"}",
        "{\"id\":\"a\",\"age\":1,\"age\":2}",
        "{\"id\":\"a\",\"location\":{\"lat\":1,\"lat\":2,\"lon\":3}}",
        "{\"id\":\"a\",\"events\":[{\"type\":\"purchase\",\"type\":\"purchase\","
            + "\"timestamp\":\"2026-11-01T00:00:00Z\"}]}",
        "{\"id\":\"a\",\"events\":[{\"type\":\"purchase\",\"amount\":1,\"amount\":2,"
            + "\"timestamp\":\"2026-11-01T00:00:00Z\"}]}",
        "{\"id\":\"a\",\"events\":[{\"type\":\"purchase\",\"timestamp\":\"2026-11-01T00:00:00Z\","
            + "\"timestamp\":\"2026-11-02T00:00:00Z\"}]}",
        "{\"id\":\"a\",\"events\":[{\"type\":\"purchase\",\"timestamp\":\"2026-11-01T00:00:00Z\","
            + "\"colour\":1}]}",
        "{\"id\":\"a\",\"events\":[{\"type\":\"refund\",\"timestamp\":\"2026-11-01T00:00:00Z\"}]}",
        "{\"id\":\"a\",\"events\":[{\"type\":\"purchase\",\"timestamp\":\"yesterday\"}]}",
        "{\"id\":\"a\",\"events\":[{\"type\":\"purchase\"}]}",
        "{\"id\":\"a\",\"events\":{}}",
        "{\"id\":\"a\",\"events\":[1]}",
        "{\"id\":\"\"}",
        "{\"id\":true}",
        "{\"age\":3}",
        "{\"id\":\"a\",\"colour\":\"red\"}",
        "{\"id\":\"a\",\"age\":\"thirty\"}",
        "{\"id\":\"a\"} {}",
        "[]",
        "{\"id\":\"a\",\"age\":1e999999999999}",
      })
  void parse_badLines_givesUpSoTheCarefulParserNamesTheProblem(String line) {
    assertThat(JsonlFastPath.parse(new CustomerInput.Raw(1, line, null), SCHEMA, null)).isNull();
  }

  @Test
  void parse_unusualButGoodLines_sameCustomerAsTheCarefulParser() {
    List<String> good = new ArrayList<>();
    good.add("{\"id\":42}");
    // characters of 2 to 4 bytes before the id: its column counts characters, not bytes
    good.add("{\"city\":\"Z\u00fcrich \u20ac \ud83d\ude00\",\"id\":\"z\"}");
    good.add("{\"age\":null,\"id\":\"a\",\"events\":[]}");
    good.add("{\"id\":\"a\",\"location\":\"60.1,24.9\",\"tags\":[\"x\",\"x\"],\"age\":3.0}");
    good.add(
        "{\"events\":[{\"amount\":null,\"timestamp\":\"2026-11-01T00:00:00+02:00\","
            + "\"type\":\"purchase\"}],\"id\":\"b\"}");
    for (String line : good) {
      assertThat(fastAgrees(line)).as(line).isTrue();
    }
  }
}
