/**
 * The fluent Java builder: {@code import static dev.segmentation.dsl.Rules.*} and write segments
 * that read like the domain.
 *
 * <pre>{@code
 * static final StringField COUNTRY = string("country");
 * static final IntegerField AGE = integer("age");
 *
 * Segment nordicAdults = segment("nordic-adults")
 *     .describedAs("Adults in the Nordic countries")
 *     .where(AGE.ge(18).and(COUNTRY.in("FI", "SE", "NO")));
 * }</pre>
 *
 * Every step is immutable and produces the core's condition records; nothing here holds state.
 */
package dev.segmentation.dsl;
