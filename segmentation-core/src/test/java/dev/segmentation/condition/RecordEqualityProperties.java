package dev.segmentation.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.GeoPoint;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The records of this package (found by scanning it, so a new one is included), {@link GeoPoint}
 * and the live package's triggers declare equals and hashCode themselves (see {@link Condition}),
 * with exactly the records' default meaning: equal iff same class and every component equal ({@code
 * Objects.equals}, doubles by {@code Double.compare}), and equal records hash alike.
 */
class RecordEqualityProperties {

  private static final String TRIGGER = "dev.segmentation.live.Trigger";
  private static final List<Class<?>> RECORDS = records();

  @Example
  void everyRecordDeclaresEqualsAndHashCode() throws NoSuchMethodException, ClassNotFoundException {
    assertThat(RECORDS)
        .as("records found by the scan")
        .contains(Compare.class, EventWindow.Last.class, GeoPoint.class)
        .containsAll(Arrays.asList(Class.forName(TRIGGER).getPermittedSubclasses()))
        .containsAll(Arrays.asList(Condition.class.getPermittedSubclasses()))
        .containsAll(Arrays.asList(EventWindow.class.getPermittedSubclasses()));
    for (Class<?> c : RECORDS) {
      // javac compiles the implicit ones as public final methods that link through ObjectMethods.
      for (Method m :
          List.of(c.getDeclaredMethod("equals", Object.class), c.getDeclaredMethod("hashCode"))) {
        assertThat(Modifier.isFinal(m.getModifiers()))
            .as("%s.%s is the implicit record method; declare it explicitly", c.getName(), m)
            .isFalse();
      }
    }
  }

  /**
   * For every record: an instance equals a deep copy of itself, equals a variant with one component
   * redrawn exactly when the components are equal, equals an independent draw likewise, and never
   * equals a record of another class; equal ones have the same hashCode.
   */
  @Property(tries = 300)
  void equalsIsComponentWise_andHashCodeAgrees(@ForAll Random random) {
    List<Record> firsts = new ArrayList<>();
    for (Class<?> c : RECORDS) {
      Record a = draw(c, random, 2);
      check(a, (Record) copy(a));
      RecordComponent[] parts = c.getRecordComponents();
      for (int i = 0; i < parts.length; i++) {
        Record b = withRedrawn(a, i, random);
        if (b != null) {
          check(a, b);
        }
      }
      check(a, draw(c, random, 2));
      assertThat(a).isNotEqualTo(null).isNotEqualTo(new Object());
      firsts.add(a);
    }
    for (Record a : firsts) {
      for (Record b : firsts) {
        if (a != b) {
          assertThat(a.equals(b)).as("%s vs %s", a, b).isFalse();
        }
      }
    }
  }

  private static void check(Record a, Record b) {
    boolean same = componentsEqual(a, b);
    assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(same);
    assertThat(b.equals(a)).as("%s equals %s", b, a).isEqualTo(same);
    if (same) {
      assertThat(b.hashCode()).as("hashCode of %s and %s", a, b).isEqualTo(a.hashCode());
    }
    assertThat(a.equals(a)).isTrue();
  }

  private static boolean componentsEqual(Record a, Record b) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    for (RecordComponent rc : a.getClass().getRecordComponents()) {
      Object x = get(rc, a);
      Object y = get(rc, b);
      boolean equal =
          rc.getType() == double.class
              ? Double.compare((Double) x, (Double) y) == 0
              : Objects.equals(x, y);
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  // ---- drawing instances through the canonical constructors ----

  /** A record of class c (or, for a sealed interface, of one of its records) from small domains. */
  private static Record draw(Class<?> c, Random r, int depth) {
    if (c.isInterface()) {
      List<Class<?>> options = new ArrayList<>();
      for (Class<?> p : c.getPermittedSubclasses()) {
        if (depth > 0 || !nests(p)) {
          options.add(p);
        }
      }
      return draw(options.get(r.nextInt(options.size())), r, depth);
    }
    RecordComponent[] parts = c.getRecordComponents();
    for (int attempt = 0; attempt < 1000; attempt++) {
      Object[] args = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        args[i] = value(parts[i].getGenericType(), r, depth - 1);
      }
      Record made = construct(c, args);
      if (made != null) {
        return made;
      }
    }
    throw new AssertionError("could not draw valid arguments for " + c);
  }

  /** A copy of a whose component i is drawn anew (possibly equal), or null if none was valid. */
  private static Record withRedrawn(Record a, int i, Random r) {
    RecordComponent[] parts = a.getClass().getRecordComponents();
    for (int attempt = 0; attempt < 100; attempt++) {
      Object[] args = new Object[parts.length];
      for (int j = 0; j < parts.length; j++) {
        args[j] = j == i ? value(parts[j].getGenericType(), r, 1) : copy(get(parts[j], a));
      }
      Record made = construct(a.getClass(), args);
      if (made != null) {
        return made;
      }
    }
    return null;
  }

  private static boolean nests(Class<?> c) {
    return Stream.of(c.getRecordComponents())
        .anyMatch(
            rc ->
                rc.getGenericType().getTypeName().endsWith("Condition>")
                    || rc.getGenericType().getTypeName().endsWith("Trigger>")
                    || rc.getType() == Condition.class);
  }

  private static final String[] NAMES = {"a", "b", "ab"};
  private static final Object[] LITERALS = {
    1L,
    2L,
    1_000_000L,
    1.0,
    0.5,
    "a",
    "b",
    true,
    false,
    LocalDate.of(2024, 2, 29),
    LocalDate.of(2024, 3, 1),
    Instant.parse("2024-01-01T00:00:00Z"),
    new GeoPoint(60.0, 25.0)
  };
  private static final Instant[] INSTANTS = {
    Instant.parse("2024-01-01T00:00:00Z"),
    Instant.parse("2024-06-01T00:00:00Z"),
    Instant.parse("2025-01-01T00:00:00Z")
  };
  private static final double[] DOUBLES = {0.0, -0.0, 1.5, 2.0, 45.25, -45.25};

  private static Object value(Type type, Random r, int depth) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type element = p.getActualTypeArguments()[0];
      List<Object> elements = new ArrayList<>();
      for (int n = r.nextInt(3); n > 0; n--) {
        elements.add(value(element, r, depth));
      }
      return raw == Set.class
          ? new LinkedHashSet<>(elements)
          : raw == ImmutableList.class ? ImmutableList.copyOf(elements) : elements;
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) { // null too: an EventCondition's property is null for COUNT
      return r.nextInt(6) == 0 ? null : new String(NAMES[r.nextInt(NAMES.length)]);
    } else if (c == long.class || c == Long.class) {
      return (long) r.nextInt(3);
    } else if (c == boolean.class) {
      return r.nextBoolean();
    } else if (c == double.class) {
      return DOUBLES[r.nextInt(DOUBLES.length)];
    } else if (c == Object.class) {
      return LITERALS[r.nextInt(LITERALS.length)];
    } else if (c == Number.class) {
      return r.nextBoolean() ? (Object) (long) r.nextInt(3) : (Object) (r.nextInt(3) / 2.0);
    } else if (c == Instant.class) {
      return INSTANTS[r.nextInt(INSTANTS.length)];
    } else if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[r.nextInt(constants.length)];
    } else if (c.isRecord() || c.isSealed()) {
      return draw(c, r, Math.max(depth, 0));
    }
    throw new AssertionError("no values for component type " + type + "; extend this test");
  }

  /** A deep copy, equal but not the same objects, so that equals cannot pass on identity. */
  private static Object copy(Object v) {
    if (v instanceof String s) {
      return new String(s);
    } else if (v instanceof Set<?> s) {
      return s.stream()
          .map(RecordEqualityProperties::copy)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    } else if (v instanceof ImmutableList<?> l) {
      return l.stream()
          .map(RecordEqualityProperties::copy)
          .collect(ImmutableList.toImmutableList());
    } else if (v instanceof List<?> l) {
      return l.stream().map(RecordEqualityProperties::copy).collect(Collectors.toList());
    } else if (v instanceof Record rec) {
      RecordComponent[] parts = rec.getClass().getRecordComponents();
      Object[] args = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        args[i] = copy(get(parts[i], rec));
      }
      return Objects.requireNonNull(construct(rec.getClass(), args), "copy of " + rec);
    }
    return v; // numbers, booleans, enums, dates and instants
  }

  /** The record made by c's canonical constructor, or null when it rejects the arguments. */
  private static Record construct(Class<?> c, Object[] args) {
    Class<?>[] types =
        Stream.of(c.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<?> k = c.getDeclaredConstructor(types);
      k.setAccessible(true);
      return (Record) k.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        return null;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object get(RecordComponent rc, Record r) {
    try {
      Method accessor = rc.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Every record class compiled into this package, plus GeoPoint. */
  private static List<Class<?>> records() {
    try {
      Path root =
          Path.of(Condition.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = root.resolve(Condition.class.getPackageName().replace('.', '/'));
      List<Class<?>> found = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().collect(Collectors.toList())) {
          String file = f.getFileName().toString();
          if (file.endsWith(".class")) {
            String name = Condition.class.getPackageName() + "." + file.replace(".class", "");
            Class<?> c = Class.forName(name);
            if (c.isRecord()) {
              found.add(c);
            }
          }
        }
      }
      found.add(GeoPoint.class);
      // The live package's triggers, hashed when a schedule is planned (package-private there).
      found.addAll(Arrays.asList(Class.forName(TRIGGER).getPermittedSubclasses()));
      return found;
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new AssertionError("cannot scan the condition package", e);
    }
  }
}
