package org.sanlian.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves a start form (GET …/process-definition/…/deployed-start-form) with the options its selects name by
 * {@code valuesKey} filled in for the caller: Tasklist reads a task form's {@code valuesKey} from the task's
 * variables but gives a start form none. The deployed form stays as the analyst saved it; the step's rule still
 * refuses a value that was not offered.
 */
@Component
public class StartFormOptions {

    private static final Pattern DEPLOYED_START_FORM =
            Pattern.compile("^/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/deployed-start-form$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, FormOptions> byValuesKey;

    public StartFormOptions(List<FormOptions> options) {
        this.byValuesKey = options.stream().collect(Collectors.toMap(FormOptions::valuesKey, Function.identity()));
    }

    /** Whether the engine API call (path below /engine-rest or the webapps' engine) fetches a start form. */
    public static boolean servesStartForm(String method, String enginePath) {
        return "GET".equals(method) && DEPLOYED_START_FORM.matcher(enginePath).matches();
    }

    /** Lets the engine answer, then fills the options the caller is offered into the form it answered. */
    public void serve(String userId, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        byte[] body = answer.getContentAsByteArray();
        if (answer.getStatus() != HttpServletResponse.SC_OK || body.length == 0) {
            answer.copyBodyToResponse();
            return;
        }
        JsonNode form = JSON.readTree(body);
        fill(form.path("components"), userId);
        answer.resetBuffer();
        byte[] filled = JSON.writeValueAsString(form).getBytes(StandardCharsets.UTF_8);
        answer.getOutputStream().write(filled);
        answer.copyBodyToResponse();
    }

    /** Replaces each known {@code valuesKey} by the options it names, for this user. */
    JsonNode fill(JsonNode components, String userId) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                fill(component.path("components"), userId);
            }
            FormOptions options = byValuesKey.get(component.path("valuesKey").asText(""));
            if (options != null && component instanceof ObjectNode select) {
                ArrayNode values = select.putArray("values");
                options.offeredTo(userId).forEach(option ->
                        values.addObject().put("label", option.label()).put("value", option.value()));
                select.remove("valuesKey");
            }
        }
        return components;
    }
}
