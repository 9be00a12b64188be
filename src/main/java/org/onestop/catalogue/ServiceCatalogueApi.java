package org.onestop.catalogue;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.onestop.standards.PublishedStandards;
import org.onestop.shared.ApiAccess;
import org.onestop.shared.NotFoundException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service catalogue for staff: every service, its questions and its published standards. */
@RestController
@RequestMapping("/api/services")
@Tag(name = "Services", description = "The service catalogue: services, their questions and published standards")
@Validated
class ServiceCatalogueApi {

    private final ServiceCatalogue catalogue;
    private final PublishedStandards standards;

    ServiceCatalogueApi(ServiceCatalogue catalogue, PublishedStandards standards) {
        this.catalogue = catalogue;
        this.standards = standards;
    }

    record Question(String key, String label, String type, String subtype, boolean required, List<FormField.Option> options,
                    Integer minLength, Integer maxLength, Double min, Double max, String description, int order) {
        static Question of(FormField f) {
            return new Question(f.key(), f.label(), f.type(), f.subtype(), f.required() && !f.conditional(),
                    f.hasOptions() ? f.values() : null, f.minLength(), f.maxLength(), f.min(), f.max(), f.description(), f.order());
        }
    }

    record ServiceView(String code, String name, String description, String group, List<String> keywords,
                       boolean publicService, String privacy, boolean locationRequired, List<Question> questions,
                       List<PublishedStandards.Published> standards) {
    }

    @GetMapping
    @Operation(operationId = "listServices", summary = "Every service with its questions and published standards")
    @ApiAccess(who = "any staff member", narrowedBy = "nothing: the whole catalogue, staff-only services included")
    List<ServiceView> list() {
        return catalogue.services().stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    @Operation(operationId = "readService", summary = "One service by its code")
    @ApiAccess(who = "any staff member", narrowedBy = "nothing: any service, staff-only ones included")
    ServiceView one(@PathVariable @Size(max = 64) String code) {
        return catalogue.find(code).map(this::view)
                .orElseThrow(() -> new NotFoundException("no service with code '" + code + "'"));
    }

    private ServiceView view(ServiceDefinition s) {
        return new ServiceView(s.code(), s.name(), s.description(), s.group(), s.keywords(), s.publicService(),
                s.privateCases() ? "private" : "public", s.locationRequired(), s.questions().fields().stream().map(Question::of).toList(),
                standards.forService(s.code(), s.routingDecision(), s.standardsDecision()));
    }
}
