package org.sanlian.platform.sandbox;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a JUEL expression in an analyst's model may reach. The expression is parsed into its syntax tree and every
 * node is checked: process variables (and their plain properties), the allow-listed beans as a whole (a delegate
 * expression), a few members of {@code execution} and {@code task}, Camunda's built-in functions and harmless
 * String and collection methods. Anything else (another Spring bean, {@code processEngineServices},
 * {@code getClass()}, any other method) is refused with the reason in plain Chinese.
 */
final class ExpressionRules {

    /** The engine's own context objects: only the members below may be used on them. */
    static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");

    /** Context identifiers Sanlian's models never need (CMMN, external tasks): refused. */
    static final Set<String> REFUSED_IDENTIFIERS = Set.of("caseExecution", "externalTask", "variableContext");

    static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "setVariable",
            "setVariableLocal", "hasVariable", "hasVariableLocal", "getId", "getProcessInstanceId",
            "getProcessBusinessKey", "getBusinessKey", "getCurrentActivityId", "getCurrentActivityName",
            "getActivityInstanceId", "getEventName", "getProcessDefinitionId", "getTaskDefinitionKey", "getName",
            "getAssignee", "getTenantId");

    static final Set<String> CONTEXT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "currentActivityId", "currentActivityName", "activityInstanceId", "eventName",
            "processDefinitionId", "taskDefinitionKey", "name", "assignee", "tenantId");

    /**
     * Methods of a String, a collection or a date (as {@code dateTime()} returns) that compute from the value and
     * reach nothing else.
     */
    static final Set<String> VALUE_METHODS = Set.of("concat", "equals", "equalsIgnoreCase", "startsWith",
            "endsWith", "contains", "length", "isEmpty", "toString", "substring", "trim", "toUpperCase",
            "toLowerCase", "size", "indexOf", "compareTo", "toDate", "isBefore", "isAfter", "plusMinutes",
            "plusHours", "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusMinutes", "minusHours",
            "minusDays", "minusWeeks", "minusMonths", "minusYears");

    /** Camunda's built-in functions (ProcessEngineConfigurationImpl#initExpressionManager). */
    static final Set<String> FUNCTIONS = Set.of("dateTime", "now", "currentUser", "currentUserGroups");

    private final Set<String> allowedBeans;
    private final Set<String> otherBeans;

    /**
     * @param allowedBeans the beans expressions may name (as a whole, in a delegate expression)
     * @param otherBeans every other bean of the application: a member used on one is refused naming the bean
     */
    public ExpressionRules(Set<String> allowedBeans, Set<String> otherBeans) {
        this.allowedBeans = Set.copyOf(allowedBeans);
        this.otherBeans = Set.copyOf(otherBeans);
    }

    public Set<String> allowedBeans() {
        return allowedBeans;
    }

    /** True if the text holds an expression the engine would evaluate. */
    public static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * Why the expression is refused, or empty if it is allowed.
     *
     * @param delegate true where the expression names the object that runs a step (delegateExpression): there,
     *                 and only there, an allow-listed bean may stand alone as {@code ${beanName}}
     */
    public Optional<String> refusal(String expression, boolean delegate) {
        Tree tree;
        try {
            tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression);
        } catch (TreeBuilderException e) {
            return Optional.of("表达式语法错误 (syntax error): " + e.getMessage());
        }
        AstNode root = (AstNode) tree.getRoot();
        if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier identifier
                && allowedBeans.contains(identifier.getName())) {
            return delegate ? Optional.empty()
                    : Optional.of("Bean「" + identifier.getName() + "」只能作为 delegateExpression 整体使用 "
                            + "(an allow-listed bean may only be a delegate expression)");
        }
        try {
            check(root);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    private void check(Node node) {
        if (node instanceof AstIdentifier identifier) {
            checkIdentifier(identifier.getName());
        } else if (node instanceof AstMethod method) {
            checkMethod(method);
        } else if (node instanceof AstDot dot) {
            String property = memberName(dot);
            Node prefix = dot.getChild(0);
            if (isContextObject(prefix)) {
                if (!CONTEXT_PROPERTIES.contains(property)) {
                    throw new Refused(contextName(prefix) + "." + property + " 不在允许范围内 (only "
                            + sorted(CONTEXT_PROPERTIES) + " and the methods " + sorted(CONTEXT_METHODS) + ")");
                }
            } else {
                refuseOtherBean(prefix);
                check(prefix);
                checkValueMember(property);
            }
        } else if (node instanceof AstBracket bracket) {
            Node prefix = bracket.getChild(0);
            Node key = bracket.getChild(1);
            if (isContextObject(prefix)) {
                throw new Refused(contextName(prefix) + "[…] 不允许 (use the allowed members of "
                        + contextName(prefix) + ")");
            }
            if (!(key instanceof AstString || key instanceof AstNumber)) {
                throw new Refused("[…] 中只能写固定的键 (only a literal key may stand in brackets)");
            }
            refuseOtherBean(prefix);
            check(prefix);
            checkValueMember(String.valueOf(((AstNode) key).eval(null, null)));
        } else if (node instanceof AstFunction function) {
            if (!FUNCTIONS.contains(function.getName())) {
                throw new Refused("函数「" + function.getName() + "」不允许 (only " + sorted(FUNCTIONS) + ")");
            }
            checkChildren(node);
        } else {
            checkChildren(node);
        }
    }

    private void checkChildren(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            check(node.getChild(i));
        }
    }

    private void checkIdentifier(String name) {
        if (CONTEXT_OBJECTS.contains(name)) {
            throw new Refused(name + " 只能使用允许的成员 (only " + sorted(CONTEXT_PROPERTIES) + " and "
                    + sorted(CONTEXT_METHODS) + " on " + name + ")");
        }
        if (REFUSED_IDENTIFIERS.contains(name)) {
            throw new Refused("「" + name + "」不允许 (not available to models)");
        }
        if (allowedBeans.contains(name)) {
            throw new Refused("Bean「" + name + "」只能作为 delegateExpression 整体使用 "
                    + "(an allow-listed bean may only be a delegate expression)");
        }
        // any other name is a process variable; a variable may share a bean's name (decisionDeadline), and the
        // bean itself is out of reach at run time (Camunda's beans setting)
    }

    /** A member used on a name that is a bean outside the allow-list: refused naming the bean. */
    private void refuseOtherBean(Node prefix) {
        if (prefix instanceof AstIdentifier identifier && otherBeans.contains(identifier.getName())) {
            throw new Refused("Bean「" + identifier.getName() + "」不在允许清单内，模型不能调用它 "
                    + "(bean not on the allow-list)");
        }
    }

    private void checkMethod(AstMethod method) {
        Node property = method.getChild(0);
        if (!(property instanceof AstDot dot)) {
            throw new Refused("只能用 a.b() 的形式调用方法 (methods may only be called as a.b())");
        }
        String name = memberName(dot);
        Node prefix = dot.getChild(0);
        if (isContextObject(prefix)) {
            if (!CONTEXT_METHODS.contains(name)) {
                throw new Refused(contextName(prefix) + "." + name + "() 不在允许范围内 (only " + sorted(CONTEXT_METHODS)
                        + ")");
            }
        } else {
            refuseOtherBean(prefix);
            check(prefix);
            if (!VALUE_METHODS.contains(name)) {
                throw new Refused("方法「" + name + "()」不允许，只能用字符串、集合和日期的方法 "
                        + "(only " + sorted(VALUE_METHODS) + ")");
            }
        }
        checkChildren(method.getChild(1));
    }

    /** A property of a variable's value: a Map key or a plain getter, never reflection or the engine. */
    private static void checkValueMember(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("class") || lower.contains("processengine") || lower.contains("service")
                || lower.contains("context") || lower.contains("beanfactory")) {
            throw new Refused("属性「" + name + "」不允许 (property not allowed)");
        }
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }

    private static boolean isContextObject(Node node) {
        return node instanceof AstIdentifier identifier && CONTEXT_OBJECTS.contains(identifier.getName());
    }

    private static String contextName(Node node) {
        return ((AstIdentifier) node).getName();
    }

    /** AstDot keeps its property name to itself; its printed form is ". name". */
    private static String memberName(AstDot dot) {
        String printed = dot.toString();
        return printed.substring(printed.lastIndexOf('.') + 1).trim();
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
