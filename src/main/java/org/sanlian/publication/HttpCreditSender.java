package org.sanlian.publication;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * POSTs the redacted record as JSON to the configured endpoint, with the decision number (URL-encoded) as
 * {@code Idempotency-Key} so the platform can drop a repeated delivery; any answer but 2xx is a failure.
 */
@Component
class HttpCreditSender implements CreditSender {

    private final PublicationSettings settings;
    private final HttpClient client;

    HttpCreditSender(PublicationSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.getTimeout()).build();
    }

    @Override
    public void send(String decisionNumber, String payloadJson) throws Exception {
        String endpoint = settings.getCreditEndpoint();
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("未配置信用平台接口地址（sanlian.publication.credit-endpoint）");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.strip()))
                .timeout(settings.getTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", URLEncoder.encode(decisionNumber, StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofString(payloadJson, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException("信用平台返回 HTTP " + response.statusCode()
                    + (body.isBlank() ? "" : "：" + (body.length() > 300 ? body.substring(0, 300) : body)));
        }
    }
}
