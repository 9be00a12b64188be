package org.onestop.cases;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.onestop.models.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a service process's hand-off to a back-office system ({@code camunda:type="external"},
 * {@code camunda:topic="work-orders"}) calls: where the case is, for the task's input mappings, and the end listener that
 * writes the work order the worker reported on the case's timeline. Both are {@link ModelBean}s; see the README, "For
 * integrators: work orders and webhooks".
 */
@Configuration(proxyBeanMethods = false)
class WorkOrderDelegates {

    /** {@code ${workOrderPlace.address(caseId)}}, and its position and ward: the case's address, position and ward (never a person). */
    @Bean
    @ModelBean
    WorkOrderPlace workOrderPlace(WorkOrders workOrders) {
        return new WorkOrderPlace(workOrders);
    }

    /** End listener of the external task: reads {@code workOrderNumber} and {@code workOrderStatus} as the worker left them. */
    @Bean
    @ModelBean
    ExecutionListener recordWorkOrder(WorkOrders workOrders) {
        return execution -> {
            if (execution.isCanceled()) {
                return; // the task ended without the worker (the case cancelled or withdrawn, moved on in Cockpit): no work order
            }
            Authentication worker = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            workOrders.record(LifecycleDelegates.caseId(execution), (String) execution.getVariable("workOrderNumber"),
                    (String) execution.getVariable("workOrderStatus"), worker == null ? null : worker.getUserId());
        };
    }

    /** {@code ${backOffice.connected('work-orders')}}: whether a worker serves the topic ({@code onestop.integrations.topics}). */
    @Bean
    @ModelBean
    BackOffice backOffice(BackOfficeProperties settings) {
        return new BackOffice(settings.topics());
    }

    /** The back-office systems whose workers run, by topic. */
    public static final class BackOffice {

        private final Set<String> topics = ConcurrentHashMap.newKeySet();

        BackOffice(List<String> topics) {
            topics.stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(this.topics::add);
        }

        public boolean connected(String topic) {
            return topics.contains(topic);
        }

        /** For tests of the hand-off, which share one application with tests that go on without it. */
        void connect(String topic, boolean connected) {
            if (connected) {
                topics.add(topic);
            } else {
                topics.remove(topic);
            }
        }
    }

    /** The case's place, for a work order's input mappings (a method each: models read no object's properties). */
    public static final class WorkOrderPlace {

        private final WorkOrders workOrders;

        WorkOrderPlace(WorkOrders workOrders) {
            this.workOrders = workOrders;
        }

        public String address(Object caseId) {
            return place(caseId).address();
        }

        public Double latitude(Object caseId) {
            return place(caseId).latitude();
        }

        public Double longitude(Object caseId) {
            return place(caseId).longitude();
        }

        public String ward(Object caseId) {
            return place(caseId).ward();
        }

        private WorkOrders.Place place(Object caseId) {
            return workOrders.place(((Number) caseId).longValue());
        }
    }
}
