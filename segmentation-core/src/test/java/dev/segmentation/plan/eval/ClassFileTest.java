package dev.segmentation.plan.eval;

import static dev.segmentation.plan.eval.ClassFile.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.check.Limits;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The class-file writer, and the generator's limits on rules too large to write inline. */
class ClassFileTest {

  // long sign(long x, long y): -1, 0 or 1 as x - y is negative, zero or positive, with forward
  // branches patched at bind, a backward-free diamond and constants from the pool.
  @Test
  void branchyMethod_verifiesAndRuns() throws Throwable {
    ClassFile cf = new ClassFile("dev/segmentation/plan/eval/Sign", "java/lang/Object");
    Code init = cf.addMethod(ACC_PUBLIC, "<init>", "()V");
    init.local(ALOAD, 0).op2(INVOKESPECIAL, cf.method("java/lang/Object", "<init>", "()V"));
    init.op(RETURN).end(1, 1);
    Code m = cf.addMethod(ACC_PUBLIC, "sign", "(JJ)Ljava/lang/String;");
    Label negative = m.label();
    Label zero = m.label();
    m.local(LLOAD, 1).local(LLOAD, 3).op(LCMP).local(ISTORE, 5);
    m.local(ILOAD, 5).jump(IFLT, negative);
    m.local(ILOAD, 5).jump(IFEQ, zero);
    m.ldc(cf.string("positive")).op(ARETURN);
    m.bind(negative).ldc(cf.string("negative")).op(ARETURN);
    m.bind(zero).op2(LDC2_W, cf.longConstant(Long.MIN_VALUE)).op(0x58); // pop2
    m.ldc(cf.string("zero")).op(ARETURN);
    m.end(4, 6);

    MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(cf.toBytes(), true);
    Object sign =
        hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
    MethodHandle call =
        hidden.findVirtual(
            hidden.lookupClass(),
            "sign",
            MethodType.methodType(String.class, long.class, long.class));

    assertThat((String) call.invoke(sign, 1L, 5L)).isEqualTo("negative");
    assertThat((String) call.invoke(sign, 5L, 5L)).isEqualTo("zero");
    assertThat((String) call.invoke(sign, Long.MAX_VALUE, -1L)).isEqualTo("positive"); // lcmp
    assertThat((String) call.invoke(sign, 9L, 5L)).isEqualTo("positive");
  }

  @Test
  void unboundLabel_isAnError() {
    ClassFile cf = new ClassFile("dev/segmentation/plan/eval/Bad", "java/lang/Object");
    Code m = cf.addMethod(ACC_PUBLIC, "f", "()V");
    m.jump(GOTO, m.label());
    assertThatThrownBy(() -> m.end(1, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void branchBeyond16Bits_isTooLarge() {
    ClassFile cf = new ClassFile("dev/segmentation/plan/eval/Big", "java/lang/Object");
    Code m = cf.addMethod(ACC_PUBLIC, "f", "()V");
    Label end = m.label();
    m.jump(GOTO, end);
    for (int i = 0; i < 40_000; i++) {
      m.op(0x00); // nop
    }
    assertThatThrownBy(() -> m.bind(end)).isInstanceOf(ClassFile.TooLarge.class);
  }

  private static final Schema SCHEMA = Schema.of(Attribute.integer("i"), Attribute.string("s"));
  private static final EvaluationContext CTX = EvaluationContext.at(Instant.EPOCH);

  // A wide rule (5,000 leaves) is over the code cap and stays interpreted; a deep one (100 levels
  // of alternating AND and OR) is written inline down to the depth cap and called below it. Both
  // compile without error and give the interpreted result.
  @Test
  void hugeAndDeepRules_fallBackWithoutError() {
    Condition[] wide = new Condition[5_000];
    for (int k = 0; k < wide.length; k++) {
      wide[k] = new Compare("i", Operator.GE, (long) -k);
    }
    Condition deep = In.of("s", "a");
    for (int k = 0; k < 100; k++) {
      Condition leaf = new Compare("i", Operator.NE, (long) k);
      deep = k % 2 == 0 ? And.of(leaf, deep) : Or.of(leaf, deep);
    }
    Limits lenient = new Limits(1_000, 1_000_000, 1_000_000, 10_000, 1_000);
    Catalog catalog = Catalog.of(Segment.of("wide", And.of(wide)), Segment.of("deep", deep));
    Compiler.Result compiled = Compiler.compileUnchecked(catalog, SCHEMA, lenient);
    // Compiled segments start interpreted (WarmingNode); generated here at once.
    Node wideNode = ((WarmingNode) compiled.program().segments[0]).interpreted;
    Node deepNode = ((WarmingNode) compiled.program().segments[1]).interpreted;
    assertThat(wideNode).isNotInstanceOf(GeneratedNode.class);
    assertThat(Generator.generate(wideNode)).isSameAs(wideNode);
    Node deepInterpreted = ((GeneratedNode) Generator.generate(deepNode)).interpreted;

    Bounds b = compiled.plan().bind(CTX);
    for (Map<String, Object> values :
        java.util.List.of(
            Map.<String, Object>of("i", 3L, "s", "a"),
            Map.<String, Object>of("i", 300L),
            Map.<String, Object>of("s", "b"))) {
      Customer c = GeneratorProperties.raw(values);
      Truth expected = deepInterpreted.eval(c, c, b, null);
      assertThat(Generator.generate(deepInterpreted).eval(c, c, b, null)).isEqualTo(expected);
      assertThat(wideNode.eval(c, c, b, null)).isNotNull();
    }
  }
}
