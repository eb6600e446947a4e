package org.sanlian.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks the typed variable values of a call to Camunda's REST API before the engine stores them: a Json or Xml
 * value that does not parse, a serialized Object in Java serialization (or in no text format at all), or a File
 * whose content is not Base64 or whose type is not a media type. The engine would store most of these as they
 * are, and whoever reads the variable later gets an error; so they are refused with 400 naming the variable, on
 * every call that writes variables (set one or many, modify, start, submit, complete, correlate a message, ...).
 *
 * <p>A serialized Object's {@code objectTypeName} must also name only classes the engine may deserialize (its
 * {@code deserializationTypeValidator}: Camunda's defaults, java.lang and a few java.util collections): JSON
 * deserialization builds the named class through its setters, and a class with a harmful setter on the class path
 * would run its code as soon as anyone read the value.
 *
 * <p>The check walks the whole request body: every object with a textual {@code type} and a {@code value} or
 * {@code valueInfo}, under a key, is a variable value named by that key; the body of
 * {@code PUT …/variables/{name}} is itself the value of {@code name}. A submit (task or start form, complete,
 * resolve) takes no transient value: a form's values are the case record.
 */
public final class EngineVariableValues {

    static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";
    private static final Pattern SINGLE_VARIABLE = Pattern.compile(".*/(?:variables|localVariables)/([^/]+)$");
    /** Calls whose variables are a form's values: task and start-form submits, complete, resolve. */
    private static final Pattern FORM_SUBMIT = Pattern.compile(
            "^/(?:task/[^/]+/(?:submit-form|complete|resolve)|process-definition/.+/submit-form)$");
    /**
     * The fields of Camunda's REST bodies that map variable names to typed values ({@code VariableValueDto}): start,
     * submit, complete, resolve and evaluate ({@code variables}), PATCH-style writes ({@code modifications}), messages
     * ({@code processVariables…}, {@code correlationKeys…}), external tasks ({@code localVariables}).
     */
    private static final java.util.Set<String> VARIABLE_MAPS = java.util.Set.of("variables", "modifications",
            "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope", "correlationKeys",
            "localCorrelationKeys", "localVariables");
    static final String NULL_VALUE = "变量须为含 type 和 value 的对象，不能为 null (a variable is an object with its "
            + "type and value, not null)";
    static final String TRANSIENT = "表单的值即案件记录，不接受临时 (transient) 变量 "
            + "(a form's values are the case record: transient values are not accepted)";
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EngineVariableValues() {
    }

    /**
     * The broken variables of a request body sent to {@code enginePath} (e.g. {@code /task/1/complete});
     * {@code deserializable} says whether the engine may build objects of a class (by its name).
     */
    public static List<FieldViolation> check(String enginePath, JsonNode body, Predicate<String> deserializable) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body == null) {
            return violations;
        }
        Matcher single = SINGLE_VARIABLE.matcher(enginePath);
        if (single.matches() && body.isNull()) {
            // Camunda's resource takes a JSON null for "no body" and fails on it with a NullPointerException (a 500)
            violations.add(new FieldViolation(URLDecoder.decode(single.group(1), StandardCharsets.UTF_8), NULL_VALUE));
            return violations;
        }
        if (single.matches() && isTypedValue(body)) {
            checkValue(URLDecoder.decode(single.group(1), StandardCharsets.UTF_8), body, violations, deserializable);
            return violations;
        }
        walk(body, violations, 0, deserializable);
        if (FORM_SUBMIT.matcher(enginePath).matches()) {
            transientValues(body.path("variables"), violations);
        }
        return violations;
    }

    /**
     * A transient value would not be stored, and the step's rule, writing the same name as it records the case,
     * would fail inside the engine (ENGINE-17006): refused, naming the variable.
     */
    private static void transientValues(JsonNode variables, List<FieldViolation> violations) {
        if (!variables.isObject()) {
            return;
        }
        variables.fields().forEachRemaining(variable -> {
            JsonNode flag = variable.getValue().path("valueInfo").path("transient");
            if (flag.asBoolean(false) || "true".equalsIgnoreCase(flag.asText())) {
                violations.add(new FieldViolation(variable.getKey(), TRANSIENT));
            }
        });
    }

    private static void walk(JsonNode node, List<FieldViolation> violations, int depth,
            Predicate<String> deserializable) {
        if (depth > 20) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> walk(element, violations, depth + 1, deserializable));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode child = field.getValue();
            if (VARIABLE_MAPS.contains(field.getKey()) && child.isObject()) {
                // a null in a map of typed values is not a value without type: Camunda's VariableValueDto.toMap
                // dereferences it and the call failed with a 500 (a NullPointerException), on every such write
                child.fields().forEachRemaining(variable -> {
                    if (variable.getValue().isNull()) {
                        violations.add(new FieldViolation(variable.getKey(), NULL_VALUE));
                    }
                });
            }
            if (isTypedValue(child)) {
                checkValue(field.getKey(), child, violations, deserializable);
            } else if (child.isContainerNode()) {
                walk(child, violations, depth + 1, deserializable);
            }
        }
    }

    private static boolean isTypedValue(JsonNode node) {
        return node.isObject() && node.path("type").isTextual() && (node.has("value") || node.has("valueInfo"));
    }

    private static void checkValue(String name, JsonNode typed, List<FieldViolation> violations,
            Predicate<String> deserializable) {
        JsonNode value = typed.path("value");
        JsonNode info = typed.path("valueInfo");
        String problem = switch (typed.path("type").asText().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> jsonProblem(value);
            case "xml" -> xmlProblem(value);
            case "object" -> objectProblem(value, info, deserializable);
            case "file" -> fileProblem(value, info);
            default -> null;
        };
        if (problem != null) {
            violations.add(new FieldViolation(name, problem));
        }
    }

    private static String jsonProblem(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return "Json 类型的值须为 JSON 文本 (a Json value is JSON text)";
        }
        return parsesAsJson(value.asText()) ? null : "不是有效的 JSON (not valid JSON)";
    }

    private static String xmlProblem(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return "Xml 类型的值须为 XML 文本 (an Xml value is XML text)";
        }
        return parsesAsXml(value.asText()) ? null
                : "不是格式正确的 XML，或含 DOCTYPE (not well-formed XML, or it declares a DOCTYPE)";
    }

    private static String objectProblem(JsonNode value, JsonNode info, Predicate<String> deserializable) {
        String format = info.path("serializationDataFormat").asText("");
        if (JAVA_SERIALIZATION.equals(format)) {
            return "不接受 Java 序列化对象 (Java-serialized objects are refused; use application/json)";
        }
        if (!format.equals("application/json") && !format.equals("application/xml")) {
            return "serializationDataFormat 须为 application/json 或 application/xml (the serialization format "
                    + "must be application/json or application/xml)";
        }
        String typeName = info.path("objectTypeName").asText("");
        if (typeName.isBlank()) {
            return "缺少 objectTypeName (objectTypeName is required)";
        }
        if (!typesExist(typeName)) {
            return "objectTypeName 不是已知的类型 (not a known type)";
        }
        String refused = classNames(typeName).stream().filter(deserializable.negate()).findFirst().orElse(null);
        if (refused != null) {
            return "objectTypeName 中的 " + refused + " 不在允许反序列化的类型之列 (" + refused
                    + " is not a type the engine may deserialize)";
        }
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return "序列化对象的值须为文本 (a serialized object is text)";
        }
        boolean parses = format.equals("application/json") ? parsesAsJson(value.asText()) : parsesAsXml(value.asText());
        return parses ? null : "序列化内容不是有效的 " + (format.endsWith("json") ? "JSON" : "XML")
                + " (the serialized value does not parse)";
    }

    private static String fileProblem(JsonNode value, JsonNode info) {
        if (info.path("filename").asText("").isBlank()) {
            return "缺少文件名 valueInfo.filename (a file needs a filename)";
        }
        String mimeType = info.path("mimeType").asText(info.path("mimetype").asText(""));
        if (!mimeType.isEmpty()) {
            try {
                MimeTypeUtils.parseMimeType(mimeType);
            } catch (InvalidMimeTypeException e) {
                return "mimeType 不是有效的媒体类型 (not a media type)";
            }
        }
        String encoding = info.path("encoding").asText("");
        if (!encoding.isEmpty() && !isCharset(encoding)) {
            return "encoding 不是已知的字符集 (not a known character set)";
        }
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return "文件内容须为 Base64 文本 (file content is Base64 text)";
        }
        try {
            Base64.getDecoder().decode(value.asText());
            return null;
        } catch (IllegalArgumentException e) {
            return "文件内容不是有效的 Base64 (file content is not Base64)";
        }
    }

    /**
     * Every class a type name such as {@code java.util.ArrayList<java.lang.String>} names exists; looked up
     * without initialising it, so naming a class runs none of its code.
     */
    private static boolean typesExist(String typeName) {
        ClassLoader loader = EngineVariableValues.class.getClassLoader();
        for (String name : classNames(typeName)) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    /** The class names in a type name: {@code java.util.ArrayList<java.lang.String>} names two. */
    private static List<String> classNames(String typeName) {
        List<String> names = new ArrayList<>();
        for (String name : typeName.split("[<>,\\s\\[\\]]+")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean parsesAsJson(String text) {
        try {
            STRICT_JSON.readTree(text);
            return !text.isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    /** Well-formed, and no DOCTYPE: a value never needs one, and refusing it keeps out entity expansion. */
    private static boolean parsesAsXml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            builder.parse(new InputSource(new StringReader(text)));
            return true;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return false;
        }
    }
}
