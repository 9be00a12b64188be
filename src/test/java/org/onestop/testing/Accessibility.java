package org.onestop.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The automated accessibility check of the browser tests: axe-core (from npm, {@code .ci/node_modules}; installed by
 * {@code npm ci --prefix .ci}, which this runs once if it is missing) on the page the browser shows, failing on any
 * serious or critical violation with WCAG 2.1 A and AA rules.
 */
final class Accessibility {

    private static final Path AXE = Path.of(".ci", "node_modules", "axe-core", "axe.min.js");
    private static String script;

    private Accessibility() {
    }

    /** Fails with the rule, its help text and the offending elements if the page has serious or critical violations. */
    @SuppressWarnings("unchecked")
    static void assertNoSeriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeScript());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        List<Map<String, Object>> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("accessibility violations on " + driver.getCurrentUrl() + ":\n" + serious.stream()
                    .map(v -> "  " + v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static synchronized String axeScript() {
        if (script == null) {
            try {
                if (!Files.exists(AXE)) {
                    Process npm = new ProcessBuilder("npm", "ci", "--prefix", ".ci").inheritIO().start();
                    if (npm.waitFor() != 0 || !Files.exists(AXE)) {
                        throw new IllegalStateException("axe-core is missing: run npm ci --prefix .ci");
                    }
                }
                script = Files.readString(AXE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + AXE + ": run npm ci --prefix .ci", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return script;
    }
}
