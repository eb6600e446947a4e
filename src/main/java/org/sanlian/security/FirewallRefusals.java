package org.sanlian.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Security's firewall refuses a request whose address could be read two ways (a {@code //}, a {@code ;}, an
 * encoded {@code /} or {@code %}, a {@code ..}): before any API sees it. It answered a bare 400; now the same 400 in
 * the Problem Details every other refusal has, naming the request's path. The address itself is not repeated.
 * Tomcat refused an encoded {@code /} ({@code %2F}) itself, with an HTML page, before the firewall saw it: it now
 * passes the address on unchanged, and the firewall refuses it as it refuses the others.
 */
@Configuration
class FirewallRefusals implements RequestRejectedHandler {

    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashReachesTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }

    private static final Logger LOG = LoggerFactory.getLogger(FirewallRefusals.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        LOG.info("refused {} by the firewall: {}", request.getMethod(), rejected.getMessage());
        ProblemDetail problem = Problems.invalidInput(List.of(new FieldViolation("path",
                "请求地址含有不允许的写法（如 //、;、编码的 / 或 %、..），请使用规范的地址 (the address was refused by the firewall)")),
                null);
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.toJson(problem));
    }
}
