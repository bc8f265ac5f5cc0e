package dev.segmentation.benchmarks;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.github.jamsesso.jsonlogic.JsonLogic;
import io.github.jamsesso.jsonlogic.JsonLogicException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.mvel2.MVEL;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * The peer engines, each used the way its documentation shows: the rule is translated once ({@link
 * Translation}), compiled once, and evaluated per customer. json-logic and CEL read maps ({@link
 * Population#maps()}); MVEL and SpEL read {@link Person} getters.
 */
final class Peers {
  private Peers() {}

  static Evaluator jsonLogic(Rule rule, Population population) {
    String expression = new Translation.JsonLogic(Population.CONTEXT).truth(rule.condition());
    JsonLogic jsonLogic = new JsonLogic();
    List<Map<String, Object>> maps = population.maps();
    return () -> {
      int count = 0;
      try {
        for (Map<String, Object> m : maps) {
          // apply() parses once and caches the parsed rule by its text.
          if (JsonLogic.truthy(jsonLogic.apply(expression, m))) {
            count++;
          }
        }
      } catch (JsonLogicException e) {
        throw new IllegalStateException("json-logic failed on " + expression, e);
      }
      return count;
    };
  }

  static Evaluator cel(Rule rule, Population population) {
    String expression = new Translation.Cel(Population.CONTEXT).truth(rule.condition());
    CelCompiler compiler =
        CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("c", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();
    CelRuntime.Program program;
    try {
      CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
      program = CelRuntimeFactory.standardCelRuntimeBuilder().build().createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL cannot compile " + expression, e);
    }
    List<Map<String, Object>> maps = population.maps();
    return () -> {
      int count = 0;
      try {
        for (Map<String, Object> m : maps) {
          if ((Boolean) program.eval(Map.of("c", m))) {
            count++;
          }
        }
      } catch (CelEvaluationException e) {
        throw new IllegalStateException("CEL failed on " + expression, e);
      }
      return count;
    };
  }

  static Evaluator mvel(Rule rule, Population population) {
    String expression = new Translation.Mvel(Population.CONTEXT).truth(rule.condition());
    Serializable compiled = MVEL.compileExpression(expression);
    Person[] people = population.people();
    return () -> {
      int count = 0;
      for (Person p : people) {
        if ((Boolean) MVEL.executeExpression(compiled, p)) {
          count++;
        }
      }
      return count;
    };
  }

  /**
   * SpEL, interpreted or compiled to bytecode. A compiled expression that SpEL cannot compile (it
   * has no compiler for collection selection, which B1 needs) runs interpreted: see {@link
   * #spelCompiles}.
   */
  static Evaluator spel(Rule rule, Population population, boolean compiled) {
    Expression expression = spelExpression(rule, compiled);
    StandardEvaluationContext context = new StandardEvaluationContext();
    Person[] people = population.people();
    if (compiled) {
      // SpEL compiles only nodes whose types it has seen: evaluate every branch first.
      for (Person p : people) {
        expression.getValue(context, p, Boolean.class);
      }
      ((SpelExpression) expression).compileExpression();
    }
    return () -> {
      int count = 0;
      for (Person p : people) {
        if (Boolean.TRUE.equals(expression.getValue(context, p, Boolean.class))) {
          count++;
        }
      }
      return count;
    };
  }

  private static Expression spelExpression(Rule rule, boolean compiled) {
    String text = new Translation.Spel(Population.CONTEXT).truth(rule.condition());
    SpelParserConfiguration config =
        new SpelParserConfiguration(
            compiled ? SpelCompilerMode.MIXED : SpelCompilerMode.OFF, Peers.class.getClassLoader());
    return new SpelExpressionParser(config).parseExpression(text);
  }

  /** Whether SpEL compiles the rule to bytecode after evaluating it on {@code samples}. */
  static boolean spelCompiles(Rule rule, Person[] samples) {
    Expression expression = spelExpression(rule, true);
    StandardEvaluationContext context = new StandardEvaluationContext();
    for (Person p : samples) {
      expression.getValue(context, p, Boolean.class);
    }
    return ((SpelExpression) expression).compileExpression();
  }
}
