package org.onestop.customers;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The customers' table; other features go through {@link CustomerService}. */
interface Customers extends JpaRepository<Customer, Long> {

    List<Customer> findByEmailOrderByIdAsc(String email);

    List<Customer> findByPhoneDigitsOrderByIdAsc(String phoneDigits);

    boolean existsByPhoneDigitsAndIdNot(String phoneDigits, Long id);

    boolean existsByEmailAndIdNot(String email, Long id);
}
