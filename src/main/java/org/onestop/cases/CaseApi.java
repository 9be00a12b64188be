package org.onestop.cases;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.access.StaffMember;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.shared.ApiAccess;
import org.onestop.shared.InvalidRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * The staff API for cases: open, read with timeline, list with filters, add notes, cancel, transfer, close as a
 * duplicate, reopen. Every call asks the access policy through {@link StaffCases}: a case out of the user's reach is a
 * 404, a change the user may not make a 403, and lists hold only what the user may read.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Open, read, list and act on cases (service requests)")
@Validated
class CaseApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final CaseService cases;
    private final StaffCases staffCases;
    private final CaseViews views;
    private final ServiceCatalogue catalogue;

    CaseApi(CaseService cases, StaffCases staffCases, CaseViews views, ServiceCatalogue catalogue) {
        this.cases = cases;
        this.staffCases = staffCases;
        this.views = views;
        this.catalogue = catalogue;
    }

    @PostMapping
    @Operation(operationId = "openCase", summary = "Open a case (the customer is found by e-mail or phone, or created)")
    @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "the new case", schema = @Schema(type = "string")))
    @ApiAccess(who = "contact-centre agents, knowledge editors, department staff and supervisors (any public service); "
            + "a councillor's office (councillor inquiries only)",
            narrowedBy = "the service: only services residents may request, except a councillor's office's inquiries",
            forbidden = "the caller may not open cases of this service (process owners and administrators open none)")
    ResponseEntity<CaseView> open(@Valid @RequestBody NewCase request, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        String code = request.serviceCode().trim();
        // An unknown service is the intake's 400 to give, for anyone who may open cases at all.
        boolean allowed = catalogue.find(code).map(s -> staffCases.policy().mayOpen(user, code, s.publicService()))
                .orElseGet(() -> staffCases.policy().mayOpenAny(user));
        if (!allowed) {
            throw new AccessDeniedException("You may not open " + code + " cases.");
        }
        CaseView opened = views.open(request, user);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.reference())).body(opened);
    }

    @GetMapping("/{reference}")
    @Operation(operationId = "readCase", summary = "A case with its customer, due dates and timeline")
    @ApiAccess(who = "any staff member",
            narrowedBy = "the case-access policy: contact-centre agents, knowledge editors and administrators read every case; department staff and supervisors the cases their department holds or held; a councillor's office the cases it opened, and the service, status, expected date and public timeline of its ward's cases (nothing more of a private case); a customer's contact details only to those who read the case in full; a case out of reach is a 404, as if it did not exist")
    CaseView read(@PathVariable @Size(max = 24) String reference, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        return views.withTimeline(staffCases.read(reference, user), user);
    }

    record CasePage(List<CaseView> cases, int page, int size, long total) {
    }

    @GetMapping
    @Operation(operationId = "listCases", summary = "Cases by status, service, department, ward, overdue or customer, newest first")
    @ApiAccess(who = "any staff member",
            narrowedBy = "only the cases the caller may read (the same rule as readCase), in the list and in its total")
    CasePage list(@RequestParam(required = false) String status,
                  @RequestParam(required = false) String service,
                  @RequestParam(required = false) String department,
                  @RequestParam(required = false) String ward,
                  @RequestParam(required = false) Boolean overdue,
                  @RequestParam(required = false) Long customer,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<CaseStatus> statuses;
        try {
            statuses = status == null || status.isBlank() ? List.of()
                    : Arrays.stream(status.split(",")).map(String::trim).map(CaseStatus::fromCode).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", e.getMessage());
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidRequestException("page", "is beyond the last page");
        }
        Page<ServiceRequest> result = cases.search(new CaseService.Filter(statuses, service, department, ward, overdue, customer),
                staffCases.reach(user),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return new CasePage(views.summaries(result.getContent(), user), page, size, result.getTotalElements());
    }

    record NoteRequest(@NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters") String text,
                       Visibility visibility) {
    }

    @PostMapping("/{reference}/notes")
    @Operation(operationId = "addCaseNote", summary = "Add a public or internal note to the case's timeline")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiAccess(who = "contact-centre agents, knowledge editors, the staff of a department that holds or held the case, "
            + "the councillor's office that opened it",
            narrowedBy = "a case out of the caller's reach is a 404",
            forbidden = "the caller may read the case but not add to it (a ward office following its ward's cases, an administrator)")
    ResponseEntity<CaseView.TimelineEntry> addNote(@PathVariable @Size(max = 24) String reference,
                                                   @Valid @RequestBody NoteRequest note, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forAction(reference, user);
        CaseEvent event = cases.addNote(sr.getReference(), note.text(),
                note.visibility() == null ? Visibility.INTERNAL : note.visibility(), user.userId());
        return ResponseEntity.status(201).body(CaseView.TimelineEntry.of(event));
    }

    record CancelRequest(@NotNull(message = "is required") @NotBlank(message = "is required")
                         @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    @PostMapping("/{reference}/cancel")
    @Operation(operationId = "cancelCase", summary = "Cancel an open case with a reason; its process ends")
    @ApiAccess(who = "the supervisors (and head) of the department that holds the case",
            narrowedBy = "a case out of the caller's reach is a 404",
            forbidden = "the caller may read the case but does not supervise the department that holds it")
    CaseView cancel(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody CancelRequest request, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forAdministration(reference, user);
        cases.cancel(sr.getReference(), request.reason(), user.userId());
        return views.withTimeline(cases.get(sr.getReference()), user);
    }


    record TransferRequest(@NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String department,
                           @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    @PostMapping("/{reference}/transfer")
    @Operation(operationId = "transferCase", summary = "Send an open case to another department with a reason")
    @ApiAccess(who = "the supervisors (and head) of the department that holds the case",
            narrowedBy = "a case out of the caller's reach is a 404",
            forbidden = "the caller may read the case but does not supervise the department that holds it")
    CaseView transfer(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody TransferRequest request, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forAdministration(reference, user);
        cases.transfer(sr.getReference(), request.department(), request.reason(), user.userId());
        // The supervisor's department held it, so they still read it after it moved on.
        return views.withTimeline(cases.get(sr.getReference()), user);
    }

    record DuplicateRequest(@NotBlank(message = "is required") @Size(max = 24, message = "must be at most 24 characters") String duplicateOf) {
    }

    @PostMapping("/{reference}/duplicate")
    @Operation(operationId = "closeCaseAsDuplicate", summary = "Close an open case as a duplicate of another open case")
    @ApiAccess(who = "the supervisors (and head) of the department that holds the case",
            narrowedBy = "a case out of the caller's reach is a 404; the original (duplicateOf) must be a case the caller "
                    + "may read, otherwise it is a 400 (not a case)",
            forbidden = "the caller may read the case but does not supervise the department that holds it")
    CaseView duplicate(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody DuplicateRequest request, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forAdministration(reference, user);
        // The original must be a case the supervisor can read: otherwise it is "not a case" to them.
        if (staffCases.find(request.duplicateOf(), user).isEmpty()) {
            throw new InvalidRequestException("duplicateOf", "is not a case: '" + request.duplicateOf() + "'");
        }
        cases.markDuplicate(sr.getReference(), request.duplicateOf(), user.userId());
        return views.withTimeline(cases.get(sr.getReference()), user);
    }

    record ChildRequest(String serviceCode, String description, String address, Map<String, Object> answers) {
    }

    record SplitRequest(List<ChildRequest> children) {
    }

    @PostMapping("/{reference}/children")
    @Operation(operationId = "splitCase", summary = "Split an open case into child cases for other departments; it resolves when they all are finished")
    @ApiResponse(responseCode = "201", description = "Created: the parent case with its children")
    @ApiAccess(who = "the supervisors (and head) of the department that holds the case",
            narrowedBy = "a case out of the caller's reach is a 404; each child's service must be one the caller may open, "
                    + "otherwise it is a 400 for that child",
            forbidden = "the caller may read the case but does not supervise the department that holds it")
    ResponseEntity<CaseView> split(@PathVariable @Size(max = 24) String reference, @RequestBody SplitRequest request, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forSplitting(reference, user);
        List<ChildRequest> children = request == null || request.children() == null ? List.of() : request.children();
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            ChildRequest child = children.get(i);
            String field = "children[" + i + "].serviceCode";
            String code = child == null || child.serviceCode() == null ? "" : child.serviceCode().trim();
            catalogue.find(code).filter(s -> !staffCases.policy().mayOpen(user, code, s.publicService()))
                    .ifPresent(s -> refused.put(field, "is not a service you may open: '" + code + "'"));
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(refused);
        }
        cases.split(sr.getReference(), children.stream().map(c -> c == null ? null
                : new CaseService.NewChildCase(c.serviceCode(), c.description(), c.address(), c.answers())).toList(), user.userId());
        return ResponseEntity.created(URI.create("/api/cases/" + sr.getReference())).body(views.withTimeline(cases.get(sr.getReference()), user));
    }

    record ReopenRequest(@Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    /** "Not fixed": the resident says a resolved case is not; it goes back to the department. */
    @PostMapping("/{reference}/reopen")
    @Operation(operationId = "reopenCase", summary = "\"Not fixed\": a resolved or closed case goes back to the department")
    @ApiAccess(who = "contact-centre agents, knowledge editors, the staff of a department that holds or held the case, "
            + "the councillor's office that opened it",
            narrowedBy = "a case out of the caller's reach is a 404",
            forbidden = "the caller may read the case but not reopen it (a ward office following its ward's cases, an administrator)")
    CaseView reopen(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody ReopenRequest request, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forAction(reference, user);
        cases.reopen(sr.getReference(), request.reason(), user.userId());
        return views.withTimeline(cases.get(sr.getReference()), user);
    }

}
