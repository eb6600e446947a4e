package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Login throttling (issue 15): an attack of wrong passwords slows the attacker's address down, is written to the
 * audit log, and does not keep the real user out from another address. The suite's one application context
 * serves the requests (MockMvc over its security filters), so each request can come from an address of its own.
 */
@DisplayName("login throttling: per source address and per account, sparing the real user (issue 15)")
class LoginThrottleTest extends SanlianSpringTest {

    private static final String USER = "xfhandler1";
    private static final String ATTACKER = "203.0.113.66";
    private static final String OFFICE = "10.20.0.7";

    @Autowired
    private WebApplicationContext context;
    @Autowired
    @Qualifier("springSecurityFilterChain")
    private Filter springSecurity;
    @Autowired
    private FilterRegistrationBean<LoginThrottleFilter> throttleFilter;
    @Autowired
    private LoginThrottle throttle;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private IdentityService identityService;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        throttle.clear();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(throttleFilter.getFilter(), springSecurity)
                .build();
    }

    @AfterEach
    void forget() {
        throttle.clear();
    }

    @Test
    @DisplayName("thirty wrong passwords from one address: that address is held back (429), each refusal is audited, and the user still logs in at once from the office")
    void attackFromOneAddressDoesNotLockTheUserOut() throws Exception {
        assertThat(status(apiCall(USER, DEMO_PASSWORD, OFFICE))).isEqualTo(200);
        long auditedBefore = audited(USER);

        int refused = 0;
        int heldBack = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            int status = status(apiCall(USER, "guess" + attempt, ATTACKER));
            assertThat(status).isIn(401, 429);
            if (status == 401) {
                refused++;
            } else {
                heldBack++;
            }
            // between the attacker's tries the user works on, and is never refused
            assertThat(status(apiCall(USER, DEMO_PASSWORD, OFFICE))).as("user after attempt %d", attempt).isEqualTo(200);
        }
        System.out.printf("login throttle: %d wrong passwords refused (401), %d held back (429)%n", refused, heldBack);
        assertThat(heldBack).isPositive();
        assertThat(audited(USER) - auditedBefore).isEqualTo(refused);

        // the right password from the attacker's address waits too: it is not even checked
        MvcResult held = apiCall(USER, DEMO_PASSWORD, ATTACKER);
        assertThat(held.getResponse().getStatus()).isEqualTo(429);
        assertThat(held.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(held.getResponse().getContentAsString()).contains("login-throttled");
        // Camunda's own per-user delay no longer locks the account after anyone's wrong password
        assertThat(identityService.checkPassword(USER, DEMO_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("the webapps' login form is throttled and audited like HTTP Basic")
    void webappLoginIsThrottled() throws Exception {
        LoginThrottleFilter filter = throttleFilter.getFilter();
        assertThat(webappLogin(filter, DEMO_PASSWORD, OFFICE).getStatus()).isEqualTo(200);
        long auditedBefore = audited(USER);
        int refused = 0;
        int heldBack = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            MockHttpServletResponse response = webappLogin(filter, "guess" + attempt, ATTACKER);
            if (response.getStatus() == 401) {
                refused++;
            } else {
                assertThat(response.getStatus()).isEqualTo(429);
                heldBack++;
            }
        }
        assertThat(refused).isPositive();
        assertThat(heldBack).isPositive();
        assertThat(audited(USER) - auditedBefore).isEqualTo(refused);
        assertThat(jdbc.queryForObject("SELECT channel FROM login_failure WHERE account = ? ORDER BY id DESC LIMIT 1",
                String.class, USER)).isEqualTo(LoginThrottleFilter.WEBAPP);
        assertThat(webappLogin(filter, DEMO_PASSWORD, OFFICE).getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("an attack on one account from many addresses holds a new address back for 3 seconds at most, and an address the user has logged in from not at all")
    void accountHoldIsShort() {
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        LoginThrottle rules = new LoginThrottle(Clock.fixed(start, ZoneOffset.UTC), 5, Duration.ofMinutes(15),
                Duration.ofSeconds(3));
        rules.succeeded(USER, OFFICE);
        for (int i = 0; i < 200; i++) {
            rules.failed(USER, "198.51.100." + (i % 250));
        }
        assertThat(rules.waitBefore(USER, OFFICE)).isZero();
        assertThat(rules.waitBefore(USER, "10.20.0.99")).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(rules.waitBefore("another", "10.20.0.99")).isZero();

        for (int i = 0; i < 20; i++) {
            rules.failed("anyone" + i, ATTACKER);
        }
        assertThat(rules.waitBefore("xfhandler2", ATTACKER)).isEqualTo(Duration.ofMinutes(15));
    }

    private MvcResult apiCall(String user, String password, String address) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get("/api/violations").with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return mvc.perform(request).andReturn();
    }

    /** The webapps' login form, answered as Camunda's login resource does: 401 for a wrong password. */
    private MockHttpServletResponse webappLogin(LoginThrottleFilter filter, String password, String address)
            throws Exception {
        MockHttpServletRequest request = MockMvcRequestBuilders.post("/camunda/api/admin/auth/user/default/login/tasklist")
                .param("username", USER).param("password", password)
                .buildRequest(context.getServletContext());
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(
                identityService.checkPassword(req.getParameter("username"), req.getParameter("password")) ? 200 : 401));
        return response;
    }

    private static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }

    private long audited(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE account = ?", Long.class, account);
    }
}
