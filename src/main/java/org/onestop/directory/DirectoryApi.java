package org.onestop.directory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.onestop.access.StaffMember;
import org.onestop.shared.ApiAccess;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff directory as data: {@code GET /api/directory?q=}. */
@RestController
@Tag(name = "Staff directory", description = "Departments, their services and numbers, who is on call now, their members")
@Validated
class DirectoryApi {

    private final StaffDirectory directory;

    DirectoryApi(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/directory")
    @Operation(operationId = "searchStaffDirectory", summary = "Departments matching words of a department, a service or a person's name "
            + "(all without q), with their public phone and e-mail, services, who is on call now and members")
    @ApiAccess(who = "any staff member (not the monitoring group)",
            narrowedBy = "members' e-mail addresses only for agents, department staff, managers and administrators (null for others)",
            forbidden = "the caller is only in the monitoring group")
    List<StaffDirectory.Entry> search(@RequestParam(defaultValue = "")
                                      @Size(max = StaffDirectory.MAX_QUERY, message = "must be at most 200 characters") String q,
                                      Authentication user) {
        return directory.search(q, LocaleContextHolder.getLocale(), StaffMember.of(user));
    }
}
