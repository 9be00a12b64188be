package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A decision's examples table, evaluated as the model check does: right examples pass, a wrong one names its line. */
class DecisionExamplesTest {

    static byte[] potholeRouting() throws IOException {
        return Files.readAllBytes(Path.of("dmn/routing-pothole.dmn"));
    }

    @Test
    void examplesTheTableDecidesPass() throws IOException {
        assertThat(DecisionExamples.check("pothole.examples.csv", """
                # a comment
                hazard,size,locationOnRoad,expected departmentGroup,expected priority
                true,small,shoulder,roads,urgent
                false,small,"bike-lane",roads,high
                ,,,roads,normal
                """, potholeRouting())).isEmpty();
    }

    @Test
    void aWrongExampleNamesItsLineAndWhatTheTableDecides() throws IOException {
        List<ModelProblem> problems = DecisionExamples.check("pothole.examples.csv", """
                hazard,size,locationOnRoad,expected departmentGroup,expected priority
                true,small,shoulder,roads,urgent
                false,large,shoulder,roads,normal
                """, potholeRouting());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("line 3");
            assertThat(p.expression()).isEqualTo("priority");
            assertThat(p.problem()).isEqualTo("expected \"normal\" but the table decides \"high\"");
        });
    }

    @Test
    void aHeaderThatNamesNoInputAndACellOfTheWrongTypeAreProblems() throws IOException {
        assertThat(DecisionExamples.check("x.examples.csv", "hazzard,expected priority\ntrue,urgent\n", potholeRouting()))
                .extracting(ModelProblem::expression).containsExactly("hazzard");
        assertThat(DecisionExamples.check("x.examples.csv", "hazard,expected priority\nyes,urgent\n", potholeRouting()))
                .extracting(ModelProblem::problem).containsExactly("\"yes\" is not true or false");
        assertThat(DecisionExamples.check("x.examples.csv", "hazard,size\ntrue,small\n", potholeRouting()))
                .extracting(ModelProblem::problem).containsExactly("no column says what the table should decide");
        assertThat(DecisionExamples.check("x.examples.csv", "hazard,expected priority\ntrue\n", potholeRouting()))
                .extracting(ModelProblem::problem).containsExactly("the line has 1 cells and the header 2");
    }

    @Test
    void cellsFollowCsvQuoting() {
        assertThat(DecisionExamples.cells("a,\"b,c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b,c", "say \"hi\"", "");
        assertThat(DecisionExamples.examplesFor("routing-pothole.dmn")).isEqualTo("routing-pothole.examples.csv");
    }
}
