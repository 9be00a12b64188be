package org.onestop.customers;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Contacts extends JpaRepository<Contact, Long> {

    List<Contact> findByCustomerIdOrderByStartedAtDescIdDesc(Long customerId, Pageable page);

    List<Contact> findByCaseReferenceOrderByStartedAtDescIdDesc(String caseReference);
}
