package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded default's demo: one user per role, and demo cases opened through the real intake, routed and waiting
 * for their departments (in the department's list, or, urgent ones at night, with the demo user on standby).
 */
class DemoDataTest extends IntegrationTest {

    @Autowired
    DemoCases demo;
    @Autowired
    ServiceRequests requests;
    @Value("${onestop.demo.users}")
    boolean demoUsers;

    @Test
    void demoUsersLogInWithTheReadmesPassword() {
        if (demoUsers) {
            for (String user : List.of("agent", "roads", "waste", "bylaw", "supervisor", "owner", "admin", "water", "forestry")) {
                assertThat(identityService.checkPassword(user, "demo")).as(user).isTrue();
            }
        } else {
            assertThat(identityService.createUserQuery().userId("roads").count()).as("no demo users outside the demo").isZero();
        }
    }

    @Test
    void demoCasesAreOpenedRoutedAndWaitingForTheirDepartments() {
        List<String> references = demo.openDemoCases();

        assertThat(references).hasSize(7);
        List<ServiceRequest> cases = references.stream().map(r -> requests.findByReference(r).orElseThrow()).toList();
        assertThat(cases).extracting(ServiceRequest::getServiceCode).containsExactly(
                "pothole", "pothole", "missed-collection", "noise-complaint", "streetlight-out", "tree", "councillor-inquiry");
        for (ServiceRequest c : cases) {
            assertThat(c.getDepartment()).as(c.getReference()).isNotNull();
            assertThat(c.getResolveBy()).as(c.getReference()).isNotNull();
            List<Task> open = departmentTasks(c.getReference());
            assertThat(open).as(c.getReference()).isNotEmpty();
            assertThat(open).as(c.getReference()).anySatisfy(t -> assertThat(taskService.getIdentityLinksForTask(t.getId()))
                    .anySatisfy(link -> assertThat(String.valueOf(link.getGroupId())).startsWith(c.getDepartment())));
        }
    }
}
