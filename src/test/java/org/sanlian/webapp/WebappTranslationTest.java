package org.sanlian.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The zh-CN translation of each Camunda 7.24 webapp has every key of the webjar's en.json, and no other. */
class WebappTranslationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    @ParameterizedTest(name = "{0}: zh.json has exactly the keys of the 7.24 en.json, placeholders kept")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void sameKeysAsEnglish(String app) throws IOException {
        JsonNode english = read(BASE + app + "/locales/en.json", "camunda-webapp-webjar");
        JsonNode chinese = read(BASE + app + "/locales/zh.json", "/classes/");
        assertThat(keys("", chinese)).isEqualTo(keys("", english));

        JsonNode englishLabels = english.path("labels");
        JsonNode chineseLabels = chinese.path("labels");
        int translated = 0;
        for (Iterator<String> names = englishLabels.fieldNames(); names.hasNext();) {
            String key = names.next();
            String en = englishLabels.path(key).asText();
            String zh = chineseLabels.path(key).asText();
            assertThat(placeholders(zh)).as(app + " " + key).isEqualTo(placeholders(en));
            if (zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                translated++;
            }
        }
        // product names, symbols and empty plural suffixes stay as they are; everything else is Chinese
        assertThat(translated).isGreaterThan(englishLabels.size() * 9 / 10);
    }

    private static JsonNode read(String resource, String locationHint) throws IOException {
        List<URL> candidates = Collections.list(WebappTranslationTest.class.getClassLoader().getResources(resource));
        URL url = candidates.stream().filter(u -> u.toString().contains(locationHint)).findFirst()
                .orElseThrow(() -> new AssertionError(resource + " not found near " + locationHint + ": " + candidates));
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return JSON.readTree(text);
        }
    }

    private static Set<String> keys(String prefix, JsonNode node) {
        Set<String> keys = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                keys.add(prefix + e.getKey());
                keys.addAll(keys(prefix + e.getKey() + ".", e.getValue()));
            });
        }
        return keys;
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replace(" ", ""));
        }
        Collections.sort(found);
        return found;
    }
}
