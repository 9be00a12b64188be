package org.onestop.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** What the migration tests share: running a batch's jobs as the job executor would (the tests' executor is off). */
final class MigrationTesting {

    /** The new version of the pothole process the tests deploy: the bundled one with a task "Check repair" added. */
    static final String POTHOLE_WITH_CHECK = "migration/pothole.bpmn";

    private MigrationTesting() {
    }

    /** A small pothole on the shoulder, as the contact centre opens it (roads, normal priority). */
    static Map<String, Object> potholeRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "phone");
        request.put("description", "A pothole (migration test)");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        request.put("customer", Map.of("name", "Morgan Mover", "phone", "905-555-0142"));
        return request;
    }

    /** Runs a batch: the seed job, each case's job, the monitor job that ends it. */
    static void runBatch(ManagementService management, String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
            for (int round = 0; round < 50; round++) {
                List<Job> jobs = management.createJobQuery().jobDefinitionId(definition).list();
                if (jobs.isEmpty() || management.createBatchQuery().batchId(batchId).count() == 0) {
                    break;
                }
                jobs.forEach(job -> management.executeJob(job.getId()));
            }
        }
        assertThat(management.createBatchQuery().batchId(batchId).count()).as("batch done").isZero();
    }
}
