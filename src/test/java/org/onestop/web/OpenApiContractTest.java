package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The staff API's OpenAPI document: served to logged-in staff only, valid, and complete. Every {@code /api} operation
 * Spring MVC serves is in it (and nothing else), each with its access rule and the problem documents it can answer.
 * An endpoint added without documentation fails here.
 */
class OpenApiContractTest extends IntegrationTest {

    private static final String DOCUMENT = "/api/openapi";
    private static final org.springframework.http.MediaType PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentIsForStaffOnly() {
        ResponseEntity<String> anonymous = http.getForEntity(DOCUMENT, String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(PROBLEM_JSON)).isTrue();
        assertThat(anonymous.getBody()).contains("\"status\":401");
        assertThat(http.getForEntity(DOCUMENT + ".yaml", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // Any staff member, whatever their role: a process owner has no right to any case.
        ResponseEntity<String> staff = as(user("oa-owner", "process-owners")).getForEntity(DOCUMENT, String.class);
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(staff.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON)).isTrue();
        assertThat(staff.getBody()).startsWith("{").contains("\"openapi\":\"3.0");
        assertThat(staff.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session").isNull();
        ResponseEntity<String> yaml = as("oa-owner").getForEntity(DOCUMENT + ".yaml", String.class);
        assertThat(yaml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(yaml.getBody()).startsWith("openapi: 3.0");
    }

    /** springdoc's endpoints are the two under /api (behind its login); its default /v3/api-docs is not served. */
    @Test
    void springdocServesNothingOutsideTheApi() {
        Set<String> springdoc = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getName().startsWith("org.springdoc.")) {
                springdoc.addAll(info.getPatternValues());
            }
        });
        assertThat(springdoc).containsExactlyInAnyOrder(DOCUMENT, DOCUMENT + ".yaml");

        String staff = user("oa-agent", "contact-centre");
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html")) {
            // Outside /api a page login is needed (anonymous: redirected to the login page), and there is nothing there.
            assertThat(http.getForObject(path, String.class)).as("anonymous %s", path).doesNotContain("openapi");
            assertThat(as(staff).getForObject(path, String.class)).as("staff %s", path).doesNotContain("openapi");
        }
    }

    @Test
    void theDocumentValidatesAndCoversEveryApiOperation() {
        String json = as(user("oa-agent", "contact-centre")).getForObject(DOCUMENT, String.class);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(parsed.getMessages()).as("the parser's messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.0");

        List<String> wrong = new ArrayList<>();
        Set<String> served = served();
        Set<String> documented = documented(api);
        served.stream().filter(o -> !documented.contains(o)).forEach(o -> wrong.add(o + ": served but not in the document"));
        documented.stream().filter(o -> !served.contains(o)).forEach(o -> wrong.add(o + ": in the document but not served"));

        SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basicAuth");
        assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(basic.getScheme()).isEqualTo("basic");
        assertThat(api.getSecurity()).as("HTTP Basic for every operation").hasSize(1);
        assertThat(api.getSecurity().get(0)).containsOnlyKeys("basicAuth");

        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSecurity() != null) {
                wrong.add(name + ": its own security requirement instead of the document's HTTP Basic");
            }
            if (operation.getOperationId() == null || operation.getSummary() == null) {
                wrong.add(name + ": no operationId or summary");
            }
            if (!(operation.getExtensions() != null && operation.getExtensions().get("x-onestop-access") instanceof Map<?, ?> rule
                    && rule.get("who") instanceof String who && !who.isBlank()
                    && operation.getDescription() != null && operation.getDescription().contains(who))) {
                wrong.add(name + ": no access rule (@ApiAccess on the controller method)");
            }
            Map<String, ApiResponse> problems = new TreeMap<>();
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    problems.put(status, resolve(api, response));
                }
            });
            if (!problems.keySet().containsAll(List.of("401", "429", "503"))) {
                wrong.add(name + ": not every problem any call can get (401, 429, 503): " + problems.keySet());
            }
            problems.forEach((status, response) -> {
                MediaType problem = response.getContent() == null ? null : response.getContent().get("application/problem+json");
                if (problem == null || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref())) {
                    wrong.add(name + ": " + status + " is not a Problem (application/problem+json)");
                }
            });
            if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))
                    && !problems.containsKey("404")) {
                wrong.add(name + ": a path variable but no 404");
            }
            if ((operation.getRequestBody() != null || operation.getParameters() != null) && !problems.containsKey("400")) {
                wrong.add(name + ": takes input but has no 400");
            }
            boolean changesARecord = operation.getRequestBody() != null && operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
            if (changesARecord != problems.containsKey("409")) {
                wrong.add(name + ": a 409 exactly when it changes an existing record (a body and a path variable)");
            }
            if (rule(operation).containsKey("forbidden") != problems.containsKey("403")) {
                wrong.add(name + ": a 403 response exactly when its access rule says when it is forbidden");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    /** The Problem schema is what the API really writes: ApiErrors' 400 with its field messages, and a filter's 401. */
    @Test
    void theProblemSchemaIsWhatTheApiWrites() {
        String json = as(user("oa-agent", "contact-centre")).getForObject(DOCUMENT, String.class);
        OpenAPI api = new OpenAPIV3Parser().readContents(json, null, new ParseOptions()).getOpenAPI();
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        Schema<?> fieldError = api.getComponents().getSchemas().get("FieldError");
        assertThat(problem.getProperties().get("errors").getItems().get$ref()).isEqualTo("#/components/schemas/FieldError");

        ResponseEntity<Map<String, Object>> invalid = postJson(as("oa-agent"), "/api/cases",
                Map.of("serviceCode", "pothole", "channel", "phone", "latitude", 91));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType().isCompatibleWith(PROBLEM_JSON)).isTrue();
        assertThat(problem.getProperties()).containsKeys(invalid.getBody().keySet().toArray(String[]::new));
        assertThat(invalid.getBody()).containsKeys(problem.getRequired().toArray(String[]::new)).containsKey("errors");
        for (Object error : (List<?>) invalid.getBody().get("errors")) {
            assertThat(((Map<?, ?>) error).keySet().stream().map(String::valueOf).toList())
                    .containsExactlyInAnyOrderElementsOf(fieldError.getProperties().keySet());
        }

        ResponseEntity<Map<String, Object>> unauthorized = getJson(http, "/api/cases");
        assertThat(unauthorized.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(problem.getProperties()).containsKeys(unauthorized.getBody().keySet().toArray(String[]::new));
        assertThat(unauthorized.getBody()).containsKeys(problem.getRequired().toArray(String[]::new));

        // A required query parameter left out is the documented 400 naming it (not the catch-all 500).
        ResponseEntity<Map<String, Object>> missing = getJson(as("oa-agent"), "/api/on-call");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors")).isEqualTo(List.of(Map.of("field", "department", "message", "is required")));

        ResponseEntity<Map<String, Object>> notFound = getJson(as("oa-agent"), "/api/cases/SR-1900-000001");
        assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.getProperties()).containsKeys(notFound.getBody().keySet().toArray(String[]::new));
    }

    private static Map<?, ?> rule(Operation operation) {
        return operation.getExtensions() != null && operation.getExtensions().get("x-onestop-access") instanceof Map<?, ?> rule
                ? rule : Map.of();
    }

    private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Every {@code /api} handler method of Spring MVC as "METHOD path". */
    private Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s %s declares its HTTP method", pattern, entry.getValue()).isNotEmpty();
                methods.forEach(m -> served.add(m.name() + " " + pattern));
            }
        }
        return served;
    }

    private static Set<String> documented(OpenAPI api) {
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> documented.add(method.name() + " " + path)));
        return documented;
    }
}
