package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@DisplayName("issue 13 — README's ?lang=en survives the webapps' redirect to the default engine")
class WebappLocaleRedirectTest {

    private final WebappLocaleRedirect redirect = new WebappLocaleRedirect("/camunda");

    @Test
    @DisplayName("/camunda/app/tasklist/?lang=en goes to /camunda/app/tasklist/default/?lang=en")
    void queryIsKept() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/app/tasklist/");
        request.setQueryString("lang=en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        redirect.doFilter(request, response, chain);

        assertThat(response.getRedirectedUrl()).isEqualTo("/camunda/app/tasklist/default/?lang=en");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    @DisplayName("without a query, and on the engine's own pages, Camunda answers as before")
    void otherRequestsPass() throws Exception {
        for (String[] call : new String[][] {{"/camunda/app/cockpit/", null}, {"/camunda/app/tasklist/default/", "lang=en"}}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", call[0]);
            request.setQueryString(call[1]);
            MockFilterChain chain = new MockFilterChain();
            redirect.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(call[0]).isNotNull();
        }
    }
}
