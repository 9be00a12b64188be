package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The process owner's check of the repository's models ({@code ./mvnw -Pmodels verify}, and part of every build):
 * every file in {@code bpmn/}, {@code dmn/} and {@code forms/} passes the check the deploy enforces, the files fit
 * together (routing, standards, groups, forms), and every decision's examples table decides what it says.
 */
class ModelFilesTest extends IntegrationTest {

    static final List<Path> FOLDERS = List.of(Path.of("bpmn"), Path.of("dmn"), Path.of("forms"));

    @Autowired
    ConfigurableListableBeanFactory beanFactory;
    @Autowired
    RepositoryService repositoryService;

    static Map<String, byte[]> files(String... extensions) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Path folder : FOLDERS) {
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path path : paths.sorted().toList()) {
                    for (String extension : extensions) {
                        if (path.getFileName().toString().endsWith(extension)) {
                            files.put(path.getFileName().toString(), Files.readAllBytes(path));
                        }
                    }
                }
            }
        }
        return files;
    }

    @Test
    void everyModelPassesTheDeployChecksAndTheFilesFitTogether() throws IOException {
        ModelCheck check = ModelBeans.of(beanFactory).check();
        Map<String, byte[]> models = files(".bpmn", ".dmn", ".form");
        assertThat(models.keySet()).as("the models in bpmn/, dmn/ and forms/").anyMatch(n -> n.endsWith(".bpmn"))
                .anyMatch(n -> n.endsWith(".dmn")).anyMatch(n -> n.endsWith(".form"));
        List<ModelProblem> problems = new ArrayList<>();
        models.forEach((name, content) -> problems.addAll(check.check(name, content)));
        EngineModels engine = new EngineModels(() -> repositoryService, () -> identityService, beanFactory);
        problems.addAll(check.across(models, engine).check());
        assertThat(problems).as(report(problems)).isEmpty();
    }

    @Test
    void everyDecisionDecidesWhatItsExamplesSay() throws IOException {
        Map<String, byte[]> examples = files(".examples.csv");
        assertThat(examples).as("examples tables beside the decisions").containsKeys("routing-pothole.examples.csv", "standards-pothole.examples.csv", "standards-graffiti.examples.csv");
        List<ModelProblem> problems = new ArrayList<>();
        examples.forEach((name, content) -> {
            Path dmn = Path.of("dmn", name.replace(".examples.csv", ".dmn"));
            try {
                problems.addAll(DecisionExamples.check(name, new String(content, StandardCharsets.UTF_8), Files.readAllBytes(dmn)));
            } catch (IOException e) {
                problems.add(new ModelProblem(name, null, null, null, "there is no " + dmn + " beside it", "name the file after its decision file"));
            }
        });
        assertThat(problems).as(report(problems)).isEmpty();
    }

    static String report(List<ModelProblem> problems) {
        return problems.size() + " problem(s) in the models:\n" + problems.stream().map(p -> "- " + p.describe()).collect(Collectors.joining("\n"));
    }
}
