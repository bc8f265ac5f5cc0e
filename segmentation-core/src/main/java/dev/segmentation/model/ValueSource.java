package dev.segmentation.model;

/**
 * Something that has attribute values: a {@link Customer}, or an {@link Event} whose properties are
 * read as attributes. Engines read all values through this interface.
 */
public interface ValueSource {

  /**
   * The value of the attribute with this name, in the canonical representation of its type (see
   * {@link AttributeType}), or {@code null} when it has no value. An absent attribute and an
   * explicit null are the same state. Implementations must not allocate when the value is already
   * held in its canonical form.
   */
  Object value(String attribute);

  /**
   * The value of the attribute with this name, which the caller expects at {@code position} of the
   * schema it was compiled with ({@link Schema#indexOf}), or -1 when it knows no position; returns
   * the same as {@link #value(String)}. The row engine reads a customer's attributes through this
   * method, so that an implementation that keeps its values in schema order can answer from the
   * position, without looking the name up; the default ignores the position.
   *
   * <p>The position is only a hint: a catalog may be compiled against another schema than the one
   * the implementation follows. An implementation that answers by position must therefore check
   * that the attribute at that position has this name (one string comparison, usually by identity,
   * because the engine passes the schema's own name), and otherwise answer by name:
   *
   * <pre>{@code
   * private static final String[] NAMES = {"age", "country"}; // the schema's order
   *
   * public Object value(int position, String attribute) {
   *   if (position < 0 || position >= NAMES.length || !NAMES[position].equals(attribute)) {
   *     return value(attribute);
   *   }
   *   switch (position) {
   *     case 0: return age;
   *     default: return country;
   *   }
   * }
   * }</pre>
   *
   * A {@code switch} over positions is small enough for the JIT to inline into the engine, where a
   * {@code switch} over names of more than a handful of attributes is not.
   */
  default Object value(int position, String attribute) {
    return value(attribute);
  }

  /**
   * The value of an integer attribute as a {@code long}, without boxing: what {@link #value(int,
   * String)} returns when it is a {@link Long}, or {@code ifAbsent} when it has no value or any
   * other form.
   *
   * <p><b>The primitive reads.</b> The row engine reads integers, numbers, dates and timestamps
   * through this method and {@link #doubleValue}, {@link #epochDayValue} and {@link
   * #epochMilliValue}, so that an object holding primitive fields answers without boxing. Each
   * answers the value {@link #value(int, String)} holds, in a primitive form, or the caller's
   * {@code ifAbsent}, which also means "ask {@code value}": when it comes back, the engine calls
   * {@link #value(int, String)} once and uses that answer (null: no value). So {@code ifAbsent} is
   * always a correct answer (for a position that is not the attribute's, a value in another form, a
   * value the implementation does not hold as a primitive), and a present value that happens to
   * equal it costs one more call, never a wrong result. The engine passes {@code Long.MIN_VALUE}
   * (and NaN to {@link #doubleValue}). The defaults unbox {@link #value(int, String)}; a class with
   * a primitive field overrides the read of its type, checking the name at the position as {@code
   * value(int, String)} does:
   *
   * <pre>{@code
   * // PrimitiveReads:start
   * public long longValue(int position, String attribute, long ifAbsent) {
   *   if (position != 0 || !"age".equals(attribute)) { // the schema's first
   *     return ifAbsent; // always correct: the engine then asks value(position, attribute)
   *   }
   *   return hasAge ? age : ifAbsent; // a long field: no Long is made
   * }
   * // PrimitiveReads:end
   * }</pre>
   *
   * One object may be reused for many customers (re-pointed or refilled between evaluations, as
   * {@link CustomerView.Reader} does), as long as it does not change during an evaluation.
   *
   * @param ifAbsent what to return when there is no value (or to make the caller ask {@code value})
   */
  default long longValue(int position, String attribute, long ifAbsent) {
    return value(position, attribute) instanceof Long l ? l : ifAbsent;
  }

  /**
   * The value of a number attribute as a {@code double}, without boxing: what {@link #value(int,
   * String)} returns when it is a {@link Double}, or {@code ifAbsent} when it has no value or any
   * other form (see {@link #longValue}). The engine passes NaN, which is never a value (see {@link
   * Values#canonical}); a NaN or an infinity an implementation returns is therefore never taken as
   * a value: the engine reads {@link #value(int, String)} then, which rejects it with an {@link
   * InvalidDataException}. {@code -0.0} and {@code 0.0} are equal, as in the rules.
   */
  default double doubleValue(int position, String attribute, double ifAbsent) {
    return value(position, attribute) instanceof Double d ? d : ifAbsent;
  }

  /**
   * The value of a date attribute as its epoch day ({@link java.time.LocalDate#toEpochDay}),
   * without allocating: what {@link #value(int, String)} returns when it is a {@link
   * java.time.LocalDate}, or {@code ifAbsent} when it has no value or any other form (see {@link
   * #longValue}).
   */
  default long epochDayValue(int position, String attribute, long ifAbsent) {
    return value(position, attribute) instanceof java.time.LocalDate d ? d.toEpochDay() : ifAbsent;
  }

  /**
   * The value of a timestamp attribute in epoch milliseconds ({@link
   * java.time.Instant#toEpochMilli}), without allocating: what {@link #value(int, String)} returns
   * when it is an {@link java.time.Instant} that is a whole millisecond, or {@code ifAbsent} when
   * it has no value, any other form, or a finer precision than milliseconds (an instant with
   * microseconds is read through {@link #value(int, String)}, exactly; see {@link #longValue}).
   */
  default long epochMilliValue(int position, String attribute, long ifAbsent) {
    return value(position, attribute) instanceof java.time.Instant t
        ? Values.epochMilliOrElse(t, ifAbsent)
        : ifAbsent;
  }
}
