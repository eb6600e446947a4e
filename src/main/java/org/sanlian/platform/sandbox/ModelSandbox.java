package org.sanlian.platform.sandbox;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads the BPMN and DMN files of a deployment before the engine parses them and lists what the sandbox refuses:
 * scripts of any kind, Java classes named in the model, CMMN, and every expression that reaches beyond
 * {@link ExpressionRules}. Each finding names the file, the element id and the expression.
 */
final class ModelSandbox {

    private static final Set<String> BPMN_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml");
    private static final Set<String> DMN_SUFFIXES = Set.of(".dmn", ".dmn11.xml");
    private static final Set<String> CMMN_SUFFIXES = Set.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml");

    /** Subtrees that are never evaluated: documentation, annotations, diagram layout, fixed strings, properties. */
    private static final Set<String> BPMN_INERT = Set.of("documentation", "text", "BPMNDiagram", "string",
            "properties");

    /** Elements that run a script or call out of the engine. */
    private static final Set<String> BPMN_REFUSED_ELEMENTS = Set.of("scriptTask", "script", "connector");

    /** The attributes whose expression names the object that runs a step: an allow-listed bean may stand alone. */
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
            "delegateVariableMappingExpression");

    /** DMN elements whose text the DMN engine evaluates. */
    private static final Set<String> DMN_EXPRESSIONS = Set.of("inputExpression", "inputEntry", "outputEntry",
            "literalExpression", "defaultOutputEntry");

    private static final Pattern FEEL_EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\b");

    private final ExpressionRules rules;

    public ModelSandbox(ExpressionRules rules) {
        this.rules = rules;
    }

    public List<ModelViolation> check(String resource, byte[] content) {
        String lower = resource.toLowerCase(Locale.ROOT);
        List<ModelViolation> violations = new ArrayList<>();
        if (CMMN_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            violations.add(new ModelViolation(resource, "-", resource,
                    "不支持 CMMN 模型 (CMMN models are not deployable here)"));
            return violations;
        }
        boolean bpmn = BPMN_SUFFIXES.stream().anyMatch(lower::endsWith);
        boolean dmn = DMN_SUFFIXES.stream().anyMatch(lower::endsWith);
        if (!bpmn && !dmn) {
            return violations;
        }
        Optional<Document> document = parse(content);
        if (document.isEmpty()) {
            return violations;
        }
        Element root = document.get().getDocumentElement();
        if (bpmn) {
            checkBpmn(resource, root, violations);
        } else {
            checkDmn(resource, root, attribute(root, "expressionLanguage"), violations);
        }
        return violations;
    }

    private void checkBpmn(String resource, Element element, List<ModelViolation> violations) {
        String name = element.getLocalName();
        if (BPMN_INERT.contains(name)) {
            return;
        }
        if (BPMN_REFUSED_ELEMENTS.contains(name)) {
            violations.add(new ModelViolation(resource, elementId(element), "<" + element.getTagName() + ">",
                    "不允许脚本或连接器 (scripts and connectors are switched off)"));
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            if (attributeName.equals("class") || attributeName.endsWith("Class")) {
                violations.add(new ModelViolation(resource, elementId(element),
                        attribute.getName() + "=\"" + attribute.getValue() + "\"",
                        "不允许在模型中指定 Java 类，请使用 delegateExpression 引用允许清单内的 Bean "
                                + "(Java classes are refused; use a delegate expression of an allow-listed bean)"));
            } else if (attributeName.equals("resource") || attributeName.equals("scriptFormat")
                    || attributeName.equals("language")) {
                violations.add(new ModelViolation(resource, elementId(element),
                        attribute.getName() + "=\"" + attribute.getValue() + "\"",
                        "不允许脚本 (scripts are switched off)"));
            } else if (ExpressionRules.isExpression(attribute.getValue())) {
                checkExpression(resource, element, attribute.getValue(), DELEGATE_ATTRIBUTES.contains(attributeName),
                        violations);
            }
        }
        String text = ownText(element);
        if (ExpressionRules.isExpression(text)) {
            checkExpression(resource, element, text, false, violations);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                checkBpmn(resource, childElement, violations);
            }
        }
    }

    private void checkDmn(String resource, Element element, String language, List<ModelViolation> violations) {
        if (DMN_EXPRESSIONS.contains(element.getLocalName())) {
            String own = attribute(element, "expressionLanguage");
            String effective = own != null ? own : language;
            String text = childText(element, "text");
            if (text != null && !text.isBlank()) {
                checkDmnExpression(resource, element, effective, text.trim(), violations);
            }
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                checkDmn(resource, childElement, language, violations);
            }
        }
    }

    private void checkDmnExpression(String resource, Element element, String language, String text,
            List<ModelViolation> violations) {
        String normalised = language == null ? null : language.trim().toLowerCase(Locale.ROOT);
        if (normalised == null || isFeel(normalised)) {
            if (FEEL_EXTERNAL_FUNCTION.matcher(text).find()) {
                violations.add(new ModelViolation(resource, elementId(element), text,
                        "FEEL 不允许调用外部 Java 函数 (FEEL external functions are refused)"));
            } else if (ExpressionRules.isExpression(text)) {
                checkExpression(resource, element, text, false, violations);
            }
        } else if (normalised.equals("juel")) {
            checkExpression(resource, element, text, false, violations);
        } else {
            violations.add(new ModelViolation(resource, elementId(element), text,
                    "不允许表达式语言「" + language + "」，只能用 FEEL 或受限的 JUEL "
                            + "(only FEEL or sandboxed JUEL; scripts are switched off)"));
        }
    }

    private static boolean isFeel(String language) {
        return language.equals("feel") || language.equals("feel-scala") || language.contains("/feel");
    }

    private void checkExpression(String resource, Element element, String expression, boolean delegate,
            List<ModelViolation> violations) {
        rules.refusal(expression, delegate).ifPresent(reason ->
                violations.add(new ModelViolation(resource, elementId(element), expression, reason)));
    }

    /** The id of the element or of its nearest ancestor that has one. */
    private static String elementId(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                return id;
            }
        }
        return element.getLocalName();
    }

    private static String attribute(Element element, String localName) {
        String value = element.getAttribute(localName);
        return value.isEmpty() ? null : value;
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString().trim();
    }

    private static String childText(Element element, String localName) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static Optional<Document> parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(content)));
        } catch (Exception notXml) {
            // the engine's own parser reports a file that is not well-formed, as it always has
            return Optional.empty();
        }
    }
}
