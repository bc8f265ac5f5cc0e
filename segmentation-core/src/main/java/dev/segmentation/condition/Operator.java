package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;

/** A comparison of a value with an expected value. */
public enum Operator implements ExternalName {
  EQ("eq", "="),
  NE("ne", "!="),
  LT("lt", "<"),
  LE("le", "<="),
  GT("gt", ">"),
  GE("ge", ">=");

  private final String externalName;
  private final String symbol;

  Operator(String externalName, String symbol) {
    this.externalName = externalName;
    this.symbol = symbol;
  }

  /** The stable name in rule documents, e.g. {@code "ge"}. */
  @Override
  public String externalName() {
    return externalName;
  }

  /** The mathematical symbol, e.g. {@code ">="}, used in explanations. */
  public String symbol() {
    return symbol;
  }

  /** The operator that is TRUE exactly when this one is FALSE (on a present value). */
  public Operator negate() {
    switch (this) {
      case EQ:
        return NE;
      case NE:
        return EQ;
      case LT:
        return GE;
      case LE:
        return GT;
      case GT:
        return LE;
      case GE:
        return LT;
    }
    throw new AssertionError(this);
  }

  /** Whether {@code compareResult} (as from {@code compareTo}) satisfies this operator. */
  public boolean test(int compareResult) {
    switch (this) {
      case EQ:
        return compareResult == 0;
      case NE:
        return compareResult != 0;
      case LT:
        return compareResult < 0;
      case LE:
        return compareResult <= 0;
      case GT:
        return compareResult > 0;
      case GE:
        return compareResult >= 0;
    }
    throw new AssertionError(this);
  }

  /** True for LT, LE, GT, GE, which need an ordered type. */
  public boolean isOrdering() {
    return this != EQ && this != NE;
  }

  /** The operator with this external name, or null. */
  public static Operator fromExternalName(String name) {
    return ExternalName.find(Operator.class, name);
  }
}
