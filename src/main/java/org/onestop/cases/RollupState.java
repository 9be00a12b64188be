package org.onestop.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where the KPIs' case rollup stands (one row): every case changed before {@code asOf} is in it. */
@Entity
@Table(name = "kpi_rollup_state")
class RollupState {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "as_of")
    private Instant asOf;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    private String holder;

    protected RollupState() {
    }

    Instant getAsOf() { return asOf; }
}
