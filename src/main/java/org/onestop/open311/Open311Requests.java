package org.onestop.open311;

import org.springframework.data.jpa.repository.JpaRepository;

interface Open311Requests extends JpaRepository<Open311Request, Long> {
}
