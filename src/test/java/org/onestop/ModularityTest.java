package org.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * The features keep to their boundaries (Spring Modulith: each package under org.onestop is a module, its public types
 * are its API), and the module documentation is written from the same model. A package's {@code package-info.java}
 * may narrow whom it may depend on ({@code @ApplicationModule(allowedDependencies = …)}); {@code shared} is a shared
 * module that every module may use ({@code @Modulithic} on {@link OneStopApplication}).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OneStopApplication.class);

    /**
     * Repositories of the cases feature that other features still use, each as "user -> repository". The cases feature
     * is to offer what they need as methods of its API; then the line goes (the test fails on a line no longer needed).
     */
    static final Set<String> NOT_YET_BEHIND_AN_API = Set.of();

    /** No cycles between modules, only their public types used, and each module's declared allowed dependencies kept. */
    @Test
    void featuresKeepToTheirBoundaries() {
        MODULES.verify();
    }

    /** A feature's tables are its own: other features go through its services, never its Spring Data repositories. */
    @Test
    void aFeaturesRepositoriesAreUsedByThatFeatureOnly() {
        Set<String> uses = new TreeSet<>();
        for (ApplicationModule module : MODULES) {
            module.getBasePackage().stream().filter(type -> type.isAssignableTo(Repository.class)).forEach(repository -> {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = topLevel(dependency.getOriginClass());
                    if (!module.contains(user)) {
                        uses.add(user.getName() + " -> " + repository.getName());
                    }
                }
            });
        }
        assertThat(uses).as("uses of another feature's repository").containsExactlyInAnyOrderElementsOf(NOT_YET_BEHIND_AN_API);
    }

    /** The class a lambda or nested class is written in. */
    private static JavaClass topLevel(JavaClass type) {
        return type.getEnclosingClass().map(ModularityTest::topLevel).orElse(type);
    }

    /**
     * Diagrams and a canvas per module, in {@code target/spring-modulith-docs}. Not kept in the repository: the order of
     * their lines changes from run to run, so a committed copy would change with every build.
     */
    @Test
    void writesTheModuleDocumentation() throws Exception {
        Path folder = Path.of("target", "spring-modulith-docs");
        // Every module in the overview, also one that neither uses nor is used by another (engine).
        DiagramOptions diagrams = DiagramOptions.defaults().withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation(diagrams, CanvasOptions.defaults());
        String overview = Files.readString(folder.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc")).exists();
            assertThat(overview).contains(module.getDisplayName());
        }
    }

    /**
     * The README's architecture table is drawn from the verified modules: each module and the modules it uses, sorted.
     * When a dependency changes, the test fails and prints the table to paste between the README's markers.
     */
    @Test
    void theReadmeShowsTheModulesAsVerified() throws Exception {
        StringBuilder table = new StringBuilder("| module | uses |\n|---|---|\n");
        MODULES.stream().sorted(java.util.Comparator.comparing(ApplicationModule::getIdentifier, java.util.Comparator.comparing(Object::toString)))
                .forEach(module -> {
                    Set<String> uses = new TreeSet<>();
                    module.getDirectDependencies(MODULES).uniqueModules().forEach(target -> uses.add(target.getIdentifier().toString()));
                    uses.remove(module.getIdentifier().toString());
                    table.append("| `").append(module.getIdentifier()).append("` | ")
                            .append(uses.isEmpty() ? "nothing" : String.join(", ", uses)).append(" |\n");
                });
        String readme = Files.readString(Path.of("README.md"));
        String start = "<!-- modules: drawn by ModularityTest -->\n";
        String end = "<!-- /modules -->";
        assertThat(readme).contains(start).contains(end);
        String drawn = readme.substring(readme.indexOf(start) + start.length(), readme.indexOf(end));
        assertThat(drawn).as("the README's module table (paste the expected text between its markers)").isEqualTo(table.toString());
    }
}
