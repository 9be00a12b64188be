package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code Accept: text/csv} on every GET of the staff API Spring MVC serves (path variables filled with a value that
 * finds nothing, and the same with parameters that are wrong): CSV where the endpoint makes it ({@code /api/kpis}),
 * else a 406 problem document naming what it can answer, or the endpoint's own 400/404 as a problem; never a 500.
 */
class AcceptCsvTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiGetHonoursTextCsvOrAnswers406NeverA500() {
        String admin = user("csv-admin", "camunda-admin");
        Set<String> paths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            info.getPatternValues().stream().filter(p -> p.startsWith("/api/") && get && !p.startsWith("/api/openapi"))
                    .forEach(paths::add);
        });
        assertThat(paths).contains("/api/cases", "/api/kpis", "/api/services");

        List<String> wrong = new ArrayList<>();
        int csv = 0;
        int notAcceptable = 0;
        for (String pattern : paths) {
            String path = pattern.replaceAll("\\{[^}]+}", "SR-0000-000000");
            for (String query : List.of("", "?from=2026-11-01&to=2026-12-01", "?from=yesterday&page=-1&size=x")) {
                ResponseEntity<String> response = as(admin).exchange(path + query, HttpMethod.GET, new HttpEntity<>(csvOnly()), String.class);
                int status = response.getStatusCode().value();
                MediaType type = response.getHeaders().getContentType();
                String what = path + query + ": " + status + " " + type + " " + response.getBody();
                if (status == 200) {
                    if (type == null || !type.isCompatibleWith(MediaType.parseMediaType("text/csv"))) {
                        wrong.add(what + " (200 but not CSV)");
                    }
                    csv++;
                } else if (status == 406) {
                    if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            || !response.getBody().contains("\"acceptable\"")) {
                        wrong.add(what + " (406 without a problem document naming the acceptable types)");
                    }
                    notAcceptable++;
                } else if (status >= 500 || status < 400) {
                    wrong.add(what);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(csv).as("CSV answers (/api/kpis)").isPositive();
        assertThat(notAcceptable).as("406 answers").isPositive();

        ResponseEntity<String> cases = as(admin).exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(csvOnly()), String.class);
        assertThat(cases.getStatusCode().value()).isEqualTo(406);
        assertThat(cases.getBody()).contains("application/json");
    }

    private static HttpHeaders csvOnly() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        return headers;
    }
}
