package dev.segmentation.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the bytes per customer of each representation of the benchmark data: the hand-written
 * primitive arrays (computed exactly), the plain objects and the peers' maps (measured with JOL,
 * every reachable object counted once), and the library's columnar table (as it reports itself).
 *
 * <pre>{@code
 * java -Djdk.attach.allowAttachSelf=true -cp benchmarks.jar \
 *     dev.segmentation.benchmarks.MemoryReport 100000
 * }</pre>
 *
 * JOL needs {@code -Djdk.attach.allowAttachSelf=true} on JDK 17 to read the field offsets of
 * records.
 */
public final class MemoryReport {
  private MemoryReport() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Population population = Population.generate(n);
    Columns columns = population.columns();
    print("hand-written primitive arrays, attributes only", columns.bytesPerCustomer(false));
    print("hand-written primitive arrays, with purchases", columns.bytesPerCustomer(true));
    Person[] people = population.people();
    double objects = jol((Object) people) / n;
    Object[] purchases = Arrays.stream(people).map(p -> p.purchases).toArray();
    Object[] seconds = Arrays.stream(people).map(Person::getPurchaseSeconds).toArray();
    double events = (jol((Object) purchases) + jol((Object) seconds)) / n;
    print("plain objects (Person), attributes only", objects - events);
    print("plain objects (Person), with purchase events", objects);
    List<Map<String, Object>> maps = population.maps();
    // The maps share their values with the objects: count only what the maps add.
    double both = jol(people, maps) / n;
    print(
        "maps for json-logic and CEL (beyond the objects they share values with)",
        both - jol((Object) people) / n);
    ColumnarMemory.print(population);
  }

  static double jol(Object... roots) {
    return GraphLayout.parseInstance(roots).totalSize();
  }

  static void print(String what, double bytesPerCustomer) {
    System.out.println(
        String.format(Locale.ROOT, "%-80s %10.1f bytes/customer", what, bytesPerCustomer));
  }
}
