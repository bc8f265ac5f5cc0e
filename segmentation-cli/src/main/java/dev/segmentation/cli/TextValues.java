package dev.segmentation.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.check.Printable;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Converts between attribute values and their text in CSV cells and JSON strings: integers and
 * decimal numbers in plain notation, {@code true}/{@code false}, ISO dates ({@code 2026-11-01}),
 * ISO instants ({@code 2026-11-01T08:30:00Z}, or with an offset), tag sets joined with {@code |},
 * and geo points as {@code "lat,lon"}.
 */
final class TextValues {
  private TextValues() {}

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  /** A value that does not parse; the message says what was expected and what was found. */
  static class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message);
    }
  }

  /**
   * The value of a CSV cell for the attribute's type, as {@link Dialect#DEFAULT} reads it.
   *
   * @see #parse(Attribute, String, boolean, Dialect)
   */
  static Object parse(Attribute<?> attribute, String text, boolean quoted) throws BadValue {
    return parse(attribute, text, quoted, Dialect.DEFAULT);
  }

  /**
   * The value of a CSV cell for the attribute's type: null (no value) for an unquoted empty cell,
   * except in a tag-set column, where it is no tags unless {@link Dialect#emptyTagsMissing()}. A
   * quoted empty cell is an empty string, or an empty tag set. Tags are split at {@link
   * Dialect#tagSeparator()}.
   */
  static Object parse(Attribute<?> attribute, String text, boolean quoted, Dialect dialect)
      throws BadValue {
    if (attribute.type() == AttributeType.STRING_SET) {
      if (text.isEmpty()) {
        return quoted || !dialect.emptyTagsMissing() ? ImmutableSet.of() : null;
      }
      return parseSet(text, dialect.tagSeparator());
    }
    if (text.isEmpty() && !quoted) {
      return null;
    }
    return parse(attribute.type(), text);
  }

  static Object parse(AttributeType type, String text) throws BadValue {
    switch (type) {
      case STRING:
        return text;
      case INTEGER:
        return parseInteger(text);
      case NUMBER:
        return parseNumber(text);
      case BOOLEAN:
        if (text.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw expected("true or false", text);
      case DATE:
        return parseDate(text);
      case TIMESTAMP:
        return parseTimestamp(text);
      case STRING_SET:
        return parseSet(text, "|");
      case GEO_POINT:
        return parseGeo(text);
    }
    throw new AssertionError(type);
  }

  static long parseInteger(String text) throws BadValue {
    String t = text.trim();
    if (!INTEGER.matcher(t).matches()) {
      throw expected("an integer", text);
    }
    try {
      return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    } catch (NumberFormatException e) {
      throw new BadValue("integer " + quote(text) + " is out of range (64-bit)");
    }
  }

  static double parseNumber(String text) throws BadValue {
    String t = text.trim();
    if (t.equalsIgnoreCase("nan")) {
      throw new BadValue("NaN is not a value");
    }
    if (!DECIMAL.matcher(t).matches()) {
      throw expected("a number", text);
    }
    double d = Double.parseDouble(t);
    if (Double.isInfinite(d)) {
      throw new BadValue("number " + quote(text) + " is out of range");
    }
    return d;
  }

  static LocalDate parseDate(String text) throws BadValue {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw expected("a date like 2026-11-01", text);
    }
  }

  static Instant parseTimestamp(String text) throws BadValue {
    Instant fast = parseUtcSeconds(text);
    if (fast != null) {
      return fast;
    }
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // Instants of years beyond +-999,999,999 (up to Instant.MIN and MAX), which an
      // OffsetDateTime cannot hold, as Instant.toString writes them. Instant.parse alone would
      // also take impossible dates such as February 30, so its result must print as the text.
      try {
        Instant wide = Instant.parse(t);
        if (wide.toString().equals(t)) {
          return wide;
        }
      } catch (DateTimeParseException e2) {
        // not an instant either
      }
      throw expected("a timestamp like 2026-11-01T08:30:00Z", text);
    }
  }

  /**
   * The common form {@code 2026-11-01T08:30:00Z} without the general parser (it dominates reading
   * time otherwise); null for any other form, which the general parser then handles.
   */
  static Instant parseUtcSeconds(CharSequence t) {
    if (t.length() != 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != 'Z') {
      return null;
    }
    long seconds =
        utcSeconds(
            digits(t, 0, 4),
            digits(t, 5, 2),
            digits(t, 8, 2),
            digits(t, 11, 2),
            digits(t, 14, 2),
            digits(t, 17, 2));
    return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds);
  }

  /**
   * The epoch second of a UTC date and time given by its fields (a negative field: not digits), or
   * {@code Long.MIN_VALUE} when they name no valid instant (the general parser then reports it).
   */
  static long utcSeconds(int year, int month, int day, int hour, int minute, int second) {
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return Long.MIN_VALUE;
    }
    long epochDay = validEpochDay(year, month, day);
    return epochDay == Long.MIN_VALUE
        ? Long.MIN_VALUE
        : epochDay * 86_400L + hour * 3600L + minute * 60L + second;
  }

  /**
   * The epoch day of a date given by its fields (a negative field: not digits), or {@code
   * Long.MIN_VALUE} when they name no valid date, such as February 30 (the general parser then
   * reports it). Unlike {@code LocalDate.of}, it has no branch that only a rare day such as
   * February 29 takes, so the scanner's compiled code does not meet one it left out.
   */
  static long validEpochDay(int year, int month, int day) {
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return Long.MIN_VALUE;
    }
    return epochDay(year, month, day);
  }

  /** The days over 28 of each month, two bits per month, January's lowest. */
  private static final int EXTRA_DAYS = 0xeefbb3;

  /**
   * As {@code YearMonth.of(year, month).lengthOfMonth()} for a month of 1 to 12, without allocating
   * and without branches: the scanner's compiled code had left out the February branch when the
   * first customers' times had no February, and was thrown away and compiled again at the first
   * one.
   */
  static int lengthOfMonth(int year, int month) {
    int february = ((month ^ 2) - 1) >>> 31;
    int r100 = year % 100;
    int r400 = year % 400;
    int leap =
        (((year & 3) - 1) >>> 31) // divisible by 4
            & ((r100 | -r100) >>> 31 // and not by 100
                | ((r400 | -r400) >>> 31 ^ 1)); // or by 400
    return 28 + ((EXTRA_DAYS >>> (2 * (month - 1))) & 3) + (february & leap);
  }

  /**
   * As {@code LocalDate.of(year, month, day).toEpochDay()} for a valid date, without allocating
   * (days from civil, proleptic Gregorian).
   */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static int digits(CharSequence s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static ImmutableSet<String> parseSet(String text, String separator) throws BadValue {
    if (text.isEmpty()) {
      return ImmutableSet.of();
    }
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    for (String part : Splitter.on(separator).split(text)) {
      if (part.isEmpty()) {
        throw new BadValue(
            "empty tag in " + quote(text) + " (tags are separated by " + separator + ")");
      }
      b.add(part);
    }
    return b.build();
  }

  private static GeoPoint parseGeo(String text) throws BadValue {
    int comma = text.indexOf(',');
    if (comma < 0) {
      throw expected("a point \"lat,lon\"", text);
    }
    double lat;
    double lon;
    try {
      lat = parseNumber(text.substring(0, comma));
      lon = parseNumber(text.substring(comma + 1));
    } catch (BadValue e) {
      throw expected("a point \"lat,lon\"", text);
    }
    return geo(lat, lon);
  }

  static GeoPoint geo(double lat, double lon) throws BadValue {
    try {
      return new GeoPoint(lat, lon);
    } catch (IllegalArgumentException e) {
      throw new BadValue(e.getMessage());
    }
  }

  private static BadValue expected(String what, String text) {
    return new BadValue("expected " + what + ", got " + quote(text));
  }

  static String quote(String text) {
    return "\"" + abbreviate(text) + "\"";
  }

  /** {@code text} cut to 60 characters, {@link #printable}, for messages. */
  static String abbreviate(String text) {
    return printable(Printable.abbreviate(text));
  }

  /**
   * {@code text} safe to echo on a terminal or in a line-oriented report: control characters (line
   * breaks, escape sequences) and the characters that reorder text (bidi controls) become escapes
   * such as {@code \n} and {@code \u001b}, so that a name in a file cannot forge a line of output
   * or repaint the screen.
   */
  static String printable(String text) {
    return Printable.escape(text);
  }

  /** The text of a canonical value, which {@link #parse} reads back to an equal value. */
  static String format(Object value) {
    if (value instanceof Double d) {
      return formatNumber(d);
    }
    if (value instanceof GeoPoint p) {
      return formatNumber(p.latitude()) + "," + formatNumber(p.longitude());
    }
    if (value instanceof Collection<?> set) {
      StringBuilder sb = new StringBuilder();
      for (Object tag : set) {
        sb.append(sb.length() == 0 ? "" : "|").append(tag);
      }
      return sb.toString();
    }
    return String.valueOf(value);
  }

  /** Whether {@link #formatNumber} writes {@code d} as the digits of {@code (long) d}. */
  static boolean isWhole(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15;
  }

  /** A number in the shortest form that reads back exactly: {@code 3}, {@code 2.5}. */
  static String formatNumber(double d) {
    if (isWhole(d)) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
