package dev.segmentation.cli;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the common JSON Lines customer straight from its UTF-8 bytes, without a JSON tokenizer:
 * field names are matched against the schema's names as bytes, and numbers, booleans, timestamps
 * and strings are parsed where they lie. It takes only the plainest form of a line: no whitespace
 * between tokens, no escapes in strings, string ids, numbers with at most 15 significant digits
 * when they have a fraction or an exponent (and a power of ten within 22 of zero), known fields
 * each once, event types before their properties. Anything else (or any doubt) makes it answer
 * null, and {@link JsonlFastPath}'s Jackson parser reads the line instead, then the careful parser
 * if needed, so messages are exactly as before.
 *
 * <p>Whatever it accepts must give the same customer as the Jackson path ({@code
 * JsonlByteScannerProperties}). One scanner per thread ({@link #scan}); it keeps a small table of
 * the short strings it has read (countries, cities, tags, event properties), so that a repeated
 * value is one shared {@code String} instead of a new one per line.
 */
final class JsonlByteScanner {
  private static final ThreadLocal<JsonlByteScanner> LOCAL = new ThreadLocal<>();
  private static final byte[] ID = bytes("id");
  private static final byte[] EVENTS = bytes("events");
  private static final byte[] TYPE = bytes("type");
  private static final byte[] TIMESTAMP = bytes("timestamp");
  // The same names as they stand before a value: in quotes, with the colon.
  private static final byte[] ID_NAME = name("id");
  private static final byte[] EVENTS_NAME = name("events");
  private static final byte[] TYPE_NAME = name("type");
  private static final byte[] TIMESTAMP_NAME = name("timestamp");
  // What an event's name stands for when it is not one of its type's properties.
  private static final int TYPE_KEY = -2;
  private static final int TIMESTAMP_KEY = -3;
  // And a customer's, when it is not one of the attributes.
  private static final int ID_KEY = -2;
  private static final int EVENTS_KEY = -3;
  private static final byte[] LAT = bytes("lat");
  private static final byte[] LON = bytes("lon");
  private static final byte[] TRUE = bytes("true");
  private static final byte[] FALSE = bytes("false");
  private static final byte[] NULL = bytes("null");
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L; // bytes below it are control characters

  /** Exact powers of ten as doubles (10^22 is the largest a double holds exactly). */
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** Thrown to give up on a line; carries no stack, it is not an error. */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Decline INSTANCE = new Decline();

    private Decline() {
      super(null, null, false, false);
    }
  }

  private final Schema schema;
  private final byte[][] attributeNames;
  private final AttributeType[] attributeTypes;
  private final byte[][] typeNames;
  private final EventType[] types;
  private final byte[][][] propertyNames;
  private final AttributeType[][] propertyTypes;
  // The names and type names as the line has them (see name(String)), or null.
  private final byte[][] attributeTexts;
  private final byte[][] typeTexts;
  private final byte[][][] propertyTexts;
  private final SharedStrings strings = new SharedStrings();

  /** The customer of the last line read, in this thread's reused buffers. */
  private final ScannedCustomer cur;

  /** Which attributes the line named (a null value counts: a repeat declines). */
  private final boolean[] seen;

  /** The line being read and the position in it. */
  private byte[] b;

  private int pos;
  private int end;

  /** Where the id's name starts in the line; the last id column and its text for messages. */
  private int idAt;

  private int idColumn = -1;
  private String idField;

  private JsonlByteScanner(Schema schema) {
    this.schema = schema;
    List<Attribute<?>> attributes = schema.attributeList();
    attributeNames = new byte[attributes.size()][];
    attributeTexts = new byte[attributes.size()][];
    attributeTypes = new AttributeType[attributes.size()];
    for (int i = 0; i < attributes.size(); i++) {
      attributeNames[i] = bytes(attributes.get(i).name());
      attributeTexts[i] = nameUnlike(attributes.get(i).name(), "id", "events");
      attributeTypes[i] = attributes.get(i).type();
    }
    List<EventType> all = List.copyOf(schema.eventTypes().values());
    typeNames = new byte[all.size()][];
    typeTexts = new byte[all.size()][];
    types = new EventType[all.size()];
    propertyNames = new byte[all.size()][][];
    propertyTexts = new byte[all.size()][][];
    propertyTypes = new AttributeType[all.size()][];
    for (int t = 0; t < all.size(); t++) {
      types[t] = all.get(t);
      typeNames[t] = bytes(types[t].name());
      typeTexts[t] = plain(types[t].name()) ? bytes('"' + types[t].name() + '"') : null;
      List<String> declared = types[t].propertyNames();
      propertyNames[t] = new byte[declared.size()][];
      propertyTexts[t] = new byte[declared.size()][];
      propertyTypes[t] = new AttributeType[declared.size()];
      for (int i = 0; i < declared.size(); i++) {
        propertyNames[t][i] = bytes(declared.get(i));
        propertyTexts[t][i] = nameUnlike(declared.get(i), "type", "timestamp");
        propertyTypes[t][i] = types[t].property(declared.get(i)).type();
      }
    }
    cur = new ScannedCustomer(schema, types);
    seen = new boolean[attributes.size()];
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A name as a line has it before its value: {@code "name":}. */
  private static byte[] name(String name) {
    return bytes('"' + name + "\":");
  }

  /**
   * {@link #name} of a name that is neither of {@code others} (names the scanner reads first as
   * themselves) and can stand in a line unescaped; else null: such a name is only ever found by
   * reading it.
   */
  private static byte[] nameUnlike(String name, String... others) {
    return plain(name) && !List.of(others).contains(name) ? name(name) : null;
  }

  /** Whether a JSON string of {@code s} has exactly the bytes of {@code s} between its quotes. */
  private static boolean plain(String s) {
    return s.chars().noneMatch(c -> c == '"' || c == '\\' || c < 0x20);
  }

  /**
   * The customer of a line read as bytes, with the events of an events file ({@code events}, may be
   * null); null when the line is not of the plain form this scanner reads.
   */
  static CustomerInput.Row scan(
      CustomerInput.Raw raw, Schema schema, Map<String, List<Event>> events) {
    ScannedCustomer c = scanned(raw, schema);
    if (c == null) {
      return null;
    }
    try {
      return new CustomerInput.Row(c.toSchemaCustomer(events), raw.line(), c.idColumn(), raw);
    } catch (RuntimeException e) {
      return null; // as when the scanner declines
    }
  }

  /**
   * The customer of a line read as bytes into this thread's reused buffers, valid until the thread
   * scans the next line; null when the line is not of the plain form this scanner reads. It holds
   * what {@link #scan} would give with no events file.
   */
  static ScannedCustomer scanned(CustomerInput.Raw raw, Schema schema) {
    if (raw.bytes() == null) {
      return null;
    }
    JsonlByteScanner s = LOCAL.get();
    if (s == null || s.schema != schema) {
      s = new JsonlByteScanner(schema);
      LOCAL.set(s);
    }
    return s.read(raw);
  }

  private ScannedCustomer read(CustomerInput.Raw raw) {
    b = raw.bytes();
    pos = raw.offset();
    end = pos + raw.length();
    cur.clear();
    try {
      customer();
      int column = idAt - raw.offset() + 1; // the column of the id's opening quote
      if (!raw.ascii()) {
        column = 1 + Utf8.chars(b, raw.offset(), idAt);
      }
      if (column != idColumn) { // usually the same column line after line
        idColumn = column;
        idField = DataException.jsonField(column, "id");
      }
      cur.idColumn(idField);
      return cur;
    } catch (TextValues.BadValue | RuntimeException e) {
      return null; // the Jackson path reads the line (and the careful parser names any problem)
    } finally {
      b = null;
    }
  }

  /** Reads the line into {@link #cur}. */
  private void customer() throws TextValues.BadValue {
    expect('{');
    java.util.Arrays.fill(seen, false);
    String id = null;
    boolean own = false;
    int next = 0; // the attribute expected next: lines usually list them in the schema's order
    do {
      int nameAt = pos;
      // The id first, then attributes in the schema's order, then the events: the name expected
      // is compared first, a word at a time, before the name is read and looked up.
      byte[] expected =
          id == null ? ID_NAME : next < attributeTexts.length ? attributeTexts[next] : EVENTS_NAME;
      int key; // ID_KEY, EVENTS_KEY, or the attribute's index (-1: none)
      if (expected != null && at(expected)) {
        key = expected == ID_NAME ? ID_KEY : expected == EVENTS_NAME ? EVENTS_KEY : next;
      } else {
        int nameStart = nameStart();
        int nameEnd = pos - 2; // after the closing quote and the colon
        key =
            same(nameStart, nameEnd, ID)
                ? ID_KEY
                : same(nameStart, nameEnd, EVENTS)
                    ? EVENTS_KEY
                    : indexOf(attributeNames, nameStart, nameEnd, next);
      }
      if (key == ID_KEY) {
        if (id != null) {
          throw Decline.INSTANCE;
        }
        idAt = nameAt;
        id = idString();
      } else if (key == EVENTS_KEY) {
        if (own) {
          throw Decline.INSTANCE;
        }
        own = true;
        events();
      } else {
        int i = key;
        if (i < 0 || seen[i]) {
          throw Decline.INSTANCE;
        }
        seen[i] = true;
        next = i + 1;
        attribute(i);
      }
    } while (more('}'));
    if (pos != end || id == null) {
      throw Decline.INSTANCE;
    }
    cur.id(id);
    cur.sortEvents();
  }

  /** The value of attribute {@code i} into {@link #cur}: integers and numbers unboxed. */
  private void attribute(int i) throws TextValues.BadValue {
    if (peek() == 'n') {
      literal(NULL);
      return;
    }
    switch (attributeTypes[i]) {
      case INTEGER -> cur.setLong(i, integer());
      case NUMBER -> cur.setDouble(i, number());
      case DATE -> {
        int s = stringStart();
        long day = epochDay(b, s, pos - 1);
        if (day != Long.MIN_VALUE) {
          cur.setEpoch(i, day);
        } else {
          cur.setObject(i, TextValues.parseDate(text(s)));
        }
      }
      case TIMESTAMP -> {
        int s = stringStart();
        long seconds = utcSeconds(b, s, pos - 1);
        if (seconds != Long.MIN_VALUE) {
          cur.setEpoch(i, seconds * 1000);
        } else {
          cur.setObject(i, TextValues.parseTimestamp(text(s)));
        }
      }
      case STRING, BOOLEAN, STRING_SET, GEO_POINT -> cur.setObject(i, value(attributeTypes[i]));
    }
  }

  /** An array of event objects into {@link #cur}; the scanner is on '['. */
  private void events() throws TextValues.BadValue {
    expect('[');
    if (peek() == ']') {
      pos++;
      return;
    }
    do {
      event();
    } while (more(']'));
  }

  /**
   * {@code {"type": .., "timestamp": .., property: value...}} with the type first, into cur's
   * columns of the type (no {@link Event} per event: see {@link ScannedCustomer#eventColumns}).
   */
  private void event() throws TextValues.BadValue {
    expect('{');
    int t = -1;
    int e = -1;
    boolean timed = false;
    long seen = 0;
    int next = 0; // the property expected next, as for attributes
    do {
      // Usually the type, the timestamp, then the type's properties in its order: the name
      // expected is compared first, as for a customer's attributes.
      byte[] expected =
          t < 0
              ? TYPE_NAME
              : !timed
                  ? TIMESTAMP_NAME
                  : next < propertyTexts[t].length ? propertyTexts[t][next] : null;
      int key; // TYPE_KEY, TIMESTAMP_KEY, or the property's index (-1: none)
      if (expected != null && at(expected)) {
        key = expected == TYPE_NAME ? TYPE_KEY : expected == TIMESTAMP_NAME ? TIMESTAMP_KEY : next;
      } else {
        int nameStart = nameStart();
        int nameEnd = pos - 2;
        if (same(nameStart, nameEnd, TYPE)) {
          key = TYPE_KEY;
        } else if (same(nameStart, nameEnd, TIMESTAMP)) {
          key = TIMESTAMP_KEY;
        } else if (t < 0) {
          throw Decline.INSTANCE; // a property before the type: the Jackson path sorts it out
        } else {
          key = indexOf(propertyNames[t], nameStart, nameEnd, next);
        }
      }
      if (key == TYPE_KEY) {
        if (t >= 0) {
          throw Decline.INSTANCE;
        }
        t = typeIndex();
        if (t < 0 || propertyNames[t].length > 64) {
          throw Decline.INSTANCE;
        }
        e = cur.startEvent(t);
      } else if (key == TIMESTAMP_KEY) {
        if (timed) {
          throw Decline.INSTANCE;
        }
        timed = true;
        eventTime();
      } else {
        int k = key;
        if (k < 0 || (seen & (1L << k)) != 0) {
          throw Decline.INSTANCE;
        }
        seen |= 1L << k;
        next = k + 1;
        property(t, e, k);
      }
    } while (more('}'));
    if (t < 0 || !timed) {
      throw Decline.INSTANCE;
    }
    cur.eventTime(t, e, eventSecond, eventNano);
  }

  /** The index of the event type named by the string value at pos, or -1. */
  private int typeIndex() {
    for (int i = 0; i < typeTexts.length; i++) {
      if (typeTexts[i] != null && at(typeTexts[i])) {
        return i;
      }
    }
    int s = stringStart();
    return indexOf(typeNames, s, pos - 1, 0);
  }

  /** The time of the event being read, set by {@link #eventTime()}. */
  private long eventSecond;

  private int eventNano;

  /** An event's timestamp into {@link #eventSecond} and {@link #eventNano}, without an Instant. */
  private void eventTime() throws TextValues.BadValue {
    int s = stringStart();
    long seconds = utcSeconds(b, s, pos - 1);
    if (seconds != Long.MIN_VALUE) {
      eventSecond = seconds;
      eventNano = 0;
      return;
    }
    Instant at = TextValues.parseTimestamp(new String(b, s, pos - 1 - s, StandardCharsets.UTF_8));
    eventSecond = at.getEpochSecond();
    eventNano = at.getNano();
  }

  /** Property {@code k} of event {@code e} of type {@code t}: integers and numbers unboxed. */
  private void property(int t, int e, int k) throws TextValues.BadValue {
    if (peek() == 'n') {
      literal(NULL);
      return;
    }
    switch (propertyTypes[t][k]) {
      case INTEGER -> cur.eventLong(t, e, k, integer());
      case NUMBER -> cur.eventDouble(t, e, k, number());
      case STRING, BOOLEAN, DATE, TIMESTAMP, STRING_SET, GEO_POINT ->
          cur.eventObject(t, e, k, value(propertyTypes[t][k]));
    }
  }

  /** A value of an attribute or property of {@code type}, converted as {@link JsonValues} does. */
  private Object value(AttributeType type) throws TextValues.BadValue {
    if (peek() == 'n') {
      literal(NULL);
      return null;
    }
    return switch (type) {
      case STRING -> string();
      case INTEGER -> Long.valueOf(integer());
      case NUMBER -> Double.valueOf(number());
      case BOOLEAN -> bool();
      case DATE -> date();
      case TIMESTAMP -> timestamp();
      case STRING_SET -> stringSet();
      case GEO_POINT -> geo();
    };
  }

  private Boolean bool() {
    if (peek() == 't') {
      literal(TRUE);
      return Boolean.TRUE;
    }
    literal(FALSE);
    return Boolean.FALSE;
  }

  private void literal(byte[] word) {
    if (end - pos < word.length) {
      throw Decline.INSTANCE;
    }
    for (int i = 0; i < word.length; i++) {
      if (b[pos + i] != word[i]) {
        throw Decline.INSTANCE;
      }
    }
    pos += word.length;
  }

  /**
   * An integer without fraction or exponent, of at most 18 digits (so it fits a long), as the
   * {@code Long} Jackson would read; anything else declines.
   */
  private long integer() {
    boolean negative = minus();
    int start = pos;
    long v = digits();
    if (pos - start > 18 || isNumberTail()) {
      throw Decline.INSTANCE;
    }
    return negative ? -v : v;
  }

  /**
   * A number as the double Jackson's reading gives: an integer of at most 18 digits through its
   * long; otherwise (a fraction, an exponent or both, as Java writes {@code 7.0E-4}) at most 15
   * significant digits {@code v} and a power of ten {@code p} within 22 of zero, as {@code v *
   * 10^p} or {@code v / 10^-p}. Both operands are exact doubles, so the one operation rounds
   * correctly, as {@code BigDecimal.doubleValue} does; -0.0 for a negative zero with a fraction or
   * exponent. Longer numbers and larger powers decline.
   */
  private double number() {
    boolean negative = minus();
    int start = pos;
    long v = digits();
    int digitCount = pos - start;
    int scale = 0;
    int fraction = 0; // 1 with a fraction
    if (pos < end && b[pos] == '.') {
      pos++;
      int fractionStart = pos;
      while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        v = v * 10 + (b[pos++] - '0');
      }
      scale = pos - fractionStart;
      if (scale == 0) {
        throw Decline.INSTANCE;
      }
      digitCount += scale;
      fraction = 1;
    }
    int letter = isZero((byteAt(pos) | 0x20) ^ 'e'); // 1 at an exponent's e or E
    int exponent = exponent(letter);
    // one branch for "plain", which integers and fractions both take, so neither is a trap
    if ((fraction | letter) == 0) {
      if (digitCount > 18 || isNumberTail()) {
        throw Decline.INSTANCE;
      }
      return (double) (negative ? -v : v);
    }
    int power = exponent - scale;
    if (digitCount > 15 || power > 22 || power < -22 || isNumberTail()) {
      throw Decline.INSTANCE;
    }
    // One of the two powers is 10^0, so this is v * 10^p or v / 10^-p with one rounding; Math.max
    // rather than a branch, which a profile of fractions alone would compile as a trap for the
    // first number with a positive power. (0 as well, with its sign: no branch of its own.)
    double d = v * POW10[Math.max(power, 0)] / POW10[Math.max(-power, 0)];
    return negative ? -d : d;
  }

  /**
   * The exponent at {@code pos} when {@code isE} is 1 (there is an {@code e} or {@code E}: then a
   * sign, then one to three digits; anything else after the letter declines), else 0; moves past
   * it. Read without a branch on whether there is one: the first thousands of lines of a file often
   * have no exponent, C2 then compiles that branch as a trap, and the first number such as the
   * coordinate {@code -7.0E-4} threw the compiled scanner away (JFR {@code jdk.Deoptimization}).
   * The bytes are read through {@link #byteAt}, and the digits' values and counts are arithmetic.
   */
  private int exponent(int isE) {
    int p = pos + isE;
    int s = byteAt(p);
    int minus = isZero(s ^ '-') & isE;
    p += (minus | isZero(s ^ '+')) & isE;
    int d0 = byteAt(p) - '0';
    int d1 = byteAt(p + 1) - '0';
    int d2 = byteAt(p + 2) - '0';
    int v0 = isDigit(d0) & isE;
    int v1 = isDigit(d1) & v0;
    int v2 = isDigit(d2) & v1;
    if ((isE & ~v0) != 0 || (isDigit(byteAt(p + 3) - '0') & v2) != 0) {
      throw Decline.INSTANCE; // a letter without digits, or more than three
    }
    int e = d0 * v0;
    e = e * (1 + 9 * v1) + d1 * v1;
    e = e * (1 + 9 * v2) + d2 * v2;
    pos += isE * (p - pos + v0 + v1 + v2);
    return (e ^ -minus) + minus;
  }

  /**
   * The byte at {@code i} (not negative) of the line, or 0 past its end: without a branch either,
   * since whether a number is followed by three more bytes of its line depends on the data too.
   */
  private int byteAt(int i) {
    return b[Math.min(i, b.length - 1)] & -((i - end) >>> 31);
  }

  /** 1 when {@code x} is 0, else 0, without a branch. */
  private static int isZero(int x) {
    return 1 - ((x | -x) >>> 31);
  }

  /** 1 when {@code d} is 0 to 9, else 0, without a branch. */
  private static int isDigit(int d) {
    return ((d | (9 - d)) >>> 31) ^ 1;
  }

  /** Reads a leading '-', if any. */
  private boolean minus() {
    if (peek() != '-') {
      return false;
    }
    pos++;
    return true;
  }

  /** The digits of a JSON integer part (no leading zeros), at most 19 of them read. */
  private long digits() {
    if (pos >= end || b[pos] < '0' || b[pos] > '9') {
      throw Decline.INSTANCE;
    }
    if (b[pos] == '0') {
      pos++;
      if (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        throw Decline.INSTANCE;
      }
      return 0;
    }
    int start = pos;
    long v = 0;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      if (pos - start == 18) {
        throw Decline.INSTANCE;
      }
      v = v * 10 + (b[pos++] - '0');
    }
    return v;
  }

  private boolean isNumberTail() {
    return pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E');
  }

  /** {@code {"lat": number, "lon": number}} in either order. */
  private Object geo() throws TextValues.BadValue {
    expect('{');
    double lat = 0;
    double lon = 0;
    boolean hasLat = false; // flags, not boxed Doubles: no object per coordinate
    boolean hasLon = false;
    do {
      int nameStart = nameStart();
      int nameEnd = pos - 2;
      if (same(nameStart, nameEnd, LAT) && !hasLat) {
        lat = number();
        hasLat = true;
      } else if (same(nameStart, nameEnd, LON) && !hasLon) {
        lon = number();
        hasLon = true;
      } else {
        throw Decline.INSTANCE;
      }
    } while (more('}'));
    if (!hasLat || !hasLon) {
      throw Decline.INSTANCE;
    }
    return TextValues.geo(lat, lon);
  }

  private Set<String> stringSet() {
    expect('[');
    if (peek() == ']') {
      pos++;
      return ArrayStringSet.EMPTY; // one class of set at the engine's calls, not two
    }
    // Into a reused array, then one exact copy: no builder and no hash table for a few tags.
    int n = 0;
    do {
      if (n == setElements.length) {
        setElements = java.util.Arrays.copyOf(setElements, n * 2);
      }
      setElements[n++] = string();
    } while (more(']'));
    Set<String> set =
        n <= ArrayStringSet.MAX_SIZE
            ? ArrayStringSet.of(setElements, n)
            : ImmutableSet.copyOf(java.util.Arrays.copyOf(setElements, n));
    for (int i = 0; i < n; i++) {
      setElements[i] = null;
    }
    return set;
  }

  private String[] setElements = new String[8];

  /** A non-empty string id, not shared. */
  private String idString() {
    if (peek() != '"') {
      throw Decline.INSTANCE; // numeric ids keep their text: the Jackson path reads them
    }
    String id = plainString();
    if (id.isEmpty()) {
      throw Decline.INSTANCE;
    }
    return id;
  }

  /** A string value, shared with earlier equal ones of this thread when short. */
  private String string() {
    int s = stringStart();
    return strings.get(b, s, pos - 1);
  }

  /** A string value, not shared. */
  private String plainString() {
    int s = stringStart();
    return new String(b, s, pos - 1 - s, StandardCharsets.UTF_8);
  }

  /**
   * Dates of the form {@code 2026-11-01} straight from the bytes (an impossible day such as
   * February 30 declines, as {@code LocalDate.parse} refuses it); any other string goes to {@link
   * TextValues#parseDate}, as on the Jackson path.
   */
  private LocalDate date() throws TextValues.BadValue {
    int s = stringStart();
    long day = epochDay(b, s, pos - 1);
    return day != Long.MIN_VALUE ? LocalDate.ofEpochDay(day) : TextValues.parseDate(text(s));
  }

  /** The string from {@code s} to the closing quote the scanner has just passed. */
  private String text(int s) {
    return new String(b, s, pos - 1 - s, StandardCharsets.UTF_8);
  }

  /**
   * The epoch day of {@code yyyy-MM-dd} in {@code b[from..to)}, or {@code Long.MIN_VALUE} for any
   * other text and for an impossible day such as February 30 (which {@code LocalDate.parse} refuses
   * too).
   */
  static long epochDay(byte[] b, int from, int to) {
    if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
      return Long.MIN_VALUE;
    }
    return TextValues.validEpochDay(
        digits(b, from, 4), digits(b, from + 5, 2), digits(b, from + 8, 2));
  }

  /**
   * Timestamps of the common form {@code 2026-11-01T08:30:00Z} straight from the bytes; any other
   * string goes to {@link TextValues#parseTimestamp}, as on the Jackson path.
   */
  private Instant timestamp() throws TextValues.BadValue {
    int s = stringStart();
    long seconds = utcSeconds(b, s, pos - 1);
    if (seconds != Long.MIN_VALUE) {
      return Instant.ofEpochSecond(seconds);
    }
    return TextValues.parseTimestamp(text(s));
  }

  /**
   * The epoch second of {@code yyyy-MM-ddTHH:mm:ssZ} in {@code b[from..to)}, as {@link
   * TextValues#parseUtcSeconds}, or {@code Long.MIN_VALUE} for any other text.
   */
  static long utcSeconds(byte[] b, int from, int to) {
    if (to - from != 20
        || b[from + 4] != '-'
        || b[from + 7] != '-'
        || b[from + 10] != 'T'
        || b[from + 13] != ':'
        || b[from + 16] != ':'
        || b[from + 19] != 'Z') {
      return Long.MIN_VALUE;
    }
    return TextValues.utcSeconds(
        digits(b, from, 4),
        digits(b, from + 5, 2),
        digits(b, from + 8, 2),
        digits(b, from + 11, 2),
        digits(b, from + 14, 2),
        digits(b, from + 17, 2));
  }

  private static int digits(byte[] b, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Reads {@code "name":} and answers where the name starts; the name ends two bytes before the new
   * position.
   */
  private int nameStart() {
    int s = stringStart();
    expect(':');
    return s;
  }

  /**
   * Reads a string without escapes or control characters and answers where its content starts; its
   * content ends one byte before the new position (the closing quote).
   */
  private int stringStart() {
    expect('"');
    int s = pos;
    // Eight bytes at a time up to the first that is a quote, a backslash or a control character
    // (bytes of 0x80 and up, in UTF-8 sequences, are none of them); then byte by byte.
    while (pos + 8 <= end) {
      long w = (long) ByteLineReader.LONGS.get(b, pos);
      long quotes = w ^ QUOTES;
      long backslashes = w ^ BACKSLASHES;
      long special =
          ((quotes - ByteLineReader.ONES) & ~quotes
                  | (backslashes - ByteLineReader.ONES) & ~backslashes
                  | (w - SPACES) & ~w)
              & ByteLineReader.HIGH_BITS;
      if (special != 0) {
        pos += Long.numberOfTrailingZeros(special) >>> 3;
        break;
      }
      pos += 8;
    }
    while (pos < end) {
      byte c = b[pos++];
      if (c == '"') {
        return s;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        throw Decline.INSTANCE;
      }
    }
    throw Decline.INSTANCE;
  }

  /** After a member: true on ',' (another follows), false on {@code close}. */
  private boolean more(char close) {
    if (pos < end) {
      byte c = b[pos++];
      if (c == ',') {
        return true;
      }
      if (c == close) {
        return false;
      }
    }
    throw Decline.INSTANCE;
  }

  private int peek() {
    if (pos >= end) {
      throw Decline.INSTANCE;
    }
    return b[pos];
  }

  private void expect(char c) {
    if (pos >= end || b[pos] != c) {
      throw Decline.INSTANCE;
    }
    pos++;
  }

  /**
   * Moves past {@code text} when the line has exactly its bytes at pos, and says whether it did.
   */
  private boolean at(byte[] text) {
    if (end - pos < text.length || !bytesAt(pos, text)) {
      return false;
    }
    pos += text.length;
    return true;
  }

  /** Whether {@code b[from..to)} is exactly {@code name}. */
  private boolean same(int from, int to, byte[] name) {
    return to - from == name.length && bytesAt(from, name);
  }

  /**
   * Whether {@code b} has exactly the bytes of {@code text} at {@code from} (within the block),
   * compared a word at a time.
   */
  private boolean bytesAt(int from, byte[] text) {
    int n = text.length;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      if ((long) ByteLineReader.LONGS.get(b, from + i)
          != (long) ByteLineReader.LONGS.get(text, i)) {
        return false;
      }
    }
    for (; i < n; i++) {
      if (b[from + i] != text[i]) {
        return false;
      }
    }
    return true;
  }

  /** The index of the name in {@code b[from..to)}, trying {@code hint} first, or -1. */
  private int indexOf(byte[][] names, int from, int to, int hint) {
    if (hint < names.length && same(from, to, names[hint])) {
      return hint;
    }
    for (int i = 0; i < names.length; i++) {
      if (same(from, to, names[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A small table of the short strings a thread has read, keyed by their bytes, so that values
   * repeated across lines (countries, cities, event properties) are one {@code String} each. It
   * stops adding once a quarter full and then makes new strings as before.
   */
  static final class SharedStrings {
    private static final int MAX_LENGTH = 32;
    private static final int BITS = 12;
    private static final int SLOTS = 1 << BITS;
    // One slot more than the table, never looked up: get() writes there what it does not keep, so
    // that it does not branch on whether the table is full. (A branch the profile has not seen
    // taken is left out of the compiled code; the table filling up then threw away the compiled
    // scanner, with everything inlined into it, and compiled it again.)
    private static final int NOWHERE = SLOTS;
    // A key is its bytes as little-endian words, the last one zero-padded, and its length: the
    // text is hashed and compared a word at a time, not a byte at a time.
    private final long[][] keys = new long[SLOTS + 1][];
    private final int[] lengths = new int[SLOTS + 1];
    private final String[] values = new String[SLOTS + 1];
    private final long[] words = new long[MAX_LENGTH / 8];
    private int size;

    String get(byte[] b, int from, int to) {
      int length = to - from;
      if (length > MAX_LENGTH) {
        return new String(b, from, length, StandardCharsets.UTF_8);
      }
      int n = (length + 7) >>> 3;
      long h = length;
      for (int j = 0; j < n; j++) {
        int at = from + (j << 3);
        long w = at + 8 <= b.length ? (long) ByteLineReader.LONGS.get(b, at) : last(b, at, to);
        int rest = to - at;
        if (rest < 8) {
          w &= (1L << (rest << 3)) - 1; // the bytes after the text are not part of it
        }
        words[j] = w;
        h = (h ^ w) * 0x9E3779B97F4A7C15L;
      }
      int slot = (int) (h >>> (64 - BITS));
      while (true) {
        long[] k = keys[slot];
        if (k == null) {
          String s = new String(b, from, length, StandardCharsets.UTF_8);
          // kept in the slot while the table is under a quarter full, else NOWHERE
          int at = slot + ((NOWHERE - slot) & ((SLOTS / 4 - 1 - size) >> 31));
          keys[at] = java.util.Arrays.copyOf(words, n);
          lengths[at] = length;
          values[at] = s;
          size += (at - NOWHERE) >>> 31; // one more unless NOWHERE
          return s;
        }
        if (lengths[slot] == length && sameWords(k, n)) {
          return values[slot];
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
    }

    private boolean sameWords(long[] k, int n) {
      for (int j = 0; j < n; j++) {
        if (k[j] != words[j]) {
          return false;
        }
      }
      return true;
    }

    // The text's bytes from `at` (fewer than eight before the end of the array) as a word.
    private static long last(byte[] b, int at, int to) {
      long w = 0;
      for (int i = Math.min(to, at + 8) - 1; i >= at; i--) {
        w = w << 8 | (b[i] & 0xFF);
      }
      return w;
    }
  }
}
