package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The embedded default's demo: one user per role and demo cases opened through the real intake, routed and waiting
 * in the departments' task lists. Always on its own in-memory H2 database, as the embedded default is.
 */
@SpringBootTest(properties = {
        "onestop.demo.users=true", "onestop.demo.cases=true",
        "spring.datasource.url=jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1", "spring.datasource.driver-class-name=org.h2.Driver",
        "spring.datasource.username=sa", "spring.datasource.password=", "camunda.bpm.database.type=h2",
        // Its own engine name, and closed afterwards: Camunda's REST API and webapps find engines by name in one
        // registry per JVM, and must keep finding the other tests' engine.
        "camunda.bpm.process-engine-name=demo-test"})
@DirtiesContext
class DemoDataTest {

    @Autowired
    ServiceRequests requests;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    @Test
    void demoUsersAndCasesAreThereAndRouted() {
        for (String user : List.of("agent", "roads", "waste", "bylaw", "supervisor", "owner", "admin", "water", "forestry")) {
            assertThat(identity.checkPassword(user, "demo")).as(user).isTrue();
        }
        List<ServiceRequest> cases = requests.findAll();
        assertThat(cases).extracting(ServiceRequest::getServiceCode).containsExactlyInAnyOrder(
                "pothole", "pothole", "missed-collection", "noise-complaint", "streetlight-out", "tree", "councillor-inquiry");
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.getReference()).matches("SR-\\d{4}-\\d{6}");
            assertThat(c.getDepartment()).isNotNull();
            assertThat(c.getResolveBy()).isNotNull();
        });
        // Whatever the time of day the demo starts, every demo case waits for its department: in the department's
        // list, or (urgent ones at night) with its on-call group and the demo user on standby.
        for (ServiceRequest c : cases) {
            List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery().processInstanceBusinessKey(c.getReference()).list();
            assertThat(open).as(c.getReference()).isNotEmpty();
            assertThat(open).as(c.getReference()).anySatisfy(t -> assertThat(tasks.getIdentityLinksForTask(t.getId()))
                    .anySatisfy(link -> assertThat(link.getGroupId()).startsWith(c.getDepartment())));
        }
    }
}
