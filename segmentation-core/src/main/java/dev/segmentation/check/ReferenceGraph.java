package dev.segmentation.check;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Tier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references among a catalog's units (its segments, score models and tierings, numbered in that
 * order) through {@code inSegment}, {@code score} and {@code inTier}: the one place that knows the
 * dependency order and words a cycle. A reference inside an event filter does not count (the
 * checker refuses it there); a name the catalog does not define, or an RFM model, is no unit.
 *
 * <p>Every search is iterative, so a chain of 100,000 segments cannot overflow the stack. Built
 * once per check and carried by the {@link CheckedCatalog}; immutable.
 */
public final class ReferenceGraph {
  private final Catalog catalog;
  private final int segments;
  private final int scores;
  private final int[][] references;

  private ReferenceGraph(Catalog catalog) {
    this.catalog = catalog;
    this.segments = catalog.segments().size();
    this.scores = catalog.scores().size();
    int units = segments + scores + catalog.tierings().size();
    Map<String, Integer> segmentUnits = new HashMap<>();
    Map<String, Integer> scoreUnits = new HashMap<>();
    Map<String, Integer> tieringUnits = new HashMap<>();
    for (int i = 0; i < segments; i++) {
      segmentUnits.putIfAbsent(catalog.segments().get(i).name(), i);
    }
    for (int i = 0; i < scores; i++) {
      scoreUnits.putIfAbsent(catalog.scores().get(i).name(), segments + i);
    }
    for (int i = 0; i < catalog.tierings().size(); i++) {
      tieringUnits.putIfAbsent(catalog.tierings().get(i).name(), segments + scores + i);
    }
    this.references = new int[units][];
    for (int u = 0; u < units; u++) {
      Set<Integer> out = new LinkedHashSet<>();
      // Breadth first: a unit's references in the order the checker has always reported them.
      Deque<Condition> queue = new ArrayDeque<>(conditions(u));
      while (!queue.isEmpty()) {
        Condition c = queue.poll();
        Integer target =
            switch (c.kind()) {
              case IN_SEGMENT -> segmentUnits.get(((InSegment) c).segment());
              case SCORE -> scoreUnits.get(((ScoreCondition) c).score());
              case IN_TIER -> tieringUnits.get(((InTier) c).tiering());
              case AND, OR, NOT -> {
                queue.addAll(c.children());
                yield null;
              }
              case ALWAYS,
                  NEVER,
                  COMPARE,
                  BETWEEN,
                  IN,
                  STRING_MATCH,
                  TAG_MATCH,
                  TAG_COUNT,
                  PRESENCE,
                  RELATIVE_TIME,
                  CALENDAR_WINDOW,
                  ANNIVERSARY,
                  GEO_WITHIN,
                  EVENT ->
                  null;
            };
        if (target != null) {
          out.add(target);
        }
      }
      references[u] = out.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * The graph of {@code catalog}'s references (of any catalog, checked or not; a {@link
   * CheckedCatalog} carries the one its check built).
   */
  public static ReferenceGraph of(Catalog catalog) {
    if (catalog == null) {
      throw new IllegalArgumentException("catalog must not be null");
    }
    return new ReferenceGraph(catalog);
  }

  /** Segments, score models and tierings. */
  public int unitCount() {
    return references.length;
  }

  /** The unit of segment {@code i}. */
  public int segmentUnit(int i) {
    return i;
  }

  /** The unit of score model {@code i}. */
  public int scoreUnit(int i) {
    return segments + i;
  }

  /** The unit of tiering {@code i}. */
  public int tieringUnit(int i) {
    return segments + scores + i;
  }

  /** True when {@code unit} is a segment (its index in the catalog is the unit itself). */
  public boolean isSegment(int unit) {
    return unit < segments;
  }

  /** The units {@code unit}'s conditions refer to, each once, in the order they are written. */
  public int[] references(int unit) {
    return references[unit].clone();
  }

  /** The conditions of a unit: a segment's one, a score model's rules, a tiering's tiers. */
  private List<Condition> conditions(int unit) {
    if (unit < segments) {
      return List.of(catalog.segments().get(unit).condition());
    }
    if (unit < segments + scores) {
      return catalog.scores().get(unit - segments).rules().stream()
          .map(ScoreRule::condition)
          .toList();
    }
    return catalog.tierings().get(unit - segments - scores).tiers().stream()
        .map(Tier::condition)
        .toList();
  }

  /** How messages name a unit: {@code segment "vip"}, {@code score "engagement"}. */
  public String describe(int unit) {
    if (unit < segments) {
      return "segment \"" + catalog.segments().get(unit).name() + "\"";
    }
    if (unit < segments + scores) {
      return "score \"" + catalog.scores().get(unit - segments).name() + "\"";
    }
    return "tiering \"" + catalog.tierings().get(unit - segments - scores).name() + "\"";
  }

  /** The JSON Pointer of a unit's definition: {@code /segments/3/where}, {@code /scores/0}. */
  String path(int unit) {
    if (unit < segments) {
      return "/segments/" + unit + "/where";
    }
    if (unit < segments + scores) {
      return "/scores/" + (unit - segments);
    }
    return "/tierings/" + (unit - segments - scores);
  }

  /**
   * Every cycle, each once (by its set of units), as the units along it starting from the one the
   * search reached first; empty for a catalog the checker accepts.
   */
  List<int[]> cycles() {
    List<int[]> found = new ArrayList<>();
    Set<Set<Integer>> seen = new HashSet<>();
    search(
        allUnits(),
        (path, depth, target) -> {
          int start = depth;
          while (path[start] != target) {
            start--;
          }
          int[] cycle = Arrays.copyOfRange(path, start, depth + 1);
          Set<Integer> key = new HashSet<>();
          for (int u : cycle) {
            key.add(u);
          }
          if (seen.add(key)) {
            found.add(cycle);
          }
        });
    return found;
  }

  /**
   * The one wording of a cycle: {@code segments form a cycle: "a" -> "b" -> "a"} when only segments
   * take part, otherwise {@code references form a cycle: segment "a" -> score "s" -> segment "a"}.
   */
  String cycleMessage(int[] cycle) {
    List<String> names = new ArrayList<>();
    boolean allSegments = true;
    for (int u : cycle) {
      allSegments &= isSegment(u);
    }
    for (int i = 0; i <= cycle.length; i++) {
      int u = cycle[i % cycle.length];
      names.add(allSegments ? "\"" + catalog.segments().get(u).name() + "\"" : describe(u));
    }
    return (allSegments ? "segments form a cycle: " : "references form a cycle: ")
        + String.join(" -> ", names);
  }

  /**
   * The units {@code roots} and every unit they reach, each after the units it refers to (a
   * depth-first post-order), so that evaluating in this order always finds a reference computed.
   *
   * @throws IllegalArgumentException naming the cycle, which a checked catalog does not have
   */
  public int[] order(int... roots) {
    int[] out = new int[references.length];
    int[] count = {0};
    search(
        roots,
        (path, depth, target) -> {
          throw new IllegalArgumentException(cycleMessage(cycles().get(0)));
        },
        u -> out[count[0]++] = u);
    return Arrays.copyOf(out, count[0]);
  }

  /** Every segment, each after every segment it depends on (directly or through scores). */
  public int[] segmentOrder() {
    return Arrays.stream(order(allUnits())).filter(this::isSegment).toArray();
  }

  private int[] allUnits() {
    int[] all = new int[references.length];
    Arrays.setAll(all, i -> i);
    return all;
  }

  private interface BackEdge {
    void found(int[] path, int depth, int target);
  }

  private interface Done {
    void placed(int unit);
  }

  private void search(int[] roots, BackEdge backEdge) {
    search(roots, backEdge, u -> {});
  }

  /** An iterative depth-first search from each root in turn. */
  private void search(int[] roots, BackEdge backEdge, Done done) {
    int n = references.length;
    byte[] state = new byte[n]; // 0 new, 1 on the current path, 2 placed
    int[] path = new int[n];
    int[] next = new int[n];
    for (int root : roots) {
      if (state[root] != 0) {
        continue;
      }
      int depth = 0;
      path[0] = root;
      next[0] = 0;
      state[root] = 1;
      while (depth >= 0) {
        int u = path[depth];
        if (next[depth] < references[u].length) {
          int v = references[u][next[depth]++];
          if (state[v] == 1) {
            backEdge.found(path, depth, v);
          } else if (state[v] == 0) {
            state[v] = 1;
            path[++depth] = v;
            next[depth] = 0;
          }
        } else {
          state[u] = 2;
          done.placed(u);
          depth--;
        }
      }
    }
  }
}
