package dev.segmentation.model;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;

/**
 * A constant with a stable name in rule documents and messages ({@code "ge"}, {@code "days"},
 * {@code "stringSet"}); the one lookup of such names, shared by every enum that has one.
 *
 * <pre>{@code
 * ExternalName.find(Operator.class, "ge");  // Operator.GE
 * ExternalName.find(Operator.class, "gte"); // null
 * ExternalName.names(Operator.class);       // [eq, ne, lt, le, gt, ge]
 * }</pre>
 */
public interface ExternalName {

  /** The stable name in rule documents, e.g. {@code "ge"}. */
  String externalName();

  /** The constant of {@code type} whose external name is {@code name}, or null. */
  static <E extends Enum<E> & ExternalName> E find(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.externalName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** The external names of {@code type}, in declaration order. */
  static <E extends Enum<E> & ExternalName> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(ExternalName::externalName)
        .collect(ImmutableList.toImmutableList());
  }
}
