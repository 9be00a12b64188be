package org.onestop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Server-side validation of answers against the real Camunda Forms in forms/. */
class AnswerValidatorTest {

    static FormSchema form(String name) throws IOException {
        try (InputStream in = AnswerValidatorTest.class.getResourceAsStream("/forms/" + name + ".form")) {
            return FormSchema.parse(in);
        }
    }

    @Test
    void readsTheQuestionsOfAStartForm() throws IOException {
        FormSchema pothole = form("pothole-start");
        assertThat(pothole.id()).isEqualTo("pothole-start");
        assertThat(pothole.fields()).extracting(FormField::key).containsExactly("hazard", "size", "locationOnRoad");
        FormField size = pothole.fields().get(1);
        assertThat(size.type()).isEqualTo("select");
        assertThat(size.required()).isTrue();
        assertThat(size.values()).extracting(FormField.Option::value).containsExactly("small", "medium", "large");
    }

    @Test
    void acceptsAndTypesGoodAnswers() throws IOException {
        AnswerValidator.Result result = AnswerValidator.validate(form("pothole-start"),
                Map.of("hazard", "yes", "size", "large", "locationOnRoad", "bike-lane"));
        assertThat(result.valid()).isTrue();
        assertThat(result.answers()).containsEntry("hazard", true).containsEntry("size", "large");
    }

    @Test
    void anUnansweredCheckboxIsFalse() throws IOException {
        AnswerValidator.Result result = AnswerValidator.validate(form("pothole-start"), Map.of("size", "small", "locationOnRoad", "shoulder"));
        assertThat(result.valid()).isTrue();
        assertThat(result.answers()).containsEntry("hazard", false);
    }

    @Test
    void namesEveryBadAnswer() throws IOException {
        AnswerValidator.Result result = AnswerValidator.validate(form("missed-collection-start"),
                Map.of("stream", "compost-heap", "collectionDate", "last tuesday", "setOutOnTime", "maybe", "extra", "x"));
        assertThat(result.errors()).containsOnlyKeys("stream", "collectionDate", "setOutOnTime", "extra");
        assertThat(result.errors().get("stream")).contains("organics");
        assertThat(result.errors().get("collectionDate")).contains("2026-05-31");
    }

    @Test
    void requiredAnswersMustBeGiven() throws IOException {
        AnswerValidator.Result result = AnswerValidator.validate(form("noise-complaint-start"), Map.of());
        assertThat(result.errors()).containsEntry("noiseSource", "is required");
    }

    @Test
    void textIsLimitedAndListsAreChecked() {
        FormSchema schema = new FormSchema.Builder()
                .field(new FormField("note", "Note", "textfield", null, false, false, List.of(), null, 10, null, null, null, null, 0))
                .field(new FormField("days", "Days", "checklist", null, false, false,
                        List.of(new FormField.Option("mon", "Monday"), new FormField.Option("tue", "Tuesday")), null, null, null, null, null, null, 1))
                .field(new FormField("count", "Count", "number", null, false, false, List.of(), null, null, 1.0, 5.0, null, null, 2))
                .build();
        AnswerValidator.Result result = AnswerValidator.validate(schema, Map.of("note", "x".repeat(11), "days", List.of("mon", "sun"), "count", 9));
        assertThat(result.errors()).containsOnlyKeys("note", "days", "count");
        AnswerValidator.Result ok = AnswerValidator.validate(schema, Map.of("note", "short", "days", "mon,tue", "count", "3"));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.answers()).containsEntry("days", List.of("mon", "tue")).containsEntry("count", 3L);
    }
}
