package org.onestop.city;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo city's data ({@code onestop.demo.*}): on for the embedded default (application.yaml), off in the
 * {@code mysql} profile and wherever it is not set.
 *
 * @param users the demo users and their groups, all with the password {@code demo}
 * @param cases the demo cases, opened at the first start on an empty database
 */
@ConfigurationProperties("onestop.demo")
public record DemoProperties(@DefaultValue("false") boolean users, @DefaultValue("false") boolean cases) {
}
