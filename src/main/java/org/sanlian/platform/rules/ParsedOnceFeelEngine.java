package org.sanlian.platform.rules;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for decision tables, with each expression text parsed once (issue 16). The engine Camunda
 * ships parses an input expression or a rule's input entry again at every evaluation, which made the fine
 * discretion table the costliest part of 案件调查报告. The parse of a text does not depend on the variables, so the
 * parsed form (or the parse failure) is kept per text and evaluated against each decision's variables as before:
 * same language, same value mappers, same results and error messages.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** Kept per expression text; a table has a bounded set of them, the analysts' versions add a few more. */
    private final java.util.Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final java.util.Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
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
                ? feelEngine.eval(right.value(), new CustomContext() {
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

    @FunctionalInterface
    private interface Variables {
        VariableProvider provider();
    }
}
