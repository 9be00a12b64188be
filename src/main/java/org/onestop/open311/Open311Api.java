package org.onestop.open311;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.city.SiteUrls;
import org.onestop.web.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}: discovery, services, a service's definition, POST and GET requests, in
 * XML or JSON by the resource's extension. Errors are the specification's documents, never problem+json.
 */
@RestController
@RequestMapping("/open311")
class Open311Api {

    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([^\\[\\]]{1,64})\\](\\[\\])?$");
    private static final int MAX_PARAMETERS = 100;
    private static final int MAX_LIST_VALUES = 50;
    /** Longest value of each parameter we read; anything longer is a 400 that says so. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry("api_key", ApiKeyService.MAX_KEY_LENGTH), Map.entry("jurisdiction_id", 100),
            Map.entry("service_code", 64), Map.entry("lat", 32), Map.entry("long", 32),
            Map.entry("address_string", 300), Map.entry("address_id", 64), Map.entry("email", 254),
            Map.entry("device_id", 128), Map.entry("account_id", 128), Map.entry("first_name", 100),
            Map.entry("last_name", 100), Map.entry("phone", 40), Map.entry("description", 4000),
            Map.entry("media_url", 1000), Map.entry("service_request_id", 2500), Map.entry("status", 20),
            Map.entry("start_date", 40), Map.entry("end_date", 40), Map.entry("updated_after", 40),
            Map.entry("updated_before", 40), Map.entry("page", 10), Map.entry("page_size", 10),
            Map.entry("extensions", 5), Map.entry("duplicate_policy", 10));

    private final Open311Service open311;
    private final Open311Catalogue services;
    private final ApiKeyService apiKeys;
    private final Open311Properties properties;
    private final String baseUrl;

    Open311Api(Open311Service open311, Open311Catalogue services, ApiKeyService apiKeys, Open311Properties properties,
               SiteUrls urls) {
        this.open311 = open311;
        this.services = services;
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.baseUrl = urls.baseUrl();
    }

    // ---------------------------------------------------------------- discovery and services

    @GetMapping({"/{file:discovery(?:\\.\\w+)?}", "/v2/{file:discovery(?:\\.\\w+)?}"})
    ResponseEntity<String> discovery(@PathVariable String file, HttpServletRequest request) {
        Format format = Format.parse(file).format();
        parameters(request);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", baseUrl + "/open311/v2");
        endpoint.put("changeset", open311.w3c(properties.changeset().toInstant()));
        endpoint.put("type", properties.type());
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("changeset", open311.w3c(properties.changeset().toInstant()));
        doc.put("contact", properties.contact());
        doc.put("key_service", properties.keyService());
        doc.put("endpoints", List.of(endpoint));
        return ok(format, format.object("discovery", doc));
    }

    @GetMapping("/v2/{file:services(?:\\.\\w+)?}")
    ResponseEntity<String> services(@PathVariable String file, HttpServletRequest request) {
        Format format = Format.parse(file).format();
        Params p = parameters(request);
        jurisdiction(p);
        Locale locale = language(p, request);
        return ok(format, locale, format.list("services", "service",
                services.services().stream().map(s -> services.summary(s, locale)).toList()));
    }

    @GetMapping("/v2/services/{file}")
    ResponseEntity<String> definition(@PathVariable String file, HttpServletRequest request) {
        Format.Resource resource = Format.parse(file);
        Params p = parameters(request);
        jurisdiction(p);
        Locale locale = language(p, request);
        return ok(resource.format(), locale, resource.format().object("service_definition",
                services.definition(services.service(resource.name()), locale)));
    }

    // ---------------------------------------------------------------- requests

    @PostMapping("/v2/{file:requests(?:\\.\\w+)?}")
    ResponseEntity<String> post(@PathVariable String file, HttpServletRequest request) {
        Format format = Format.parse(file).format();
        if (request.getContentLengthLong() > properties.maxBodyBytes()) {
            throw Open311Exception.badRequest("the request body is larger than the limit of " + properties.maxBodyBytes() + " bytes");
        }
        Params p = parameters(request);
        ApiKey key = apiKeys.authenticate(p.one("api_key"))
                .orElseThrow(() -> new Open311Exception(403, p.one("api_key") == null ? "api_key was not provided"
                        : "api_key is not valid or has been revoked"));
        jurisdiction(p);
        String serviceCode = p.one("service_code");
        if (serviceCode == null) {
            throw Open311Exception.badRequest("service_code was not provided");
        }
        List<String> errors = new ArrayList<>();
        Double lat = coordinate(p, "lat", errors);
        Double lon = coordinate(p, "long", errors);
        String mediaUrl = p.one("media_url");
        if (mediaUrl != null && !isWebUrl(mediaUrl)) {
            errors.add("media_url must be an http or https URL");
        }
        Map<String, Object> attributes = attributes(p, errors);
        boolean joinExisting = duplicatePolicy(p, errors);
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        Open311Service.Submitted submitted = open311.submit(new Open311Service.Submission(serviceCode, lat, lon,
                p.one("address_string"), p.one("address_id"), p.one("email"), p.one("device_id"), p.one("account_id"),
                p.one("first_name"), p.one("last_name"), p.one("phone"), p.one("description"), mediaUrl, attributes,
                joinExisting), key, language(p, request));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service_request_id", submitted.request().getReference());
        doc.put("service_notice", submitted.serviceNotice());
        doc.put("account_id", submitted.accountId());
        // An extension beside the specification's fields, only when there is something near: clients that do not know
        // it read the same three fields as ever.
        if (!submitted.nearby().isEmpty()) {
            Map<String, Object> extended = new LinkedHashMap<>();
            extended.put("existing_request", submitted.existing());
            extended.put("nearby_requests", submitted.nearby());
            doc.put("extended_attributes", extended);
        }
        if (submitted.existing()) {
            log.info("Open311: {} added a reporter to an open request ({})", key.getAppName(), serviceCode);
        } else {
            log.info("Open311: {} posted {} ({})", key.getAppName(), submitted.request().getReference(), serviceCode);
        }
        return ResponseEntity.ok().contentType(format.mediaType()).header(HttpHeaders.CONTENT_LANGUAGE, language(p, request).getLanguage())
                .location(URI.create(baseUrl + "/open311/v2/requests/" + submitted.request().getReference() + "."
                        + format.name().toLowerCase(java.util.Locale.ROOT)))
                .body(format.list("service_requests", "request", List.of(doc)));
    }

    @GetMapping("/v2/{file:requests(?:\\.\\w+)?}")
    ResponseEntity<String> list(@PathVariable String file, HttpServletRequest request) {
        Format format = Format.parse(file).format();
        Params p = parameters(request);
        optionalKey(p);
        jurisdiction(p);
        List<String> errors = new ArrayList<>();
        List<String> ids = p.list("service_request_id");
        if (ids.size() > Open311Service.MAX_IDS) {
            errors.add("service_request_id may list at most " + Open311Service.MAX_IDS + " requests");
        }
        List<Boolean> open = new ArrayList<>();
        for (String status : p.list("status")) {
            switch (status.toLowerCase(java.util.Locale.ROOT)) {
                case "open" -> open.add(true);
                case "closed" -> open.add(false);
                default -> errors.add("status must be open or closed");
            }
        }
        Instant start = dateTime(p, "start_date", errors);
        Instant end = dateTime(p, "end_date", errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add("end_date must not be before start_date");
            } else if (Duration.between(start, end).compareTo(Open311Service.DEFAULT_SPAN) > 0) {
                errors.add("start_date and end_date may not span more than 90 days");
            }
        }
        Instant updatedAfter = dateTime(p, "updated_after", errors);
        Instant updatedBefore = dateTime(p, "updated_before", errors);
        int page = number(p, "page", 1, 1, 100_000, errors);
        int pageSize = number(p, "page_size", Open311Service.MAX_RESULTS, 1, Open311Service.MAX_RESULTS, errors);
        boolean extensions = extensions(p, errors);
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        Open311Service.Query query = new Open311Service.Query(ids, p.list("service_code"), start, end, open,
                updatedAfter, updatedBefore, page, pageSize);
        Locale locale = language(p, request);
        return ok(format, locale, format.list("service_requests", "request", open311.search(query, extensions, locale)));
    }

    @GetMapping("/v2/requests/{file}")
    ResponseEntity<String> one(@PathVariable String file, HttpServletRequest request) {
        Format.Resource resource = Format.parse(file);
        Params p = parameters(request);
        optionalKey(p);
        jurisdiction(p);
        List<String> errors = new ArrayList<>();
        boolean extensions = extensions(p, errors);
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        if (resource.name().length() > 24) {
            throw Open311Exception.notFound("service_request_id '" + Format.clip(resource.name()) + "' not found");
        }
        Locale locale = language(p, request);
        return ok(resource.format(), locale, resource.format().list("service_requests", "request",
                List.of(open311.one(resource.name(), extensions, locale))));
    }

    /** Everything else under /open311: the specification's 404 document rather than an HTML page. */
    @RequestMapping("/**")
    ResponseEntity<String> unknown(HttpServletRequest request) {
        throw Open311Exception.notFound("no such resource; see " + baseUrl + "/open311/v2/discovery.xml");
    }

    // ---------------------------------------------------------------- errors

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> error(Open311Exception e, HttpServletRequest request) {
        Format format = Format.ofPath(request.getRequestURI());
        return ResponseEntity.status(e.status()).contentType(format.mediaType()).body(format.errors(e.status(), e.descriptions()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error in the Open311 API", e);
        Format format = Format.ofPath(request.getRequestURI());
        return ResponseEntity.status(500).contentType(format.mediaType())
                .body(format.errors(500, List.of("something went wrong on our side; nothing was saved, please try again")));
    }

    // ---------------------------------------------------------------- parameters

    /** The request's parameters, each at most as long as allowed; the first value of each unless it is a list. */
    record Params(Map<String, String[]> values) {
        String one(String name) {
            String[] v = values.get(name);
            if (v == null || v.length == 0 || v[0] == null || v[0].isBlank()) {
                return null;
            }
            return v[0].strip();
        }

        /** A comma-separated parameter, which may also be repeated. */
        List<String> list(String name) {
            String[] v = values.get(name);
            if (v == null) {
                return List.of();
            }
            return Arrays.stream(v).flatMap(s -> Arrays.stream(s.split(","))).map(String::strip)
                    .filter(s -> !s.isEmpty()).distinct().toList();
        }
    }

    private static Params parameters(HttpServletRequest request) {
        Map<String, String[]> values = request.getParameterMap();
        if (values.size() > MAX_PARAMETERS) {
            throw Open311Exception.badRequest("too many parameters: at most " + MAX_PARAMETERS);
        }
        List<String> errors = new ArrayList<>();
        values.forEach((name, v) -> {
            int max = MAX_LENGTHS.getOrDefault(name, name.startsWith("attribute[") ? org.onestop.catalogue.AnswerValidator.MAX_TEXT : 4000);
            if (name.length() > 80) {
                errors.add("parameter names are at most 80 characters");
            } else if (v.length > MAX_LIST_VALUES) {
                errors.add(name + " may be given at most " + MAX_LIST_VALUES + " times");
            } else if (Arrays.stream(v).anyMatch(s -> s != null && s.length() > max)) {
                errors.add(name + " must be at most " + max + " characters");
            }
        });
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors.stream().distinct().toList());
        }
        return new Params(values);
    }

    /**
     * The language of the answer's texts (service names, descriptions, keywords, groups, attributes, status notes):
     * GeoReport's {@code locale} parameter ({@code fr}, {@code fr_CA}, {@code fr-CA} → French; any other → English),
     * else the client's Accept-Language (the first of English or French it lists), else English.
     */
    static Locale language(Params p, HttpServletRequest request) {
        String asked = p.one("locale");
        if (asked != null) {
            Locale locale = Languages.supported(asked);
            return locale == null ? Languages.ENGLISH : locale;
        }
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                Locale supported = Languages.supported(locale.toLanguageTag());
                if (supported != null) {
                    return supported;
                }
            }
        }
        return Languages.ENGLISH;
    }

    private void jurisdiction(Params p) {
        String jurisdiction = p.one("jurisdiction_id");
        if (jurisdiction != null && !jurisdiction.equalsIgnoreCase(properties.jurisdictionId())) {
            throw Open311Exception.notFound("jurisdiction_id '" + Format.clip(jurisdiction) + "' not found; this endpoint serves "
                    + properties.jurisdictionId());
        }
    }

    /** GET needs no key, but a key that is given must be valid. */
    private void optionalKey(Params p) {
        String key = p.one("api_key");
        if (key != null && apiKeys.authenticate(key).isEmpty()) {
            throw new Open311Exception(403, "api_key is not valid or has been revoked");
        }
    }

    private static Double coordinate(Params p, String name, List<String> errors) {
        String value = p.one(name);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            double limit = name.equals("lat") ? 90 : 180;
            if (Double.isNaN(d) || d < -limit || d > limit) {
                errors.add(name + " must be between -" + (int) limit + " and " + (int) limit);
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(name + " must be a number (WGS84 decimal degrees)");
            return null;
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** attribute[code]=value and, for a multivaluelist, repeated attribute[code][]=value. */
    private static Map<String, Object> attributes(Params p, List<String> errors) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> entry : p.values().entrySet()) {
            if (!entry.getKey().startsWith("attribute")) {
                continue;
            }
            Matcher m = ATTRIBUTE.matcher(entry.getKey());
            if (!m.matches()) {
                errors.add("'" + Format.clip(entry.getKey()) + "' is not an attribute parameter: use attribute[code] or attribute[code][]");
                continue;
            }
            String code = m.group(1);
            List<String> values = Arrays.stream(entry.getValue()).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (m.group(2) != null) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) answers.computeIfAbsent(code, k -> new ArrayList<String>());
                list.addAll(values);
            } else if (values.size() > 1) {
                errors.add("attribute[" + code + "] takes one value; send a list as attribute[" + code + "][]");
            } else if (!values.isEmpty()) {
                if (answers.get(code) instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<String> strings = (List<String>) list;
                    strings.add(values.get(0));
                } else {
                    answers.put(code, values.get(0));
                }
            }
        }
        return answers;
    }

    private static Instant dateTime(Params p, String name, List<String> errors) {
        String value = p.one(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(name + " must be a date and time with its offset, e.g. 2026-11-01T00:00:00-05:00 or 2026-11-01T05:00:00Z");
            return null;
        }
    }

    private static int number(Params p, String name, int otherwise, int min, int max, List<String> errors) {
        String value = p.one(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                errors.add(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(name + " must be a whole number");
            return otherwise;
        }
    }

    /** {@code duplicate_policy}: {@code new} (the default) opens a request whatever is near; {@code existing} joins one. */
    private static boolean duplicatePolicy(Params p, List<String> errors) {
        String value = p.one("duplicate_policy");
        if (value == null || value.equalsIgnoreCase("new")) {
            return false;
        }
        if (value.equalsIgnoreCase("existing")) {
            return true;
        }
        errors.add("duplicate_policy must be new or existing");
        return false;
    }

    private static boolean extensions(Params p, List<String> errors) {
        String value = p.one("extensions");
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        errors.add("extensions must be true or false");
        return false;
    }

    private static ResponseEntity<String> ok(Format format, String body) {
        return ResponseEntity.ok().contentType(format.mediaType()).body(body);
    }

    /** An answer whose texts are in a language: says which (Content-Language), and varies with Accept-Language. */
    private static ResponseEntity<String> ok(Format format, Locale locale, String body) {
        return ResponseEntity.ok().contentType(format.mediaType()).header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).body(body);
    }
}
