package org.onestop.cases;

import java.net.URI;
import java.security.Principal;
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
import org.onestop.web.InvalidRequestException;

/** The staff API for cases: open, read with timeline, list with filters, add notes, cancel. */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final CaseService cases;
    private final CaseViews views;

    CaseApi(CaseService cases, CaseViews views) {
        this.cases = cases;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody NewCase request, Principal user) {
        ServiceRequest sr = cases.open(request, user.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + sr.getReference())).body(views.withTimeline(sr));
    }

    @GetMapping("/{reference}")
    CaseView read(@PathVariable @Size(max = 24) String reference) {
        return views.withTimeline(cases.get(reference));
    }

    record CasePage(List<CaseView> cases, int page, int size, long total) {
    }

    @GetMapping
    CasePage list(@RequestParam(required = false) String status,
                  @RequestParam(required = false) String service,
                  @RequestParam(required = false) String department,
                  @RequestParam(required = false) String ward,
                  @RequestParam(required = false) Boolean overdue,
                  @RequestParam(required = false) Long customer,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
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
        Page<ServiceRequest> result = cases.search(new CaseService.Filter(statuses, service, department, ward, overdue, customer),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return new CasePage(views.summaries(result.getContent()), page, size, result.getTotalElements());
    }

    record NoteRequest(@NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters") String text,
                       Visibility visibility) {
    }

    @PostMapping("/{reference}/notes")
    ResponseEntity<CaseView.TimelineEntry> addNote(@PathVariable @Size(max = 24) String reference,
                                                   @Valid @RequestBody NoteRequest note, Principal user) {
        CaseEvent event = cases.addNote(reference, note.text(),
                note.visibility() == null ? Visibility.INTERNAL : note.visibility(), user.getName());
        return ResponseEntity.status(201).body(CaseView.TimelineEntry.of(event));
    }

    record CancelRequest(@NotNull(message = "is required") @NotBlank(message = "is required")
                         @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    @PostMapping("/{reference}/cancel")
    CaseView cancel(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody CancelRequest request, Principal user) {
        cases.cancel(reference, request.reason(), user.getName());
        return views.withTimeline(cases.get(reference));
    }


    record TransferRequest(@NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String department,
                           @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    @PostMapping("/{reference}/transfer")
    CaseView transfer(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody TransferRequest request, Principal user) {
        cases.transfer(reference, request.department(), request.reason(), user.getName());
        return views.withTimeline(cases.get(reference));
    }

    record DuplicateRequest(@NotBlank(message = "is required") @Size(max = 24, message = "must be at most 24 characters") String duplicateOf) {
    }

    @PostMapping("/{reference}/duplicate")
    CaseView duplicate(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody DuplicateRequest request, Principal user) {
        cases.markDuplicate(reference, request.duplicateOf(), user.getName());
        return views.withTimeline(cases.get(reference));
    }

    record ReopenRequest(@Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    /** "Not fixed": the resident says a resolved case is not; it goes back to the department. */
    @PostMapping("/{reference}/reopen")
    CaseView reopen(@PathVariable @Size(max = 24) String reference, @Valid @RequestBody ReopenRequest request, Principal user) {
        cases.reopen(reference, request.reason(), user.getName());
        return views.withTimeline(cases.get(reference));
    }
}
