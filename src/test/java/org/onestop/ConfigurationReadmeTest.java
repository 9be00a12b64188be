package org.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's "Configuration" is the one place the settings are documented: it lists every {@code onestop.*} key
 * of the settings records (from the metadata spring-boot-configuration-processor writes at compile time), and each
 * default it gives is the one start-up binds when nothing is set.
 */
class ConfigurationReadmeTest {

    /** Keys still read with {@code @Value} (no settings record yet), documented all the same. */
    private static final Set<String> READ_WITHOUT_RECORD = Set.of("onestop.department-check");

    private static final Pattern ROW = Pattern.compile("^\\| `(onestop\\.[a-z0-9.-]+)` \\| (?:`([^`]*)`)?[^|]*\\|.*$");

    @ConfigurationPropertiesScan("org.onestop")
    static class AllSettings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(AllSettings.class);

    @Test
    void theTableListsEverySettingAndNothingElse() throws IOException {
        Set<String> documented = readmeTable().keySet();
        Set<String> declared = new TreeSet<>(metadataKeys());
        declared.addAll(READ_WITHOUT_RECORD);
        assertThat(declared).as("settings the README's Configuration does not list").isSubsetOf(documented);
        assertThat(documented).as("keys in the README's Configuration that no setting has").isSubsetOf(declared);
    }

    @Test
    void eachDefaultInTheTableIsTheOneStartUpBinds() throws IOException {
        List<String> readmeDefaults = readmeTable().entrySet().stream()
                .filter(row -> row.getValue() != null && !READ_WITHOUT_RECORD.contains(row.getKey()))
                .map(row -> row.getKey() + "=" + row.getValue())
                .toList();
        assertThat(readmeDefaults).hasSizeGreaterThan(40);
        startUp.run(unset -> startUp.withPropertyValues(readmeDefaults.toArray(String[]::new)).run(asDocumented -> {
            assertThat(unset).hasNotFailed();
            assertThat(asDocumented).hasNotFailed();
            Map<String, Object> settings = unset.getBeansWithAnnotation(ConfigurationProperties.class);
            assertThat(settings).hasSizeGreaterThan(15);
            SoftAssertions.assertSoftly(softly -> settings.forEach((name, defaults) -> softly.assertThat(asDocumented.getBean(name))
                    .as("%s bound with the README's defaults", defaults.getClass().getSimpleName())
                    .usingRecursiveComparison().usingOverriddenEquals().isEqualTo(defaults)));
        }));
    }

    @Test
    void everySettingWithADefaultInTheCodeHasOneInTheTable() throws IOException {
        Map<String, String> table = readmeTable();
        for (JsonNode property : metadata().path("properties")) {
            if (property.has("defaultValue")) {
                assertThat(table.get(property.path("name").asText()))
                        .as("the README's default of %s (the code's is %s)", property.path("name").asText(), property.path("defaultValue"))
                        .isNotNull();
            }
        }
    }

    /** Each row of the README's "Configuration" table: key, and the default when the table gives one in backquotes. */
    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("README section \"Configuration\"").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : readme.substring(start, end).split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(rows.containsKey(row.group(1))).as("%s listed twice", row.group(1)).isFalse();
                rows.put(row.group(1), row.group(2));
            }
        }
        return rows;
    }

    private static Set<String> metadataKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        metadata().path("properties").forEach(property -> keys.add(property.path("name").asText()));
        keys.removeIf(key -> !key.startsWith("onestop."));
        return keys;
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            return new ObjectMapper().readTree(in);
        }
    }
}
