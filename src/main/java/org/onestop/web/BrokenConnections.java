package org.onestop.web;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the pool to throw away a connection whose statement failed because the database is out of reach
 * ({@link DatabaseOutage}), whatever the driver's error codes: Hikari only recognises some (SQL state class 08), so a
 * connection H2 reports as closed went back to the pool and failed the next borrower too, for as long as it stayed in
 * use (the pool validates only connections idle for half a second). Named in
 * {@code spring.datasource.hikari.exception-override-class-name}; public for Hikari to create it.
 */
public class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return DatabaseOutage.causes(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
