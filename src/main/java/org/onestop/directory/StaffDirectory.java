package org.onestop.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.departments.Departments;
import org.onestop.oncall.OnCallRoster;
import org.onestop.standards.PublishedStandards;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The staff directory: each department with its public contacts, the services its routing tables send to it, who is
 * on call for it now, and its members (the engine's group members: staff, supervisors, head, on-call rota), their
 * e-mail addresses when the access policy lets the reader see them. Searched by words of a department, a service or
 * a person's name.
 */
@Service
class StaffDirectory {

    /** Members listed per group at most. */
    static final int MEMBERS_PER_GROUP = 200;
    static final int MAX_QUERY = 200;

    enum Role { STAFF, SUPERVISOR, HEAD, ON_CALL }

    record ServiceRef(String code, String name) {
    }

    record Person(String userId, String name, String email) {
    }

    record Member(String userId, String name, String email, List<Role> roles) {
    }

    record Entry(String id, String name, String phone, String email, String description, List<ServiceRef> services,
                 Person onCallNow, List<Member> members) {
    }

    private final Departments departments;
    private final ServiceCatalogue catalogue;
    private final PublishedStandards standards;
    private final OnCallRoster roster;
    private final IdentityService identity;
    private final CaseAccessPolicy policy;
    private final Clock clock;

    StaffDirectory(Departments departments, ServiceCatalogue catalogue, PublishedStandards standards, OnCallRoster roster,
                   IdentityService identity, CaseAccessPolicy policy, Clock clock) {
        this.departments = departments;
        this.catalogue = catalogue;
        this.standards = standards;
        this.roster = roster;
        this.identity = identity;
        this.policy = policy;
        this.clock = clock;
    }

    /** The departments matching every word of the query (all for none), in the reader's language. */
    List<Entry> search(String query, Locale locale, StaffMember reader) {
        if (!policy.mayUseStaffDirectory(reader)) {
            throw new AccessDeniedException("the staff directory is for staff");
        }
        boolean emails = policy.maySeeStaffEmails(reader);
        List<String> words = words(query);
        Map<String, List<ServiceRef>> services = servicesByDepartment(locale);
        List<Entry> found = new ArrayList<>();
        for (Departments.Department d : departments.departments()) {
            List<ServiceRef> theirs = services.getOrDefault(d.id(), List.of());
            List<Member> members = members(d, emails);
            Person onCall = roster.onCall(d.id(), clock.instant()).map(id -> person(id, emails)).orElse(null);
            Entry entry = new Entry(d.id(), d.name(locale), d.phone(), d.email(), d.description(), theirs, onCall, members);
            if (matches(entry, d, words)) {
                found.add(entry);
            }
        }
        return found;
    }

    private Map<String, List<ServiceRef>> servicesByDepartment(Locale locale) {
        Map<String, List<ServiceRef>> byDepartment = new HashMap<>();
        for (ServiceDefinition service : catalogue.services()) {
            ServiceDefinition shown = service.in(locale);
            for (String department : standards.departments(service.routingDecision())) {
                byDepartment.computeIfAbsent(department, k -> new ArrayList<>()).add(new ServiceRef(service.code(), shown.name()));
            }
        }
        return byDepartment;
    }

    private List<Member> members(Departments.Department d, boolean emails) {
        Map<String, Member> members = new LinkedHashMap<>();
        List<String> groups = d.groups();
        Role[] roles = {Role.STAFF, Role.SUPERVISOR, Role.ON_CALL, Role.HEAD};
        for (int i = 0; i < groups.size(); i++) {
            Role role = roles[i];
            for (User user : identity.createUserQuery().memberOfGroup(groups.get(i)).orderByUserLastName().asc()
                    .listPage(0, MEMBERS_PER_GROUP)) {
                Member known = members.get(user.getId());
                List<Role> theirs = new ArrayList<>(known == null ? List.of() : known.roles());
                theirs.add(role);
                members.put(user.getId(), new Member(user.getId(), name(user), emails ? user.getEmail() : null, List.copyOf(theirs)));
            }
        }
        return List.copyOf(members.values());
    }

    private Person person(String userId, boolean emails) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? new Person(userId, userId, null) : new Person(userId, name(user), emails ? user.getEmail() : null);
    }

    private static String name(User user) {
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(p -> p != null && !p.isBlank())
                .reduce((a, b) -> a + " " + b).orElse("");
        return name.isBlank() ? user.getId() : name;
    }

    /** Every word starts a word of the department's names, id or description, a service's, or a member's name or id. */
    private static boolean matches(Entry entry, Departments.Department d, List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        List<String> terms = new ArrayList<>();
        Stream.of(d.id(), d.name(), d.nameFr(), d.description()).forEach(t -> terms.addAll(words(t)));
        entry.services().forEach(s -> {
            terms.addAll(words(s.name()));
            terms.addAll(words(s.code()));
        });
        entry.members().forEach(m -> {
            terms.addAll(words(m.name()));
            terms.add(m.userId().toLowerCase(Locale.ROOT));
        });
        Optional.ofNullable(entry.onCallNow()).ifPresent(p -> terms.addAll(words(p.name())));
        return words.stream().allMatch(w -> terms.stream().anyMatch(t -> t.startsWith(w)));
    }

    /** Lower-case words without accents ("Foresterie urbaine" → foresterie, urbaine). */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
