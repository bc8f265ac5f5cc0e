package dev.segmentation.plan.eval;

import static dev.segmentation.plan.eval.ClassFile.*;

import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates, per segment, a hidden class whose {@code eval} is the segment's condition as
 * straight-line bytecode: no call per AND / OR / NOT and no {@link Truth} per operand, so that the
 * JIT compiles a segment as it would an if-chain written for it.
 *
 * <p>Each node is compiled to code that jumps to one of three labels (TRUE, FALSE, UNKNOWN). Kleene
 * AND jumps to FALSE at the first FALSE operand and otherwise remembers in an int local whether an
 * operand was UNKNOWN (so FALSE after UNKNOWN still wins); OR is its dual; NOT swaps the TRUE and
 * FALSE labels. Written inline: number comparisons and ranges ({@link Leaves.NumberLeaf}: the
 * primitive read and the interval's bounds as constants), a string in a set of literals ({@link
 * Leaves.StringInLeaf}, through the leaf's set), a boolean, and a tag set's contains-any / none of
 * up to 16 literals ({@link Leaves.TagLeaf}: {@code Set.contains} per literal, a call site per
 * leaf); each is UNKNOWN without a value, and a value the primitive read does not give or not in
 * canonical form (rare) sends the whole segment to its interpreted node, which evaluates it again
 * from the start ({@code bailOut}). Every other node (events, references, relative time, other tag
 * tests, ...) is a call to its interpreted form held in a final field of the hidden class (typed
 * with its class, so the call is direct). A constant is a jump. {@code evalBlock} is the same code
 * inside a loop over a block of customers.
 *
 * <p>Limits, so that no rule, trusted or not, makes an invalid or huge class: below {@link
 * #MAX_DEPTH} nesting a subtree is called, not inlined; above {@link #MAX_CODE} bytes of code (or
 * 255 local variables) the segment stays interpreted. The hidden classes are defined without {@code
 * STRONG}, so a catalog's classes are unloaded with it. {@link #ENABLED} (system property {@code
 * segmentation.row.generated}, default true) switches the whole form off.
 */
final class Generator {
  private Generator() {}

  /** Whether the compiler generates evaluators; {@code -Dsegmentation.row.generated=false} not. */
  static final boolean ENABLED =
      !"false".equalsIgnoreCase(System.getProperty("segmentation.row.generated"));

  /**
   * Above this many bytes of code a segment stays interpreted: below C2's HugeMethodLimit (8000),
   * above which the JIT would not compile the method at all.
   */
  static final int MAX_CODE = 7000;

  /** Below this nesting a subtree is called, not written inline. */
  static final int MAX_DEPTH = 48;

  // The longest name written as a string constant: 3 bytes per char stays under the class file's
  // 65535-byte limit of one constant.
  private static final int MAX_NAME = 20_000;

  private static final String PACKAGE = "dev/segmentation/plan/eval/";
  private static final String NODE = PACKAGE + "Node";
  private static final String GENERATED = PACKAGE + "GeneratedNode";
  private static final String SELF = PACKAGE + "GeneratedSegment";
  private static final String TRUTH = "dev/segmentation/condition/Truth";
  private static final String TRUTH_D = "L" + TRUTH + ";";
  private static final String SOURCE = "dev/segmentation/model/ValueSource";
  private static final String SET = "java/util/Set";
  private static final String SOURCE_D = "L" + SOURCE + ";";
  private static final String CUSTOMER_D = "Ldev/segmentation/model/Customer;";
  private static final String BOUNDS_D = "L" + PACKAGE + "Bounds;";
  private static final String EVAL_D =
      "(" + SOURCE_D + CUSTOMER_D + BOUNDS_D + "[" + TRUTH_D + ")" + TRUTH_D;
  private static final String BLOCK_D = "([" + CUSTOMER_D + "II" + BOUNDS_D + "[" + TRUTH_D + ")V";

  // Locals of eval: 0 this, 1 src, 2 customer, 3 bounds, 4 memo; then a leaf's temporaries (only
  // live inside one leaf), evalBlock's loop locals (unused in eval), then one flag per junction.
  private static final int SRC = 1;
  private static final int CUSTOMER = 2;
  private static final int BOUNDS = 3;
  private static final int MEMO = 4;
  private static final int X = 5; // a long or double: 5 and 6
  private static final int V = 7; // a value read boxed
  private static final int T = 8; // a Truth returned by a call
  // evalBlock's loop: the customers, out, the index, the end and the start.
  private static final int CUSTOMERS = 9;
  private static final int OUT = 10;
  private static final int I = 11;
  private static final int TO = 12;
  private static final int FROM = 13;
  private static final int FIRST_FLAG = 14;
  // The deepest operand stack of any sequence written here is 5 slots (a call with a receiver and
  // four arguments; longValue's receiver, int, String and long): 8 is a safe bound.
  private static final int MAX_STACK = 8;

  /** The generated evaluator of {@code root}, or {@code root} itself when over the limits. */
  static Node generate(Node root) {
    if (root instanceof GeneratedNode || root instanceof Logic.Constant) {
      return root;
    }
    byte[] bytes;
    Object[] constants;
    try {
      Writer w = new Writer();
      bytes = w.write(root);
      constants = w.constants.toArray();
    } catch (ClassFile.TooLarge e) {
      return root;
    }
    try {
      MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
      MethodHandle init =
          hidden.findConstructor(
              hidden.lookupClass(), MethodType.methodType(void.class, Node.class, Object[].class));
      return (Node) init.invoke(root, constants);
    } catch (Throwable e) {
      // A bug here, never the rule's fault: the emitter writes only what the tests verify.
      throw new IllegalStateException("generating the evaluator of a segment failed", e);
    }
  }

  /** Writes one class: the constructor and {@code eval}. */
  private static final class Writer {
    final ClassFile cf = new ClassFile(SELF, GENERATED);
    final List<Object> constants = new ArrayList<>();
    final List<String> types = new ArrayList<>();
    final Map<Object, Integer> fieldOf = new IdentityHashMap<>();
    ClassFile.Code code;
    int nextFlag = FIRST_FLAG;
    Label bail; // see bailOut
    boolean bailed;

    byte[] write(Node root) {
      writeEval(root);
      writeBlock(root);
      writeConstructor();
      return cf.toBytes();
    }

    // eval: the tree, returning its Truth; the bail-out block returns the interpreted node's.
    private void writeEval(Node root) {
      code = cf.addMethod(ACC_PUBLIC | ACC_FINAL, "eval", EVAL_D);
      nextFlag = FIRST_FLAG;
      bailed = false;
      Label t = code.label();
      Label f = code.label();
      Label u = code.label();
      bail = code.label();
      emit(root, t, f, u, 0);
      result(t, "TRUE");
      result(f, "FALSE");
      result(u, "UNKNOWN");
      if (bailed) {
        code.bind(bail);
        interpreted();
        code.op(ARETURN);
      }
      end();
    }

    /**
     * evalBlock: the same tree written once more inside a loop over {@code customers[from..to)},
     * each result stored in {@code out[i - from]}, so that the JIT compiles the loop and the tree
     * as one method with no call per customer (a call it would make when the per-customer {@code
     * eval} is too large to inline). The loop's own locals follow the leaf temporaries.
     */
    private void writeBlock(Node root) {
      code = cf.addMethod(ACC_PUBLIC | ACC_FINAL, "evalBlock", BLOCK_D);
      nextFlag = FIRST_FLAG;
      bailed = false;
      // Arguments: 1 customers, 2 from, 3 to, 4 bounds, 5 out; moved to the loop's locals, then
      // bounds to BOUNDS and memo (null, as PlanEvaluator.segment passes it) to MEMO.
      code.local(ALOAD, 1).local(ASTORE, CUSTOMERS);
      code.local(ILOAD, 2).local(ISTORE, FROM);
      code.local(ILOAD, 2).local(ISTORE, I);
      code.local(ILOAD, 3).local(ISTORE, TO);
      code.local(ALOAD, 5).local(ASTORE, OUT);
      code.local(ALOAD, 4).local(ASTORE, BOUNDS);
      code.op(ACONST_NULL).local(ASTORE, MEMO);
      Label top = code.label();
      Label done = code.label();
      Label store = code.label();
      Label t = code.label();
      Label f = code.label();
      Label u = code.label();
      bail = code.label();
      code.bind(top);
      code.local(ILOAD, I).local(ILOAD, TO).jump(IF_ICMPGE, done);
      code.local(ALOAD, CUSTOMERS).local(ILOAD, I).op(AALOAD).op(DUP);
      code.local(ASTORE, SRC).local(ASTORE, CUSTOMER);
      emit(root, t, f, u, 0);
      stored(t, "TRUE", store);
      stored(f, "FALSE", store);
      stored(u, "UNKNOWN", store);
      if (bailed) {
        code.bind(bail);
        interpreted();
        code.local(ASTORE, T);
      }
      code.bind(store);
      code.local(ALOAD, OUT).local(ILOAD, I).local(ILOAD, FROM).op(ISUB).local(ALOAD, T);
      code.op(AASTORE);
      code.iinc(I, 1).jump(GOTO, top);
      code.bind(done);
      code.op(RETURN);
      end();
    }

    // The interpreted node's result for the customer in SRC / CUSTOMER, on the stack.
    private void interpreted() {
      code.local(ALOAD, 0).op2(GETFIELD, cf.field(GENERATED, "interpreted", "L" + NODE + ";"));
      code.local(ALOAD, SRC).local(ALOAD, CUSTOMER).local(ALOAD, BOUNDS).local(ALOAD, MEMO);
      code.op2(INVOKEVIRTUAL, cf.method(NODE, "eval", EVAL_D));
    }

    private void end() {
      if (code.size() > MAX_CODE) {
        throw new ClassFile.TooLarge("method");
      }
      code.end(MAX_STACK, nextFlag);
    }

    private void stored(Label l, String truth, Label store) {
      code.bind(l);
      code.op2(GETSTATIC, cf.field(TRUTH, truth, TRUTH_D)).local(ASTORE, T).jump(GOTO, store);
    }

    private void result(Label l, String truth) {
      code.bind(l);
      code.op2(GETSTATIC, cf.field(TRUTH, truth, TRUTH_D)).op(ARETURN);
    }

    // The constructor stores constants[k] in field k, typed as types[k].
    private void writeConstructor() {
      ClassFile.Code init =
          cf.addMethod(ACC_PUBLIC, "<init>", "(L" + NODE + ";[Ljava/lang/Object;)V");
      init.local(ALOAD, 0).local(ALOAD, 1);
      init.op2(INVOKESPECIAL, cf.method(GENERATED, "<init>", "(L" + NODE + ";)V"));
      for (int k = 0; k < constants.size(); k++) {
        cf.addField(ACC_PRIVATE | ACC_FINAL, "k" + k, "L" + types.get(k) + ";");
        init.local(ALOAD, 0).local(ALOAD, 2).op2(SIPUSH, k).op(AALOAD);
        init.op2(CHECKCAST, cf.classRef(types.get(k)));
        init.op2(PUTFIELD, constantField(k));
      }
      init.op(RETURN);
      init.end(MAX_STACK, 3);
    }

    /**
     * Pushes an attribute's name as a string constant of the class (an interned string), so that
     * reading it costs no load per customer and an adapter that compares the name with its own
     * literal (also interned) finds them identical before comparing characters; equal strings, so
     * no reader sees a difference. A name too long for the constant pool is loaded from a field.
     */
    private void name(String attribute) {
      if (attribute.length() <= MAX_NAME) {
        code.ldc(cf.string(attribute));
      } else {
        load(attribute);
      }
    }

    /** Loads the constant {@code o} (a node, its attribute name) from its final field. */
    private String load(Object o) {
      Integer k = fieldOf.get(o);
      if (k == null) {
        k = constants.size();
        if (k >= Short.MAX_VALUE) {
          throw new ClassFile.TooLarge("constants");
        }
        constants.add(o);
        types.add(typeOf(o.getClass()));
        fieldOf.put(o, k);
      }
      code.local(ALOAD, 0).op2(GETFIELD, constantField(k));
      return types.get(k);
    }

    // The field that holds constants[k], typed as types[k].
    private int constantField(int k) {
      return cf.field(SELF, "k" + k, "L" + types.get(k) + ";");
    }

    // The class a field is declared with: the object's own class when the generated class can name
    // it (so that calls through it are direct), else Node.
    private static String typeOf(Class<?> c) {
      if (c == String.class) {
        return "java/lang/String";
      }
      if (!c.isHidden() && c.getPackageName().equals("dev.segmentation.plan.eval")) {
        return c.getName().replace('.', '/');
      }
      return NODE;
    }

    /**
     * Code that jumps to {@code t}, {@code f} or {@code u} as {@code n} is TRUE, FALSE, UNKNOWN.
     */
    private void emit(Node n, Label t, Label f, Label u, int depth) {
      if (code.size() > MAX_CODE) {
        throw new ClassFile.TooLarge("method");
      }
      if (depth > MAX_DEPTH) {
        call(n, t, f, u);
      } else if (n instanceof Logic.Constant c) {
        code.jump(GOTO, c.value == Truth.TRUE ? t : c.value == Truth.FALSE ? f : u);
      } else if (n instanceof Logic.JunctionNode j) {
        junction(j, t, f, u, depth);
      } else if (n instanceof Logic.NotNode not) {
        emit(not.of, f, t, u, depth + 1);
      } else if (n instanceof Leaves.NumberLeaf leaf) {
        number(leaf, t, f, u);
      } else if (n instanceof Leaves.StringInLeaf leaf) {
        boxed(leaf, "java/lang/String", t, f, u);
      } else if (n instanceof Leaves.BooleanLeaf leaf) {
        boxed(leaf, "java/lang/Boolean", t, f, u);
      } else if (n instanceof Leaves.TagLeaf leaf && inlineTags(leaf)) {
        tags(leaf, t, f, u);
      } else {
        call(n, t, f, u);
      }
    }

    // Kleene AND (OR is the dual): the decisive value jumps out at once; an UNKNOWN operand sets
    // the flag and evaluation goes on; after the last operand, UNKNOWN if the flag is set, else
    // the identity.
    private void junction(Logic.JunctionNode j, Label t, Label f, Label u, int depth) {
      int flag = nextFlag++;
      if (flag > 0xff) {
        throw new ClassFile.TooLarge("local variables");
      }
      code.op(ICONST_0).local(ISTORE, flag);
      for (Node operand : j.of) {
        Label next = code.label();
        Label unknown = code.label();
        if (j.and) {
          emit(operand, next, f, unknown, depth + 1);
        } else {
          emit(operand, t, next, unknown, depth + 1);
        }
        code.bind(unknown);
        code.op(ICONST_1).local(ISTORE, flag);
        code.bind(next);
      }
      code.local(ILOAD, flag).jump(IFNE, u).jump(GOTO, j.and ? t : f);
    }

    // src.longValue / doubleValue and the interval test written with its bounds as constants
    // (NumberRange.contains); when the read gives the marker or a double that is not finite, what
    // Leaf.confirm does: UNKNOWN without a value, else bailOut.
    private void number(Leaves.NumberLeaf leaf, Label t, Label f, Label u) {
      NumberRange r = leaf.range;
      Label slow = code.label();
      Label in = r.negated ? f : t;
      Label out = r.negated ? t : f;
      readArguments(leaf);
      if (leaf.integer) {
        code.op2(LDC2_W, cf.longConstant(Leaf.ASK));
        code.invokeinterface(cf.interfaceMethod(SOURCE, "longValue", "(ILjava/lang/String;J)J"), 4);
        code.local(LSTORE, X);
        code.local(LLOAD, X).op2(LDC2_W, cf.longConstant(Leaf.ASK)).op(LCMP).jump(IFEQ, slow);
        if (r.longLow != Long.MIN_VALUE) {
          code.local(LLOAD, X).op2(LDC2_W, cf.longConstant(r.longLow)).op(LCMP).jump(IFLT, out);
        }
        if (r.longHigh != Long.MAX_VALUE) {
          code.local(LLOAD, X).op2(LDC2_W, cf.longConstant(r.longHigh)).op(LCMP).jump(IFGT, out);
        }
      } else {
        code.op2(LDC2_W, cf.doubleConstant(Double.NaN));
        code.invokeinterface(
            cf.interfaceMethod(SOURCE, "doubleValue", "(ILjava/lang/String;D)D"), 4);
        code.local(DSTORE, X);
        // x - x == 0 only when x is finite: NaN (asked for, or returned) and infinities confirm.
        code.local(DLOAD, X).local(DLOAD, X).op(DSUB).op(DCONST_0).op(DCMPL).jump(IFNE, slow);
        if (r.doubleLow != Double.NEGATIVE_INFINITY) {
          code.local(DLOAD, X).op2(LDC2_W, cf.doubleConstant(r.doubleLow)).op(DCMPL);
          code.jump(IFLT, out);
        }
        if (r.doubleHigh != Double.POSITIVE_INFINITY) {
          code.local(DLOAD, X).op2(LDC2_W, cf.doubleConstant(r.doubleHigh)).op(DCMPG);
          code.jump(IFGT, out);
        }
      }
      code.jump(GOTO, in);
      // The marker (or a double that is not finite): no value is UNKNOWN; a value is bailOut.
      code.bind(slow);
      readArguments(leaf);
      code.invokeinterface(
          cf.interfaceMethod(SOURCE, "value", "(ILjava/lang/String;)Ljava/lang/Object;"), 2);
      code.jump(IFNULL, u);
      bailOut();
    }

    /**
     * Jumps to the end of the method, where the interpreted node evaluates the whole segment again
     * and its result is returned: for a value the primitive read did not give or that is not in
     * canonical form (a value equal to the marker, a number of another class, invalid data), rare
     * in real data. The interpreted node runs the same reads in the same order, so it gives the
     * same result or throws the same exception; one shared block instead of a call per leaf keeps
     * the method small enough for the JIT to inline.
     */
    private void bailOut() {
      bailed = true;
      code.jump(GOTO, bail);
    }

    // Pushes src, the leaf's position and its name: the arguments of every read.
    private void readArguments(Leaf leaf) {
      code.local(ALOAD, SRC).ldc(cf.integer(leaf.position));
      name(leaf.attribute);
    }

    // src.value into V, and a jump to the returned label when it is not a javaClass (or null).
    private Label readBoxed(Leaf leaf, String javaClass) {
      Label slow = code.label();
      readArguments(leaf);
      code.invokeinterface(
          cf.interfaceMethod(SOURCE, "value", "(ILjava/lang/String;)Ljava/lang/Object;"), 2);
      code.local(ASTORE, V);
      code.local(ALOAD, V).op2(INSTANCEOF, cf.classRef(javaClass)).jump(IFEQ, slow);
      return slow;
    }

    // At slow: UNKNOWN when V is null, else bailOut.
    private void notOfClass(Label slow, Label u) {
      code.bind(slow);
      code.local(ALOAD, V).jump(IFNULL, u);
      bailOut();
    }

    // src.value; when it is of the canonical class, the leaf's test on it (a string in the set)
    // or the boolean compared; UNKNOWN when there is no value; otherwise bailOut.
    private void boxed(Leaf leaf, String javaClass, Label t, Label f, Label u) {
      Label slow = readBoxed(leaf, javaClass);
      if (leaf instanceof Leaves.BooleanLeaf b) {
        code.local(ALOAD, V).op2(CHECKCAST, cf.classRef(javaClass));
        code.op2(INVOKEVIRTUAL, cf.method(javaClass, "booleanValue", "()Z"));
        code.jump(b.wanted ? IFNE : IFEQ, t).jump(GOTO, f);
      } else {
        String type = load(leaf);
        code.local(ALOAD, V).op2(CHECKCAST, cf.classRef(javaClass));
        code.op2(INVOKEVIRTUAL, cf.method(type, "test", "(L" + javaClass + ";)Z"));
        code.jump(IFNE, t).jump(GOTO, f);
      }
      notOfClass(slow, u);
    }

    // containsAny / containsNone over at most ITERATE_TAGS_ABOVE literals: the leaf's own test asks
    // tags.contains(w) for each literal in order, which is what is written here.
    private static boolean inlineTags(Leaves.TagLeaf leaf) {
      if (leaf.op == TagMatch.Op.CONTAINS_ALL
          || leaf.wanted.length > Leaves.TagLeaf.ITERATE_TAGS_ABOVE) {
        return false;
      }
      for (String w : leaf.wanted) {
        if (w.length() > MAX_NAME) {
          return false;
        }
      }
      return true;
    }

    /**
     * A tag test written inline: src.value; when it is a Set, {@code set.contains(w)} per literal
     * as a string constant, so that each leaf has its own call site (the JIT inlines the one or two
     * set classes it sees there, where the leaf's shared method was a call); UNKNOWN without a
     * value; any other value goes to bailOut, as in {@link #boxed}.
     */
    private void tags(Leaves.TagLeaf leaf, Label t, Label f, Label u) {
      Label found = leaf.op == TagMatch.Op.CONTAINS_ANY ? t : f;
      Label none = leaf.op == TagMatch.Op.CONTAINS_ANY ? f : t;
      Label slow = readBoxed(leaf, SET);
      for (String w : leaf.wanted) {
        code.local(ALOAD, V).op2(CHECKCAST, cf.classRef(SET)).ldc(cf.string(w));
        code.invokeinterface(cf.interfaceMethod(SET, "contains", "(Ljava/lang/Object;)Z"), 1);
        code.jump(IFNE, found);
      }
      code.jump(GOTO, none);
      notOfClass(slow, u);
    }

    // The interpreted node's eval, called through the field that holds it.
    private void call(Node n, Label t, Label f, Label u) {
      String type = load(n);
      code.local(ALOAD, SRC).local(ALOAD, CUSTOMER).local(ALOAD, BOUNDS).local(ALOAD, MEMO);
      code.op2(INVOKEVIRTUAL, cf.method(type, "eval", EVAL_D));
      dispatch(t, f, u);
    }

    // Jumps on the Truth on the stack.
    private void dispatch(Label t, Label f, Label u) {
      code.local(ASTORE, T);
      code.local(ALOAD, T).op2(GETSTATIC, cf.field(TRUTH, "TRUE", TRUTH_D)).jump(IF_ACMPEQ, t);
      code.local(ALOAD, T).op2(GETSTATIC, cf.field(TRUTH, "FALSE", TRUTH_D)).jump(IF_ACMPEQ, f);
      code.jump(GOTO, u);
    }
  }
}
