package dev.segmentation.internal;

/**
 * A customer object that is re-pointed at another user's object between evaluations (the one a
 * {@code CustomerView.Reader} hands out), so that its identity does not say whose data it reads:
 * what is cached per customer identity during an evaluation is also keyed by {@link #pointings()}.
 *
 * <p>A class, not an interface: the row engine asks every customer whether it is one each time it
 * looks up the events it read, and on JDK 17 a failed {@code instanceof} against an interface scans
 * the class's list of interfaces every time, where a class check is one compare. As an interface,
 * it made the behavioral rule B1 through the row engine 7-10% slower over 1,000,000 customers and
 * 30% slower over 5,000 in cache (segmentation-benchmarks/RESULTS.md, run E).
 */
public abstract class Repointable {

  /** How many times this object has been pointed at a user's object; changes on every re-point. */
  public abstract int pointings();
}
