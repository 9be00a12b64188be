package org.onestop.notifications;

import java.time.ZoneId;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.onestop.cases.CaseEventRecorded;
import org.onestop.cases.CaseEventType;
import org.onestop.cases.CaseTimes;
import org.onestop.city.CityProperties;
import org.onestop.city.SiteUrls;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a case's reminder is due, whoever holds one of its open tasks gets an e-mail (through the outbox). */
@Component
class AssigneeReminders {

    private final TaskService tasks;
    private final IdentityService identity;
    private final Outbox outbox;
    private final ZoneId zone;
    private final String baseUrl;

    AssigneeReminders(TaskService tasks, IdentityService identity, Outbox outbox,
                      CityProperties city, SiteUrls urls) {
        this.tasks = tasks;
        this.identity = identity;
        this.outbox = outbox;
        this.zone = city.timeZone();
        this.baseUrl = urls.baseUrl();
    }

    @EventListener
    void on(CaseEventRecorded event) {
        if (event.type() != CaseEventType.REMINDER) {
            return;
        }
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(event.reference()).taskAssigned().list()) {
            User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            outbox.email(event.caseId(), event.caseEventId(), user.getEmail(),
                    "Reminder: " + event.reference() + " is due by " + CaseTimes.format(event.resolveBy(), zone),
                    "Hello " + (user.getFirstName() == null ? user.getId() : user.getFirstName()) + ",\n\n"
                            + "your task \"" + task.getName() + "\" on case " + event.reference() + " is due by "
                            + CaseTimes.format(event.resolveBy(), zone) + ".\n\n"
                            + "Open it in Tasklist: " + baseUrl + "/camunda/app/tasklist/default/#/?task=" + task.getId() + "\n"
                            + "The case: " + baseUrl + "/cases/" + event.reference() + "\n");
        }
    }
}
