package org.sanlian.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.sanlian.organisation.EnforcementNetworks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the paths it matches (the domain API /api: Cockpit's 案件监督 plugin, the evidence, documents and case-list
 * pages Tasklist links to) accept the Camunda webapps' login: a
 * request without an Authorization header, from a session in which a user signed in to Cockpit, Tasklist or
 * Admin, is that user. A request that changes something must carry the session's CSRF token in X-XSRF-TOKEN,
 * as the webapps send it; otherwise 403. Requests with credentials, and every other path, are left to HTTP
 * Basic as before.
 */
public class WebappSessionAuthentication extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ENGINE = "default";

    private final IdentityService identityService;
    private final RequestMatcher paths;
    private final ProblemSecurityHandlers denied;
    private final TransactionTemplate transaction;
    private final EnforcementNetworks networks;

    WebappSessionAuthentication(IdentityService identityService, RequestMatcher paths,
            ProblemSecurityHandlers denied, PlatformTransactionManager transactions, EnforcementNetworks networks) {
        this.identityService = identityService;
        this.networks = networks;
        this.transaction = new TransactionTemplate(transactions);
        this.paths = paths;
        this.denied = denied;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.matches(request) || request.getHeader("Authorization") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (signedIn == null || !signedIn.hasAuthenticationForProcessEngine(ENGINE)) {
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
            denied.handle(request, response, new AccessDeniedException(
                    "缺少或错误的 X-XSRF-TOKEN (CSRF token required)"));
            return;
        }
        String userId = ((UserAuthentication) signedIn.getAuthenticationForProcessEngine(ENGINE)).getIdentityId();
        // the groups as they are now, as HTTP Basic reads them, not as they were cached at login
        // in one transaction: createGroupQuery() is an engine command of its own before the query runs
        List<SimpleGrantedAuthority> authorities = transaction.execute(
                status -> CamundaIdentityAuthenticationProvider.groupAuthorities(identityService, networks, userId));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
