package org.onestop.models;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** {@link BrokenModelsTest}'s deploy as Camunda Modeler does it, for the tests of other packages. */
public final class BrokenModelsTestAccess {

    private BrokenModelsTestAccess() {
    }

    public static String bundled(String path) {
        return BrokenModelsTest.bundled(path);
    }

    public static ResponseEntity<Map<String, Object>> deploy(TestRestTemplate client, String name, Map<String, String> files) {
        return BrokenModelsTest.deploy(client, name, files);
    }
}
