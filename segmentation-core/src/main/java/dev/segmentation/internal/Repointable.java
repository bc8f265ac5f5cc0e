package dev.segmentation.internal;

/**
 * A customer object that is re-pointed at another user's object between evaluations (the one a
 * {@code CustomerView.Reader} hands out), so that its identity does not say whose data it reads:
 * what is cached per customer identity during an evaluation is also keyed by {@link #pointings()}.
 */
public interface Repointable {

  /** How many times this object has been pointed at a user's object; changes on every re-point. */
  int pointings();
}
