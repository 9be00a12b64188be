package org.onestop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.customers.IntakeDetails;
import org.onestop.knowledge.ArticleDraft;
import org.onestop.knowledge.KnowledgeBase;
import org.onestop.testing.FormSession;
import org.onestop.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The access matrix of the README, cell by cell, against the running application: every role (a user in that role's
 * groups) tries every action on the same cases through the staff API, the staff and console pages, {@code /engine-rest}
 * and the Camunda webapps, and Open311 shows what the public sees. All cells are run and every wrong one is reported
 * at once. In CI the same test runs on MariaDB.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    enum Role {
        AGENT("mx-agent", "contact-centre"),
        EDITOR("mx-editor", "knowledge-editors"),
        ROADS("mx-roads", "roads"),
        ROADS_SUPERVISOR("mx-roads-supervisor", "roads-supervisors"),
        WASTE("mx-waste", "waste"),
        COUNCIL_OPENER("mx-council", "council-office"),
        COUNCIL_OF_WARD("mx-council-ward", "council-office"),
        OWNER("mx-owner", "process-owners"),
        ADMIN("mx-admin", "camunda-admin"),
        MANAGER("mx-manager", "managers");

        final String user;
        final String group;

        Role(String user, String group) {
            this.user = user;
            this.group = group;
        }
    }

    @Autowired
    IntakeDetails details;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    org.onestop.opendata.OpenDataExport openData;

    private final List<String> wrong = new ArrayList<>();
    private int cells;

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() throws Exception {
        for (Role role : Role.values()) {
            user(role.user, role.group);
        }
        String email = "mx-" + System.nanoTime() + "@example.org";
        Map<String, Object> pothole = open(Role.AGENT, pothole(email));
        String p = (String) pothole.get("reference");
        String potholeWard = (String) pothole.get("ward");
        Map<String, Object> inquiry = open(Role.COUNCIL_OPENER, councillorInquiry());
        String i = (String) inquiry.get("reference");
        String inquiryWard = (String) inquiry.get("ward");
        assertThat(potholeWard).isNotNull().isNotEqualTo(inquiryWard);
        member(Role.COUNCIL_OF_WARD.user, Roles.wardOfficeGroup(potholeWard));
        member(Role.COUNCIL_OPENER.user, Roles.wardOfficeGroup(inquiryWard));

        // ---- open cases
        cell("open a public service (API)", statuses(201, 201, 201, 201, 201, 403, 403, 403, 403, 403),
                r -> postJson(as(r.user), "/api/cases", pothole("mx-open-" + System.nanoTime() + "@example.org")).getStatusCode().value());
        cell("open a councillor inquiry (API)", statuses(403, 403, 403, 403, 403, 201, 201, 403, 403, 403),
                r -> postJson(as(r.user), "/api/cases", councillorInquiry()).getStatusCode().value());

        // ---- read a Roads case opened by the contact centre, in another ward than the office that opened the inquiry
        cell("read a Roads case (API)", statuses(200, 200, 200, 200, 404, 404, 200, 404, 200, 404),
                r -> getJson(as(r.user), "/api/cases/" + p).getStatusCode().value());
        cell("the Roads case in the case list (API)", yesNo(true, true, true, true, false, false, true, false, true, false),
                r -> listed(r, "/api/cases?service=pothole&size=200", p));
        cell("the Roads case's customer contact details (API)", yesNo(true, true, true, true, false, false, false, false, true, false),
                r -> getJson(as(r.user), "/api/cases/" + p).toString().contains(email));
        cell("the Roads case's description (API)", yesNo(true, true, true, true, false, false, false, false, true, false),
                r -> getJson(as(r.user), "/api/cases/" + p).toString().contains("Reported by a caller"));
        cell("read the councillor inquiry (API)", statuses(200, 200, 404, 404, 404, 200, 404, 404, 200, 404),
                r -> getJson(as(r.user), "/api/cases/" + i).getStatusCode().value());
        cell("the inquiry's customer contact details (API)", yesNo(true, true, false, false, false, true, false, false, true, false),
                r -> getJson(as(r.user), "/api/cases/" + i).toString().contains("mx-resident@example.org"));

        // ---- act: note, reopen (allowed roles get the 400 of a case that is still open: the policy let them through)
        cell("note on the Roads case (API)", statuses(201, 201, 201, 201, 404, 404, 403, 404, 403, 404),
                r -> postJson(as(r.user), "/api/cases/" + p + "/notes", Map.of("text", "Matrix note by " + r.user)).getStatusCode().value());
        cell("note on the councillor inquiry (API)", statuses(201, 201, 404, 404, 404, 201, 404, 404, 403, 404),
                r -> postJson(as(r.user), "/api/cases/" + i + "/notes", Map.of("text", "Matrix note by " + r.user)).getStatusCode().value());
        cell("reopen the Roads case (API; 400 = allowed, but it is still open)", statuses(400, 400, 400, 400, 404, 404, 403, 404, 403, 404),
                r -> postJson(as(r.user), "/api/cases/" + p + "/reopen", Map.of("reason", "x")).getStatusCode().value());

        // ---- administer: the supervisors of the department that holds the case (each on a case of its own)
        cell("cancel the Roads case (API)", statuses(403, 403, 403, 200, 404, 404, 403, 404, 403, 404),
                r -> postJson(as(r.user), "/api/cases/" + (r == Role.ROADS_SUPERVISOR ? freshPothole() : p) + "/cancel",
                        Map.of("reason", "Matrix")).getStatusCode().value());
        cell("transfer the Roads case (API)", statuses(403, 403, 403, 200, 404, 404, 403, 404, 403, 404),
                r -> postJson(as(r.user), "/api/cases/" + (r == Role.ROADS_SUPERVISOR ? freshPothole() : p) + "/transfer",
                        Map.of("department", "water", "reason", "Matrix")).getStatusCode().value());
        cell("close the Roads case as a duplicate (API)", statuses(403, 403, 403, 200, 404, 404, 403, 404, 403, 404),
                r -> postJson(as(r.user), "/api/cases/" + (r == Role.ROADS_SUPERVISOR ? freshPothole() : p) + "/duplicate",
                        Map.of("duplicateOf", freshPothole())).getStatusCode().value());

        // ---- split: parent and child cases (task "split"), like a transfer: the supervisors of the holding department
        cell("split the Roads case into child cases (API)", statuses(403, 403, 403, 201, 404, 404, 403, 404, 403, 404),
                r -> postJson(as(r.user), "/api/cases/" + (r == Role.ROADS_SUPERVISOR ? freshPothole() : p) + "/children",
                        Map.of("children", List.of(Map.of("serviceCode", "sidewalk-damage", "description", "Matrix",
                                "answers", Map.of("damageType", "raised"))))).getStatusCode().value());
        cell("the split page /cases/{ref}/split", statuses(403, 403, 403, 200, 404, 404, 403, 404, 403, 404),
                r -> page(r, "/cases/" + p + "/split").statusCode());
        // (400 = allowed: no service chosen, nothing split)
        cell("split the Roads case on the page POST /cases/{ref}/split", statuses(403, 403, 403, 400, 404, 404, 403, 404, 403, 404),
                r -> post(r, "/cases/" + p + "/split"));

        // ---- models: process owners and administrators (400 = allowed, but no such model to roll back)
        cell("roll back a model (API; 400 = allowed, no such model)", statuses(403, 403, 403, 403, 403, 403, 403, 400, 400, 403),
                r -> postJson(as(r.user), "/api/models/rollback", Map.of("key", "MatrixNoSuchModel", "version", 1)).getStatusCode().value());
        cell("bundled models held back at an upgrade (API)", statuses(403, 403, 403, 403, 403, 403, 403, 200, 200, 403),
                r -> as(r.user).getForEntity("/api/models/held-back", String.class).getStatusCode().value());

        // ---- pages
        cell("the staff case page /cases/{ref}", statuses(200, 200, 200, 200, 404, 404, 200, 404, 200, 404),
                r -> page(r, "/cases/" + p).statusCode());
        cell("the staff case page shows the customer's e-mail", yesNo(true, true, true, true, false, false, false, false, true, false),
                r -> page(r, "/cases/" + p).body().contains(email));
        cell("the console's case page /console/cases/{ref}", statuses(200, 200, 403, 403, 403, 404, 200, 403, 200, 403),
                r -> page(r, "/console/cases/" + p).statusCode());
        Object customerId = ((Map<?, ?>) pothole.get("customer")).get("id");
        cell("the caller's page in the console /console/customers/{id}", statuses(200, 200, 403, 403, 403, 404, 404, 403, 200, 403),
                r -> page(r, "/console/customers/" + customerId).statusCode());
        long article = knowledge.create(ArticleDraft.internal("faq", "Matrix article " + System.nanoTime(), "", "A summary for agents.",
                "Body.", "matrix", "answer"), "mx-editor").getId();
        cell("the console's knowledge search /console/knowledge", statuses(200, 200, 403, 403, 403, 200, 200, 403, 200, 403),
                r -> page(r, "/console/knowledge?q=matrix").statusCode());
        cell("a knowledge article in the console /console/knowledge/{id}", statuses(200, 200, 403, 403, 403, 200, 200, 403, 200, 403),
                r -> page(r, "/console/knowledge/" + article).statusCode());
        cell("the caller's name in the console's knowledge search during their call", yesNo(true, true, false, false, false, false, false, false, true, false),
                r -> page(r, "/console/knowledge?q=bins&channel=phone&customer=" + customerId).body().contains("Matrix Resident"));
        cell("the caller's name on a knowledge article during their call", yesNo(true, true, false, false, false, false, false, false, true, false),
                r -> page(r, "/console/knowledge/" + article + "?channel=phone&customer=" + customerId).body().contains("Matrix Resident"));
        // A phone given with a later request waits on the caller's page for the directory's users to confirm.
        postJson(as(Role.AGENT.user), "/api/cases", withPhone(pothole(email), "905 555 " + (1000 + System.nanoTime() % 9000)));
        long pending = pendingDetail(Role.AGENT, email, ((Number) customerId).longValue());
        cell("use a detail to confirm (console; 400 = allowed, but the page was stale)", statuses(400, 400, 403, 403, 403, 404, 404, 403, 400, 403),
                r -> post(r, "/console/customers/" + customerId + "/details-to-confirm/" + pending + "/use", "version", "-1"));
        cell("dismiss a detail to confirm (console; each allowed role its own)", statuses(302, 302, 403, 403, 403, 404, 404, 403, 302, 403),
                r -> post(r, "/console/customers/" + customerId + "/details-to-confirm/"
                        + (Set.of(Role.AGENT, Role.EDITOR, Role.ADMIN).contains(r) ? pendingDetail(Role.AGENT, email, ((Number) customerId).longValue()) : pending)
                        + "/dismiss"));
        assertThat(details.toConfirm(((Number) customerId).longValue())).extracting(IntakeDetails.DetailToConfirm::id).contains(pending);
        cell("the staff start page /staff", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/staff").statusCode());
        // ---- the staff directory, the departments (directory/), the caller lookup (contactcentre/CallerLookupApi)
        cell("the staff directory /directory", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/directory?q=roads").statusCode());
        cell("the staff directory's API /api/directory", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> as(r.user).getForEntity("/api/directory?q=roads", String.class).getStatusCode().value());
        // a Roads member's own address (the test's own user: the demo users are not there on MariaDB in CI)
        org.camunda.bpm.engine.identity.User roadsMember = identityService.createUserQuery().userId(Role.ROADS.user).singleResult();
        roadsMember.setEmail("mx-roads-member@onestop.invalid");
        identityService.saveUser(roadsMember);
        cell("members' own e-mail addresses in the directory (/api/directory)", yesNo(true, true, true, true, true, false, false, false, true, true),
                r -> as(r.user).getForObject("/api/directory?q=roads", String.class).contains("mx-roads-member@onestop.invalid"));
        cell("members' own e-mail addresses on /directory", yesNo(true, true, true, true, true, false, false, false, true, true),
                r -> page(r, "/directory?q=roads").body().contains("mx-roads-member@onestop.invalid"));
        cell("the Directory link in the staff bar", yesNo(true, true, true, true, true, true, true, true, true, true),
                r -> page(r, "/staff").body().contains("href=\"/directory\""));
        cell("the departments /api/departments", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> as(r.user).getForEntity("/api/departments", String.class).getStatusCode().value());
        cell("add a department (API; 400 = allowed, but the id was bad)", statuses(403, 403, 403, 403, 403, 403, 403, 403, 400, 403),
                r -> postJson(as(r.user), "/api/departments", Map.of("id", "Not An Id", "name", "Matrix")).getStatusCode().value());
        cell("change a department (API; 400 = allowed, but the name was blank)", statuses(403, 403, 403, 403, 403, 403, 403, 403, 400, 403),
                r -> as(r.user).exchange("/api/departments/roads", HttpMethod.PUT, jsonBody(Map.of("name", " ")), JSON_OBJECT).getStatusCode().value());
        cell("the departments page /admin/departments", statuses(403, 403, 403, 403, 403, 403, 403, 403, 200, 403),
                r -> page(r, "/admin/departments").statusCode());
        cell("a department's page /admin/departments/roads", statuses(403, 403, 403, 403, 403, 403, 403, 403, 200, 403),
                r -> page(r, "/admin/departments/roads").statusCode());
        cell("caller lookup /api/callers", statuses(200, 200, 403, 403, 403, 403, 403, 403, 200, 403),
                r -> as(r.user).getForEntity("/api/callers?phone=905-555-0100", String.class).getStatusCode().value());
        cell("the residents' A–Z /a-z (the same for everyone)", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/a-z").statusCode());
        cell("an article not marked public on the residents' pages /a-z/{id}", statuses(404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
                r -> page(r, "/a-z/" + article).statusCode());
        cell("its French page /a-z/{id}?lang=fr", statuses(404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
                r -> page(r, "/a-z/" + article + "?lang=fr").statusCode());
        cell("its old French address /a-z/{id}/fr (no redirect: 404)", statuses(404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
                r -> page(r, "/a-z/" + article + "/fr").statusCode());
        long answer = knowledge.create(new ArticleDraft("faq", "Matrix public answer " + System.nanoTime(), "", "A summary for residents.",
                "Body.", "matrix", "answer", "true", "Réponse publique de la matrice", "Un résumé.", "Corps."), "mx-editor").getId();
        cell("an article marked public /a-z/{id} (the same for everyone)", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/a-z/" + answer).statusCode());
        cell("its French page /a-z/{id}?lang=fr (the same for everyone)", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/a-z/" + answer + "?lang=fr").statusCode());
        cell("its old French address /a-z/{id}/fr (a redirect to ?lang=fr)", statuses(301, 301, 301, 301, 301, 301, 301, 301, 301, 301),
                r -> page(r, "/a-z/" + answer + "/fr").statusCode());
        cell("the editor's user name on a public article's French page", yesNo(false, false, false, false, false, false, false, false, false, false),
                r -> page(r, "/a-z/" + answer + "?lang=fr").body().contains("mx-editor"));
        cell("the editor's user name on a public article", yesNo(false, false, false, false, false, false, false, false, false, false),
                r -> page(r, "/a-z/" + answer).body().contains("mx-editor"));
        cell("the staff photo of the Roads case (none: 404 for all)", statuses(404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
                r -> page(r, "/cases/" + p + "/photos/1").statusCode());
        cell("survey figures /api/surveys/summary", statuses(403, 403, 403, 200, 403, 403, 403, 403, 200, 403),
                r -> getJson(as(r.user), "/api/surveys/summary?from=2026-11-01&to=2026-11-30").getStatusCode().value());
        cell("performance measures /api/kpis (managers: KpisTest)", statuses(200, 200, 403, 200, 403, 403, 403, 403, 200, 200),
                r -> getJson(as(r.user), "/api/kpis?from=2026-11-01&to=2026-12-01").getStatusCode().value());
        cell("the contact-centre measures in /api/kpis", yesNo(true, true, false, false, false, false, false, false, true, true),
                r -> String.valueOf(getJson(as(r.user), "/api/kpis?from=2026-11-01&to=2026-12-01").getBody()).contains("contacts="));
        cell("the case measures in /api/kpis (a supervisor's over their departments)", yesNo(false, false, false, true, false, false, false, false, true, true),
                r -> String.valueOf(getJson(as(r.user), "/api/kpis?from=2026-11-01&to=2026-12-01").getBody()).contains("resolved-within-standard-pct="));
        // ---- the scorecards (kpis/ScorecardPages): the figures as the policy's scorecards() gives them, an overdue
        // case in a department's list only to those who may read it
        java.time.Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now.minus(java.time.Duration.ofDays(2))));
        String overdue = (String) open(Role.AGENT, urgentPothole()).get("reference");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now));
        cell("the scorecards /scorecards", statuses(200, 200, 403, 200, 403, 200, 200, 403, 200, 200),
                r -> page(r, "/scorecards").statusCode());
        cell("the Scorecards link in the staff bar", yesNo(true, true, false, true, false, true, true, false, true, true),
                r -> page(r, "/staff").body().contains("href=\"/scorecards\""));
        cell("the corporate scorecard /scorecards/corporate", statuses(403, 403, 403, 403, 403, 200, 200, 403, 200, 200),
                r -> page(r, "/scorecards/corporate").statusCode());
        cell("the Roads scorecard /scorecards/departments/roads", statuses(403, 403, 403, 200, 403, 403, 403, 403, 200, 200),
                r -> page(r, "/scorecards/departments/roads").statusCode());
        cell("an overdue Roads case in the Roads scorecard's list", yesNo(false, false, false, true, false, false, false, false, true, false),
                r -> page(r, "/scorecards/departments/roads").body().contains("href=\"/cases/" + overdue + "\""));
        cell("the Waste scorecard /scorecards/departments/waste", statuses(403, 403, 403, 403, 403, 403, 403, 403, 200, 200),
                r -> page(r, "/scorecards/departments/waste").statusCode());
        cell("a scorecard of no such department", statuses(404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
                r -> page(r, "/scorecards/departments/no-such-department").statusCode());
        cell("the contact centre's scorecard /scorecards/contact-centre", statuses(200, 200, 403, 403, 403, 403, 403, 403, 200, 200),
                r -> page(r, "/scorecards/contact-centre").statusCode());
        // ---- the process owners' pages (CaseAccessPolicy#mayManageModels): moving running cases to a new version
        cell("moving running cases: the page /owner/services/pothole/migration", statuses(403, 403, 403, 403, 403, 403, 403, 200, 200, 403),
                r -> page(r, "/owner/services/pothole/migration").statusCode());
        cell("moving running cases: the API /api/models/services/pothole/migrations", statuses(403, 403, 403, 403, 403, 403, 403, 200, 200, 403),
                r -> as(r.user).getForEntity("/api/models/services/pothole/migrations", String.class).getStatusCode().value());
        cell("moving running cases: a move of all (API; 400 = allowed, but there is no such version)",
                statuses(403, 403, 403, 403, 403, 403, 403, 400, 400, 403),
                r -> postJson(as(r.user), "/api/models/services/pothole/migrations", Map.of("fromVersion", 999999)).getStatusCode().value());
        // ---- the process owners' pages and API (owners/): the policy's mayManageModels (anonymous: ModelsApiTest, OwnerPagesTest)
        cell("what is live /owner/services", statuses(403, 403, 403, 403, 403, 403, 403, 200, 200, 403),
                r -> page(r, "/owner/services").statusCode());
        cell("the preview page /owner/services/{code}/preview", statuses(403, 403, 403, 403, 403, 403, 403, 200, 200, 403),
                r -> page(r, "/owner/services/pothole/preview").statusCode());
        cell("the owners' link on the staff start page /staff", yesNo(false, false, false, false, false, false, false, true, true, false),
                r -> page(r, "/staff").body().contains("href=\"/owner/services\""));
        cell("what is live (API) /api/models/services", statuses(403, 403, 403, 403, 403, 403, 403, 200, 200, 403),
                r -> getJson(as(r.user), "/api/models/services").getStatusCode().value());
        cell("the preview (API) POST /api/models/services/{code}/preview", statuses(403, 403, 403, 403, 403, 403, 403, 200, 200, 403),
                r -> postJson(as(r.user), "/api/models/services/pothole/preview", Map.of("channel", "phone",
                        "answers", Map.of("size", "small", "locationOnRoad", "shoulder"))).getStatusCode().value());
        cell("the staff API's OpenAPI document /api/openapi (anonymous: 401, OpenApiContractTest)",
                statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> as(r.user).getForEntity("/api/openapi", String.class).getStatusCode().value());

        // ---- the engine: tasks of the Roads case, users, webapps
        cell("see the Roads case's task (/engine-rest)", yesNo(false, false, true, false, false, false, false, false, true, false),
                r -> !as(r.user).exchange("/engine-rest/task?processInstanceBusinessKey=" + p + "&maxResults=10",
                        HttpMethod.GET, null, JSON_LIST).getBody().isEmpty());
        cell("create a user (/engine-rest)", statuses(403, 403, 403, 403, 403, 403, 403, 403, 204, 403),
                r -> postJson(as(r.user), "/engine-rest/user/create", Map.of(
                        "profile", Map.of("id", "mx-new-" + r.name().toLowerCase().replace('_', '-') + "-" + System.nanoTime() % 100000,
                                "firstName", "New", "lastName", "User", "email", "new@example.org"),
                        "credentials", Map.of("password", "a-long-enough-password"))).getStatusCode().value());
        cell("Camunda Admin", statuses(403, 403, 403, 403, 403, 403, 403, 403, 200, 403),
                r -> page(r, "/camunda/app/admin/default/").statusCode());
        cell("Camunda Cockpit", statuses(403, 403, 403, 200, 403, 403, 403, 200, 200, 403),
                r -> page(r, "/camunda/app/cockpit/default/").statusCode());

        // ---- operations: the metrics scrape is for administrators (and the monitoring group, metrics/MetricsTest)
        cell("the Prometheus scrape /actuator/prometheus", statuses(403, 403, 403, 403, 403, 403, 403, 403, 200, 403),
                r -> as(r.user).getForEntity("/actuator/prometheus", String.class).getStatusCode().value());

        // ---- a private case (a noise complaint) in the same ward: a ward office follows its status, nothing more
        Map<String, Object> noiseRequest = new HashMap<>(Map.of("serviceCode", "noise-complaint", "channel", "phone",
                "description", "Matrix party next door", "address", "120 King St E, Lakeport",
                "answers", Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true)));
        noiseRequest.put("customer", Map.of("name", "Matrix Neighbour", "email", "mx-neighbour@example.org"));
        String n = (String) open(Role.AGENT, noiseRequest).get("reference");
        cell("read the private case (API)", statuses(200, 200, 404, 404, 404, 404, 200, 404, 200, 404),
                r -> getJson(as(r.user), "/api/cases/" + n).getStatusCode().value());
        cell("the private case's details or timeline (API)", yesNo(true, true, false, false, false, false, false, false, true, false),
                r -> getJson(as(r.user), "/api/cases/" + n).toString().contains("Matrix party next door")
                        || getJson(as(r.user), "/api/cases/" + n).toString().contains("Request received"));

        // ---- the public: Open311 never shows the customer, and never a private case; a reference alone shows little
        ResponseEntity<String> open311 = http.getForEntity("/open311/v2/requests/" + p + ".json", String.class);
        assertThat(open311.getBody()).contains(p).doesNotContain(email).doesNotContain("Matrix Resident");
        ResponseEntity<String> list = http.getForEntity("/open311/v2/requests.json?service_request_id=" + p + "," + n, String.class);
        assertThat(list.getBody()).contains(p).doesNotContain(n).doesNotContain("Matrix party");
        assertThat(http.getForEntity("/status/" + n, String.class).getBody()).contains("Noise complaint")
                .doesNotContain("Matrix party").doesNotContain("120 King St E").doesNotContain("Request received");
        assertThat(http.getForEntity("/status/" + p, String.class).getBody()).doesNotContain("Reported by a caller");

        // ---- the residents' front door, A–Z and statements: no login, nothing of staff, no article not marked public
        for (String path : List.of("/", "/a-z", "/a-z?q=matrix", "/privacy", "/accessibility")) {
            ResponseEntity<String> page = http.getForEntity(path, String.class);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).doesNotContain("Log out", "href=\"/console\"", "Matrix article", "Matrix Resident", email);
        }
        assertThat(http.getForEntity("/a-z/" + article, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity("/a-z/" + article + "/fr", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity("/a-z/" + article + "?lang=fr", String.class).getStatusCode().value()).isEqualTo(404);
        for (String path : List.of("/a-z/" + answer, "/a-z/" + answer + "?lang=fr")) {
            ResponseEntity<String> page = http.getForEntity(path, String.class);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).doesNotContain("Log out", "mx-editor");
        }

        // ---- the public dashboard and the open data: the same for everyone, anonymous too; public cases only, no
        // personal data or free text (DashboardTest, OpenDataTest: the figures, small cells)
        openData.refresh();
        cell("the public dashboard /dashboard (the same for everyone)", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/dashboard").statusCode());
        cell("the open data /open-data/requests.csv (the same for everyone)", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/open-data/requests.csv").statusCode());
        cell("the open data /open-data/requests.json (the same for everyone)", statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                r -> page(r, "/open-data/requests.json").statusCode());
        cell("the Roads case in the open data, without its customer or description", yesNo(true, true, true, true, true, true, true, true, true, true),
                r -> {
                    String body = page(r, "/open-data/requests.csv").body() + page(r, "/open-data/requests.json").body();
                    return body.contains(p) && !body.contains(email) && !body.contains("Matrix Resident") && !body.contains("Reported by a caller");
                });
        cell("the private case in the open data", yesNo(false, false, false, false, false, false, false, false, false, false),
                r -> (page(r, "/open-data/requests.csv").body() + page(r, "/open-data/requests.json").body()).contains(n));
        for (String path : List.of("/dashboard", "/dashboard?lang=fr", "/open-data/requests.csv", "/open-data/requests.json")) {
            ResponseEntity<String> page = http.getForEntity(path, String.class);
            assertThat(page.getStatusCode().value()).as("anonymous " + path).isEqualTo(200);
            assertThat(page.getBody()).as("anonymous " + path).doesNotContain("Log out", email, "Matrix Resident", "Matrix Neighbour",
                    "mx-neighbour@example.org", "Matrix party", "Reported by a caller", n);
        }
        assertThat(http.getForEntity("/open-data/requests.csv", String.class).getBody()).contains(p);

        // ---- handoff: the webhooks' subscriptions (administrators; 404 = allowed, no such subscription), and a back-office
        // system's worker (integrations), who reads no case, no person and no directory here (README "For integrators")
        cell("the webhook subscriptions GET /api/webhooks", statuses(403, 403, 403, 403, 403, 403, 403, 403, 200, 403),
                r -> as(r.user).getForEntity("/api/webhooks", String.class).getStatusCode().value());
        cell("a webhook subscription's deliveries (404 = allowed, no such one)", statuses(403, 403, 403, 403, 403, 403, 403, 403, 404, 403),
                r -> as(r.user).getForEntity("/api/webhooks/987654321/deliveries", String.class).getStatusCode().value());
        cell("add a webhook subscription (400 = allowed, bad input)", statuses(403, 403, 403, 403, 403, 403, 403, 403, 400, 403),
                r -> postJson(as(r.user), "/api/webhooks", Map.of("url", "not a url", "events", List.of("resolved"))).getStatusCode().value());
        user("mx-integrations", "integrations");
        assertThat(getJson(as("mx-integrations"), "/api/cases/" + p).getStatusCode().value()).as("worker: a case").isEqualTo(404);
        assertThat(as("mx-integrations").getForEntity("/api/webhooks", String.class).getStatusCode().value()).as("worker: webhooks").isEqualTo(403);
        assertThat(as("mx-integrations").getForEntity("/api/directory", String.class).getStatusCode().value()).as("worker: directory").isEqualTo(403);
        assertThat(as("mx-integrations").getForEntity("/api/callers?phone=9055550100", String.class).getStatusCode().value())
                .as("worker: caller lookup").isEqualTo(403);
        assertThat(getJson(as("mx-integrations"), "/engine-rest/process-instance/count?processDefinitionKey=CaseLifecycleProcess").getBody())
                .as("worker: the lifecycle in the engine").containsEntry("count", 0);
        assertThat(getJson(as("mx-integrations"), "/engine-rest/task/count").getBody()).as("worker: tasks").containsEntry("count", 0);

        assertThat(wrong).as(cells + " cells checked").isEmpty();

        // ---- the scorecards need a login
        for (String path : List.of("/scorecards", "/scorecards/corporate", "/scorecards/departments/roads", "/scorecards/contact-centre")) {
            HttpResponse<String> anonymous = new WebSession(http.getRootUri()).get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    // ---------------------------------------------------------------- the cells

    private static org.springframework.http.HttpEntity<Object> jsonBody(Object body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private final Map<Role, FormSession> sessions = new EnumMap<>(Role.class);

    private <T> void cell(String action, Map<Role, T> expected, Function<Role, T> actual) {
        assertThat(expected.keySet()).as(action + ": every role has a cell").containsExactlyInAnyOrder(Role.values());
        for (Role role : Role.values()) {
            cells++;
            T got;
            try {
                got = actual.apply(role);
            } catch (RuntimeException e) {
                wrong.add(action + " / " + role + ": expected " + expected.get(role) + " but failed: " + e);
                continue;
            }
            if (!expected.get(role).equals(got)) {
                wrong.add(action + " / " + role + ": expected " + expected.get(role) + " but got " + got);
            }
        }
    }

    private static Map<Role, Integer> statuses(int... values) {
        assertThat(values).as("one status per role").hasSize(Role.values().length);
        Map<Role, Integer> map = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            map.put(role, values[role.ordinal()]);
        }
        return map;
    }

    private static Map<Role, Boolean> yesNo(boolean... values) {
        assertThat(values).as("one answer per role").hasSize(Role.values().length);
        Map<Role, Boolean> map = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            map.put(role, values[role.ordinal()]);
        }
        return map;
    }

    private boolean listed(Role role, String path, String reference) {
        ResponseEntity<Map<String, Object>> page = getJson(as(role.user), path);
        if (page.getStatusCode().value() != 200) {
            return false;
        }
        return ((List<?>) page.getBody().get("cases")).stream().anyMatch(c -> reference.equals(((Map<?, ?>) c).get("reference")));
    }

    private HttpResponse<String> page(Role role, String path) {
        try {
            return page(role).get(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int post(Role role, String path, String... fields) {
        try {
            return page(role).post(path, fields).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The role's logged-in browser session (form login, CSRF), one per role. */
    private FormSession page(Role role) {
        return sessions.computeIfAbsent(role, r -> {
            try {
                return FormSession.loggedIn(http.getRootUri(), r.user, PASSWORD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new detail to confirm on the customer: a request with the customer's e-mail and a phone not yet theirs. */
    private long pendingDetail(Role opener, String email, long customerId) {
        postJson(as(opener.user), "/api/cases", withPhone(pothole(email), "905 556 " + (1000 + System.nanoTime() % 9000)));
        return details.toConfirm(customerId).stream().mapToLong(IntakeDetails.DetailToConfirm::id).max().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withPhone(Map<String, Object> request, String phone) {
        Map<String, Object> customer = new HashMap<>((Map<String, Object>) request.get("customer"));
        customer.put("phone", phone);
        request.put("customer", customer);
        return request;
    }

    // ---------------------------------------------------------------- cases

    private Map<String, Object> open(Role role, Map<String, Object> request) {
        ResponseEntity<Map<String, Object>> created = postJson(as(role.user), "/api/cases", request);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return created.getBody();
    }

    private String freshPothole() {
        return (String) open(Role.AGENT, pothole("mx-fresh-" + System.nanoTime() + "@example.org")).get("reference");
    }

    private static Map<String, Object> pothole(String email) {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone",
                "description", "Reported by a caller", "address", "120 King St E, Lakeport",
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        request.put("customer", Map.of("name", "Matrix Resident", "email", email));
        return request;
    }

    /** An urgent pothole: to be resolved within a day (calendar time). */
    private static Map<String, Object> urgentPothole() {
        Map<String, Object> request = pothole("mx-urgent-" + System.nanoTime() + "@example.org");
        request.put("answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"));
        return request;
    }

    private static Map<String, Object> councillorInquiry() {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("serviceCode", "councillor-inquiry", "channel", "council",
                "address", "40 Mountain Brow Blvd", "answers", Map.of("councillor", "Councillor Priya Natarajan",
                        "topic", "roads-traffic", "inquiry", "Speeding at the school crossing.", "residentConsent", true)));
        request.put("customer", Map.of("name", "Inquiring Resident", "email", "mx-resident@example.org"));
        return request;
    }

    private void member(String user, String group) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            Group g = identityService.newGroup(group);
            g.setName(group);
            g.setType("WARD_OFFICE");
            identityService.saveGroup(g);
        }
        if (identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identityService.createMembership(user, group);
        }
    }
}
