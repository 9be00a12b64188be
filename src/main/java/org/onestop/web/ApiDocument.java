package org.onestop.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.onestop.city.SiteUrls;
import org.onestop.shared.ApiAccess;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The staff API's OpenAPI 3 document ({@code springdoc.api-docs.path}, {@code /api/openapi}), generated from the
 * controllers by springdoc and completed here, in one place rather than on every method:
 * <ul>
 * <li>HTTP Basic, required by every operation (the document is served behind the same login);</li>
 * <li>each operation's access rule from its {@link ApiAccess}, in its description and as {@code x-onestop-access};</li>
 * <li>the problem documents (RFC 9457, {@link ApiErrors} and the filters' short answers) each operation can really
 * get, described once as the {@code Problem} schema and shared responses.</li>
 * </ul>
 * {@code OpenApiContractTest} proves the document valid and complete.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String BASIC = "basicAuth";
    static final String ACCESS_EXTENSION = "x-onestop-access";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI staffApi(SiteUrls urls) {
        String version = ApiDocument.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("OneStop staff API").version(version == null ? "development" : version)
                        .description("""
                                The staff API of OneStop, the city's 311 case management. Every operation needs a OneStop \
                                user's login (HTTP Basic) and keeps no session.

                                **Errors** are RFC 9457 problem documents (`application/problem+json`, schema `Problem`); \
                                a 400 lists every bad field in `errors`. A client's mistake is never a 500. An `Accept` \
                                the API cannot produce gets 406, a problem document naming the types it can answer.

                                **Access**: each operation says who may call it and what the case-access policy narrows, \
                                in its description and in `x-onestop-access`; the README's access matrix holds the \
                                whole rule. A case out of the caller's reach is a 404, as if it did not exist.

                                Open311 GeoReport v2 (`/open311/v2`) is a separate public API with its own published \
                                specification and is not described here."""))
                .servers(List.of(new Server().url(urls.baseUrl()).description("this OneStop")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a OneStop user name and password"))
                        .addSchemas("Problem", problemSchema())
                        .addSchemas("FieldError", fieldErrorSchema())
                        .responses(sharedResponses()));
    }

    /** The operation's access rule, from the {@link ApiAccess} on its controller method. */
    @Bean
    OperationCustomizer accessRules() {
        return (operation, handler) -> {
            ApiAccess access = handler.getMethodAnnotation(ApiAccess.class);
            if (access != null) {
                describeAccess(operation, access.who(), access.narrowedBy(), access.forbidden());
            }
            return operation;
        };
    }

    /**
     * The problem responses, by what each operation takes (parameters, a body, a path variable) and its access rule;
     * and the document's own operations, which springdoc leaves out.
     */
    @Bean
    OpenApiCustomizer problemResponses(SpringDocConfigProperties springdoc) {
        return openApi -> {
            String path = springdoc.getApiDocs().getPath();
            openApi.path(path, new PathItem().get(ownOperation("openApiDocument", "This document (JSON)",
                    "application/json")));
            openApi.path(path + ".yaml", new PathItem().get(ownOperation("openApiDocumentYaml", "This document (YAML)",
                    "application/vnd.oai.openapi")));
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(ApiDocument::addProblems));
        };
    }

    private static Operation ownOperation(String id, String summary, String mediaType) {
        Operation operation = new Operation().operationId(id).summary(summary).addTagsItem("OpenAPI")
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                        .content(new Content().addMediaType(mediaType, new MediaType().schema(new ObjectSchema())))));
        describeAccess(operation, "any staff member", "nothing", "");
        return operation;
    }

    private static void describeAccess(Operation operation, String who, String narrowedBy, String forbidden) {
        Map<String, String> rule = new LinkedHashMap<>();
        rule.put("who", who);
        StringBuilder text = new StringBuilder();
        if (operation.getDescription() != null && !operation.getDescription().isBlank()) {
            text.append(operation.getDescription()).append("\n\n");
        }
        text.append("**Who may call it:** ").append(who).append('.');
        if (!narrowedBy.isBlank()) {
            rule.put("narrowedBy", narrowedBy);
            text.append("\n\n**What the access policy narrows:** ").append(narrowedBy).append('.');
        }
        if (!forbidden.isBlank()) {
            rule.put("forbidden", forbidden);
            text.append("\n\n**403 when:** ").append(forbidden).append('.');
        }
        operation.description(text.toString()).addExtension(ACCESS_EXTENSION, rule);
    }

    private static void addProblems(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean pathVariable = parameters && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        if (parameters || body) {
            responses.addApiResponse("400", ref("InvalidRequest"));
        }
        responses.addApiResponse("401", ref("Unauthorized"));
        if (operation.getExtensions() != null && operation.getExtensions().get(ACCESS_EXTENSION) instanceof Map<?, ?> rule
                && rule.get("forbidden") instanceof String when) {
            responses.addApiResponse("403", problem("Forbidden: " + when + ". (A record out of the caller's reach is a 404.)"));
        }
        if (pathVariable) {
            responses.addApiResponse("404", ref("NotFound"));
        }
        if (body && pathVariable) {
            responses.addApiResponse("409", ref("Conflict"));
        }
        if (body) {
            responses.addApiResponse("415", ref("UnsupportedMediaType"));
        }
        responses.addApiResponse("429", ref("TooManyRequests"));
        responses.addApiResponse("500", ref("ServerError"));
        responses.addApiResponse("503", ref("ServiceUnavailable"));
        operation.responses(responses);
    }

    private static ApiResponse ref(String name) {
        return new ApiResponse().$ref("#/components/responses/" + name);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(PROBLEM)).example(example)));
    }

    private static Map<String, ApiResponse> sharedResponses() {
        Header retryAfter = new Header().description("seconds to wait before trying again")
                .schema(new IntegerSchema());
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put("InvalidRequest", problem("Invalid request: a parameter, path variable or body field is missing, "
                + "malformed or out of range; `errors` names each. A body larger than `onestop.api.max-body-bytes` is "
                + "refused the same way (400, field `body`), never 413.", example("Invalid request", 400,
                "latitude: must be between -90 and 90",
                List.of(Map.of("field", "latitude", "message", "must be between -90 and 90")))));
        responses.put("Unauthorized", problem("Unauthorized: no credentials, or a user name and password that did not "
                + "log in (HTTP Basic).", example("Unauthorized", 401,
                "log in with your OneStop user name and password (HTTP Basic)", null))
                .addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"OneStop\"").schema(new StringSchema())));
        responses.put("NotFound", problem("Not found: nothing with that identifier, or a case out of the caller's reach "
                + "(answered the same, so nobody learns that it exists)."));
        responses.put("Conflict", problem("Conflict: the case changed at the same moment (another member of staff, or "
                + "its process); nothing was saved. Read it again and retry."));
        responses.put("UnsupportedMediaType", problem("Unsupported media type: send the body as `application/json`."));
        responses.put("TooManyRequests", problem("Too many requests: too many failed logins from the client's address "
                + "(`onestop.rate-limit.failed-logins-per-address` a window), refused before the password is checked; or, "
                + "where the city lists `/api` paths in `onestop.rate-limit.paths`, too many requests.")
                .addHeaderObject("Retry-After", retryAfter));
        responses.put("ServerError", problem("Server error: a fault on OneStop's side (logged); nothing was saved."));
        responses.put("ServiceUnavailable", problem("Service unavailable: OneStop cannot reach its database for the "
                + "moment; nothing was saved.").addHeaderObject("Retry-After", retryAfter));
        return responses;
    }

    private static Map<String, Object> example(String title, int status, String detail, List<?> errors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (errors != null) {
            example.put("errors", errors);
        }
        return example;
    }

    /** The problem document as {@link ApiErrors} and the filters write it (RFC 9457). */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem document. Members beyond these may appear and are to be ignored.")
                .addRequiredItem("title").addRequiredItem("status")
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank")
                        .description("the problem type: `about:blank` today, so the status and title say what happened"))
                .addProperty("title", new StringSchema().description("short, the same for every problem of this kind")
                        .example("Invalid request"))
                .addProperty("status", new IntegerSchema().description("the HTTP status code").example(400))
                .addProperty("detail", new StringSchema().description("what went wrong this time, for a person")
                        .example("latitude: must be between -90 and 90"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("the request path the problem occurred on (answers of the API's controllers)"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("400 Invalid request only: every bad field, parameter or path variable"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema().description("One bad field of an invalid request.")
                .addRequiredItem("field").addRequiredItem("message")
                .addProperty("field", new StringSchema().description("the body field (nested fields dotted, list items "
                        + "as [n]), query parameter or path variable; `body` for the body as a whole").example("latitude"))
                .addProperty("message", new StringSchema().description("what is wrong with it").example("must be between -90 and 90"));
    }
}
