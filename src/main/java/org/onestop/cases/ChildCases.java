package org.onestop.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.departments.Departments;
import org.onestop.shared.InvalidRequestException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Parent and child cases. Staff split a case that needs several departments into child cases: each is a case of its
 * own, opened through intake ({@link CaseOpening}) with its own service, routing, standard, lifecycle and timeline,
 * under the parent's reference with a suffix. The parent's lifecycle ({@code bpmn/case-lifecycle.bpmn}) is told
 * {@value #SPLIT_MESSAGE} (its fulfilment stops; it waits for its children) and {@value #CHILD_FINISHED_MESSAGE} each
 * time a child is finished; the model decides when the parent resolves.
 */
@Component
class ChildCases {

    static final String SPLIT_MESSAGE = "CaseSplit";
    static final String CHILD_FINISHED_MESSAGE = "ChildCaseFinished";
    static final int MAX_CHILDREN = 10;
    /** The timeline entries that finish a child: the parent is told of each (it counts, so twice does no harm). */
    private static final Set<CaseEventType> FINISHING = Set.of(CaseEventType.RESOLVED, CaseEventType.CLOSED,
            CaseEventType.CANCELLED, CaseEventType.DUPLICATE, CaseEventType.REFERRED);

    /** One child as staff give it: its service, the answers to that service's questions, what to do, and where. */
    record Child(String serviceCode, String description, String address, Map<String, Object> answers) {
    }

    private final ServiceRequests requests;
    private final CaseOpening opening;
    private final CaseTimeline timeline;
    private final CaseClocks clocks;
    private final ServiceCatalogue catalogue;
    private final Departments departments;
    private final RuntimeService runtimeService;

    ChildCases(ServiceRequests requests, CaseOpening opening, CaseTimeline timeline, CaseClocks clocks, ServiceCatalogue catalogue,
               Departments departments, RuntimeService runtimeService) {
        this.requests = requests;
        this.opening = opening;
        this.timeline = timeline;
        this.clocks = clocks;
        this.catalogue = catalogue;
        this.departments = departments;
        this.runtimeService = runtimeService;
    }

    /**
     * Splits an open case into child cases, all or nothing: every child is checked first (400 naming
     * {@code children[i].field}), then the parent's lifecycle stops its own fulfilment and waits, then each child is
     * opened (same customer, channel, place and ward as the parent unless an address is given).
     */
    List<ServiceRequest> split(String reference, List<Child> children, String actor) {
        ServiceRequest parent = requests.getByReference(reference);
        if (!parent.getStatus().isOpen()) {
            throw new InvalidRequestException("status", "the case is already " + parent.getStatus().code());
        }
        if (parent.isChild()) {
            throw new InvalidRequestException("status", "a child case cannot be split again; split its parent");
        }
        if (!requests.findByParentIdOrderByIdAsc(parent.getId()).isEmpty()) {
            throw new InvalidRequestException("status", "the case is already split into child cases");
        }
        if (children == null || children.isEmpty() || children.size() > MAX_CHILDREN) {
            throw new InvalidRequestException("children", "give between 1 and " + MAX_CHILDREN + " child cases");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<ServiceDefinition> services = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Child child = children.get(i);
            String field = "children[" + i + "].";
            ServiceDefinition service = child == null || child.serviceCode() == null ? null
                    : catalogue.find(child.serviceCode().trim()).orElse(null);
            services.add(service);
            if (service == null) {
                errors.put(field + "serviceCode", child == null || isBlank(child.serviceCode()) ? "is required"
                        : "is not a service of the city: '" + child.serviceCode() + "'");
                continue;
            }
            Map<String, String> own = new LinkedHashMap<>();
            LifecycleInputs.validAnswers(service, child.answers(), own);
            own.forEach((key, message) -> errors.put(field + key, message));
            if (isBlank(child.description())) {
                errors.put(field + "description", "is required: what this department is asked to do");
            } else if (child.description().length() > 4000) {
                errors.put(field + "description", "must be at most 4000 characters");
            }
            if (child.address() != null && child.address().length() > 300) {
                errors.put(field + "address", "must be at most 300 characters");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (parent.getProcessInstanceId() == null || runtimeService.createEventSubscriptionQuery()
                .processInstanceId(parent.getProcessInstanceId()).eventType("message").eventName(SPLIT_MESSAGE).count() == 0) {
            throw new InvalidRequestException("status", "the case's lifecycle cannot wait for child cases now "
                    + "(it is not with a department, or runs on an earlier version of the lifecycle)");
        }
        // The department took the case on and the work is under way (in its children): the clock runs again if it
        // waited for the resident, before the lifecycle's own timers end with the split.
        if (parent.getStatus() == CaseStatus.WAITING_FOR_CUSTOMER) {
            clocks.resume(parent);
        }
        if (parent.getStatus() == CaseStatus.SUBMITTED) {
            timeline.changeStatus(parent, CaseStatus.ACKNOWLEDGED, CaseEventType.ACKNOWLEDGED, Visibility.PUBLIC, actor,
                    "Acknowledged by " + departments.nameOf(parent.getDepartment()));
        }
        if (parent.getStatus() != CaseStatus.IN_PROGRESS) {
            timeline.changeStatus(parent, CaseStatus.IN_PROGRESS, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, actor, "Work in progress");
        }
        runtimeService.createMessageCorrelation(SPLIT_MESSAGE).processInstanceId(parent.getProcessInstanceId())
                .setVariable("childCaseCount", children.size()).setVariable("finishedChildCaseCount", 0).correlate();
        List<ServiceRequest> opened = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            opened.add(open(parent, i + 1, children.get(i), actor));
        }
        timeline.record(parent, CaseEventType.SPLIT, Visibility.PUBLIC, actor, "Your request needs " + children.size()
                + (children.size() == 1 ? " department: " : " departments: ") + opened.stream()
                .map(c -> serviceName(c.getServiceCode()) + " (" + departments.nameOf(c.getDepartment()) + ")")
                .collect(Collectors.joining(", ")) + "; each works on its part and we tell you when all are done");
        return opened;
    }

    private ServiceRequest open(ServiceRequest parent, int number, Child child, String actor) {
        boolean ownPlace = !isBlank(child.address());
        NewCase request = new NewCase(child.serviceCode().trim(), parent.getChannel(), child.description().trim(),
                parent.getCustomerId(), null, ownPlace ? child.address().trim() : parent.getAddress(),
                ownPlace ? null : parent.getLatitude(), ownPlace ? null : parent.getLongitude(),
                ownPlace ? null : parent.getWard(), child.answers());
        ServiceRequest sr = opening.openChild(parent, number, request, actor);
        // The department that split the case follows its parts (the access policy's "holds or held").
        timeline.holds(sr, parent.getDepartment());
        timeline.record(sr, CaseEventType.SPLIT, Visibility.INTERNAL, actor, "Child case " + number + " of "
                + parent.getReference() + " (" + serviceName(parent.getServiceCode()) + ")");
        return sr;
    }

    /**
     * A child case finished (resolved, closed, cancelled, closed as a duplicate or referred): its parent's lifecycle
     * is told how many of its children are finished, if it is waiting for them. A cancelled, duplicate or referred
     * child counts as finished: nothing more is coming from that department.
     */
    @EventListener
    void on(CaseEventRecorded event) {
        if (!FINISHING.contains(event.type()) || event.status().isOpen()) {
            return;
        }
        ServiceRequest child = requests.findById(event.caseId()).orElse(null);
        if (child == null || !child.isChild()) {
            return;
        }
        ServiceRequest parent = requests.findById(child.getParentId()).orElseThrow();
        if (parent.getProcessInstanceId() == null) {
            return;
        }
        List<ServiceRequest> siblings = requests.findByParentIdOrderByIdAsc(parent.getId());
        long finished = siblings.stream().filter(c -> !c.getStatus().isOpen()).count();
        runtimeService.createMessageCorrelation(CHILD_FINISHED_MESSAGE).processInstanceId(parent.getProcessInstanceId())
                .setVariable("finishedChildCaseCount", (int) finished)
                .setVariable("resolutionNote", finished < siblings.size() ? null : summary(siblings))
                .correlateAllWithResult();
    }

    /** What the parent's "resolved" says: each part and what became of it. */
    private String summary(List<ServiceRequest> children) {
        return children.stream().map(c -> serviceName(c.getServiceCode()) + ": " + (c.getResolution() != null
                ? c.getResolution() : c.getStatus().code())).collect(Collectors.joining("; "));
    }

    private String serviceName(String code) {
        return catalogue.find(code).map(ServiceDefinition::name).orElse(code);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
