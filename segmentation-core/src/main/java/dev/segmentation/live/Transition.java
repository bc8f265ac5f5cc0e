package dev.segmentation.live;

import java.time.Instant;

/**
 * One change of a customer's results: entering or leaving a segment, or moving from one tier to
 * another (of a tiering, or the RFM cell of an RFM model).
 *
 * <pre>{@code
 * 2026-12-01T00:00:00Z c-17 exited recent-buyers
 * 2026-12-01T00:00:00Z c-17 value: gold -> silver
 * }</pre>
 *
 * @param at the instant it happens
 * @param customerId the customer
 * @param kind entered, exited or tier
 * @param name the segment, tiering or RFM model
 * @param from the tier before ({@link Kind#TIER} only; null for "none": a new or deleted customer,
 *     or no event in an RFM model's window)
 * @param to the tier after ({@link Kind#TIER} only; null for "none")
 */
public record Transition(
    Instant at, String customerId, Kind kind, String name, String from, String to) {

  /** What changed. */
  public enum Kind {
    ENTERED,
    EXITED,
    TIER
  }

  public Transition {
    if (at == null || customerId == null || kind == null || name == null) {
      throw new IllegalArgumentException("at, customerId, kind and name must not be null");
    }
    if (kind != Kind.TIER && (from != null || to != null)) {
      throw new IllegalArgumentException("only a tier transition has from and to");
    }
  }

  /** The customer entered the segment at {@code at}. */
  public static Transition entered(Instant at, String customerId, String segment) {
    return new Transition(at, customerId, Kind.ENTERED, segment, null, null);
  }

  /** The customer left the segment at {@code at}. */
  public static Transition exited(Instant at, String customerId, String segment) {
    return new Transition(at, customerId, Kind.EXITED, segment, null, null);
  }

  /** The customer moved from one tier to another (either may be null for none). */
  public static Transition tier(
      Instant at, String customerId, String tiering, String from, String to) {
    return new Transition(at, customerId, Kind.TIER, tiering, from, to);
  }

  @Override
  public String toString() {
    return at
        + " "
        + customerId
        + (kind == Kind.TIER
            ? " " + name + ": " + (from == null ? "-" : from) + " -> " + (to == null ? "-" : to)
            : (kind == Kind.ENTERED ? " entered " : " exited ") + name);
  }
}
