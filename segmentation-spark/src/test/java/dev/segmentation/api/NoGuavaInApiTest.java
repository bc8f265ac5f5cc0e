package dev.segmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of core, dsl, sql and spark uses JDK collections only: no public or protected
 * method, constructor, field or record component of a public class mentions a Guava type, not even
 * as a generic type argument. It lives in the spark module because only its test class path holds
 * all four modules (and Spark, which spark's signatures need to load). Core's {@code internal}
 * package and package-private classes (such as most of {@code plan.eval}) are not API.
 */
class NoGuavaInApiTest {
  private static final List<String> MODULES =
      List.of("segmentation-core", "segmentation-dsl", "segmentation-sql", "segmentation-spark");
  private static final String GUAVA = "com.google.common.";

  /** Core's internal package, as a source path (LayeringTest keeps its dotted name out of here). */
  private static final String INTERNAL = "dev/segmentation/internal/";

  /** Every top-level class of a module's main sources, by name (one per {@code .java} file). */
  private static List<String> topLevelClasses(String module) throws IOException {
    Path root = Path.of("..", module, "src", "main", "java");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(root::relativize)
          .map(Path::toString)
          .filter(name -> !name.endsWith("package-info.java") && !name.endsWith("module-info.java"))
          .filter(name -> !name.startsWith(INTERNAL))
          .map(name -> name.substring(0, name.length() - ".java".length()).replace('/', '.'))
          .sorted()
          .toList();
    }
  }

  /** {@code Class.member: type} for each API signature that mentions Guava. */
  private static List<String> guavaInApi() throws Exception {
    List<String> found = new ArrayList<>();
    for (String module : MODULES) {
      for (String name : topLevelClasses(module)) {
        visit(Class.forName(name, false, NoGuavaInApiTest.class.getClassLoader()), found);
      }
    }
    return found;
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void visit(Class<?> type, List<String> found) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    String owner = type.getName();
    for (Type supertype : type.getGenericInterfaces()) {
      check(owner + " implements", supertype, found);
    }
    if (type.getGenericSuperclass() != null) {
      check(owner + " extends", type.getGenericSuperclass(), found);
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        check(owner + " record component " + c.getName(), c.getGenericType(), found);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (isApi(f.getModifiers()) && !f.isSynthetic()) {
        check(owner + "." + f.getName(), f.getGenericType(), found);
      }
    }
    List<Executable> executables = new ArrayList<>();
    executables.addAll(List.of(type.getDeclaredConstructors()));
    executables.addAll(List.of(type.getDeclaredMethods()));
    for (Executable e : executables) {
      if (!isApi(e.getModifiers()) || e.isSynthetic() || isBridge(e)) {
        continue;
      }
      String where = owner + "." + name(e);
      if (e instanceof Method m) {
        check(where + " returns", m.getGenericReturnType(), found);
      }
      for (Type p : e.getGenericParameterTypes()) {
        check(where + " takes", p, found);
      }
      for (Type x : e.getGenericExceptionTypes()) {
        check(where + " throws", x, found);
      }
      for (TypeVariable<?> v : e.getTypeParameters()) {
        for (Type bound : v.getBounds()) {
          check(where + " type parameter " + v.getName(), bound, found);
        }
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      visit(nested, found);
    }
  }

  private static boolean isBridge(Executable e) {
    return e instanceof Method m && m.isBridge();
  }

  private static String name(Member e) {
    return e instanceof Constructor<?> ? "<init>" : e.getName();
  }

  private static void check(String where, Type type, List<String> found) {
    if (mentionsGuava(type, new HashSet<>())) {
      found.add(where + ": " + type.getTypeName());
    }
  }

  private static boolean mentionsGuava(Type type, Set<Type> seen) {
    if (!seen.add(type)) {
      return false;
    }
    if (type instanceof Class<?> c) {
      return c.getName().startsWith(GUAVA)
          || (c.isArray() && mentionsGuava(c.getComponentType(), seen));
    }
    if (type instanceof ParameterizedType p) {
      return mentionsGuava(p.getRawType(), seen)
          || Stream.of(p.getActualTypeArguments()).anyMatch(a -> mentionsGuava(a, seen));
    }
    if (type instanceof WildcardType w) {
      return Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
          .anyMatch(b -> mentionsGuava(b, seen));
    }
    if (type instanceof GenericArrayType a) {
      return mentionsGuava(a.getGenericComponentType(), seen);
    }
    if (type instanceof TypeVariable<?> v) {
      return Stream.of(v.getBounds()).anyMatch(b -> mentionsGuava(b, seen));
    }
    return false;
  }

  @Test
  void publicApi_mentionsNoGuavaType() throws Exception {
    assertThat(guavaInApi()).isEmpty();
  }

  @Test
  void theScan_seesEveryModulesApi() throws Exception {
    // The scan must reach the classes it promises to check, or an empty answer proves nothing.
    List<String> classes = new ArrayList<>();
    for (String module : MODULES) {
      classes.addAll(topLevelClasses(module));
    }
    assertThat(classes)
        .contains(
            "dev.segmentation.condition.And",
            "dev.segmentation.plan.eval.PlanEvaluator",
            "dev.segmentation.json.RulesJson",
            "dev.segmentation.sql.SqlQuery",
            "dev.segmentation.spark.SegmentCounts")
        .noneMatch(name -> name.startsWith(INTERNAL.replace('/', '.')));
  }
}
