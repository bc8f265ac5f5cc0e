package dev.segmentation.testkit;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Or;
import java.util.ArrayList;
import java.util.List;

/**
 * Smaller variants of a condition tree for minimizing a reproducer: each AND, OR and NOT replaced
 * by one of its operands, each AND and OR with one operand dropped, each event filter removed.
 * Every variant is at least one node smaller, and valid wherever the original was (an operand is
 * valid where its parent was).
 */
final class Shrink {
  private Shrink() {}

  /** The variants, larger simplifications (near the root) first. */
  static List<Condition> candidates(Condition root) {
    List<Condition> out = new ArrayList<>();
    int nodes = count(root);
    for (int target = 0; target < nodes; target++) {
      Condition node = nodeAt(root, target);
      for (Condition smaller : smallerNodes(node)) {
        out.add(replaceAt(root, target, smaller));
      }
    }
    return out;
  }

  private static List<Condition> smallerNodes(Condition c) {
    List<Condition> out = new ArrayList<>();
    switch (c.kind()) {
      case AND:
      case OR:
        {
          List<Condition> of = c.children();
          out.addAll(of);
          if (of.size() > 1) {
            for (int i = 0; i < of.size(); i++) {
              List<Condition> rest = new ArrayList<>(of);
              rest.remove(i);
              out.add(withOperands(c, ImmutableList.copyOf(rest)));
            }
          }
          break;
        }
      case NOT:
        out.add(((Not) c).of());
        break;
      case EVENT:
        {
          EventCondition e = (EventCondition) c;
          if (!(e.where() instanceof Always)) {
            out.add(
                new EventCondition(
                    e.eventType(),
                    new Always(),
                    e.window(),
                    e.aggregate(),
                    e.property(),
                    e.op(),
                    e.value()));
          }
          break;
        }
      default:
        break;
    }
    return out;
  }

  private static Condition withOperands(Condition c, ImmutableList<Condition> of) {
    return c instanceof And ? new And(of) : new Or(of);
  }

  /** Nodes in pre-order, event filters included. */
  private static int count(Condition c) {
    int n = 1;
    for (Condition child : c.children()) {
      n += count(child);
    }
    return n;
  }

  private static Condition nodeAt(Condition c, int index) {
    if (index == 0) {
      return c;
    }
    index--;
    for (Condition child : c.children()) {
      int n = count(child);
      if (index < n) {
        return nodeAt(child, index);
      }
      index -= n;
    }
    throw new IndexOutOfBoundsException();
  }

  private static Condition replaceAt(Condition c, int index, Condition replacement) {
    if (index == 0) {
      return replacement;
    }
    index--;
    List<Condition> children = c.children();
    List<Condition> replaced = new ArrayList<>(children);
    for (int i = 0; i < children.size(); i++) {
      int n = count(children.get(i));
      if (index < n) {
        replaced.set(i, replaceAt(children.get(i), index, replacement));
        return withChildren(c, replaced);
      }
      index -= n;
    }
    throw new IndexOutOfBoundsException();
  }

  private static Condition withChildren(Condition c, List<Condition> children) {
    switch (c.kind()) {
      case AND:
      case OR:
        return withOperands(c, ImmutableList.copyOf(children));
      case NOT:
        return new Not(children.get(0));
      case EVENT:
        {
          EventCondition e = (EventCondition) c;
          return new EventCondition(
              e.eventType(),
              children.get(0),
              e.window(),
              e.aggregate(),
              e.property(),
              e.op(),
              e.value());
        }
      default:
        throw new AssertionError(c.kind());
    }
  }
}
