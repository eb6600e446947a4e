package org.sanlian.platform.rules;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's FEEL engine for decision tables, with each expression text parsed once (issue 16). The engine Camunda
 * ships parses an input expression or a rule's input entry again at every evaluation, which made the fine
 * discretion table the costliest part of 案件调查报告. The parse of a text does not depend on the variables, so the
 * parsed form (or the parse failure) is kept per text and evaluated against each decision's variables as before:
 * same language, same value mappers, same results and error messages.
 *
 * <p>The FEEL engine also builds its table of built-in functions (date(), string(), sum(), … several hundred
 * objects) and checks the parsed expression again at every evaluation: measured, most of the FEEL time of a step
 * (issue 16, docs/benchmark-report.md). Both depend only on the engine, not on the variables: the table is built
 * once here, and a text is checked once, when the engine parses it; each evaluation still gets its own context and
 * its own collector of failures. The engine's evaluation of a checked expression in a given context is private to
 * it and is reached by a method handle; if it cannot be (another FEEL version), or anything in it throws, the
 * evaluation goes the engine's own way, as before.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    private static final Logger log = LoggerFactory.getLogger(ParsedOnceFeelEngine.class);
    private static final MethodHandle EVAL = privateMethod("eval",
            MethodType.methodType(EvaluationResult.class, ParsedExpression.class, EvalContext.class));

    /** The engine's functions, built-in ones first, as the engine puts them together for each evaluation. */
    private volatile FunctionProvider functions;

    /** Kept per expression text; a table has a bounded set of them, the analysts' versions add a few more. */
    private final java.util.Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final java.util.Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        // the engine checks a text as it parses it
        Either<Failure, ParsedExpression> parsed = expressions.computeIfAbsent(expression, feelEngine::parseExpression);
        VariableProvider provider = new ContextVariableWrapper(variables);
        return (T) valueOf(parsed, () -> provider);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        Either<Failure, ParsedExpression> parsed = unaryTests.computeIfAbsent(expression, feelEngine::parseUnaryTests);
        // the unary tests compare "?" with the value of the variable the input is held in, as Camunda's engine does
        VariableProvider input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(),
                inputVariable));
        VariableProvider provider = new CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables)));
        return Boolean.TRUE.equals(valueOf(parsed, () -> provider));
    }

    private Object valueOf(Either<Failure, ParsedExpression> parsed, Variables variables) {
        Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> right
                ? evaluate(right.value(), new CustomContext() {
                    @Override
                    public VariableProvider variableProvider() {
                        return variables.provider();
                    }
                })
                : new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
        if (result instanceof Right<Failure, Object> value) {
            return value.value();
        }
        Failure failure = ((Left<Failure, Object>) result).value();
        throw LOGGER.evaluationException(failure.message());
    }

    /** As {@code FeelEngine.eval(parsed, context)}, with the functions built once and without checking again. */
    private Either<Failure, Object> evaluate(ParsedExpression parsed, Context context) {
        if (EVAL != null) {
            try {
                EvalContext evalContext = new EvalContext(feelEngine.valueMapper(),
                        VariableProvider.EmptyVariableProvider$.MODULE$, functions(), new EvaluationFailureCollector())
                        .merge(context);
                return ((EvaluationResult) EVAL.invoke(feelEngine, parsed, evalContext)).toEither();
            } catch (Throwable failure) {
                // the engine's own way below gives the same result, or the same failure with its own message
                log.debug("FEEL evaluation of '{}' left to the engine: {}", parsed.text(), failure.toString());
            }
        }
        return feelEngine.eval(parsed, context);
    }

    private FunctionProvider functions() {
        FunctionProvider built = functions;
        if (built == null) {
            built = new CompositeFunctionProvider(toScalaList(
                    new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()),
                    feelEngine.functionProvider()));
            functions = built;
        }
        return built;
    }

    /** Whether evaluations here use the functions built once (else each goes the engine's own way). */
    static boolean buildsFunctionsOnce() {
        return EVAL != null;
    }

    private static MethodHandle privateMethod(String name, MethodType type) {
        try {
            return MethodHandles.privateLookupIn(FeelEngine.class, MethodHandles.lookup())
                    .findVirtual(FeelEngine.class, name, type);
        } catch (ReflectiveOperationException | RuntimeException missing) {
            log.info("FEEL engine without {}: every evaluation goes the engine's own way", name);
            return null;
        }
    }

    @FunctionalInterface
    private interface Variables {
        VariableProvider provider();
    }
}
