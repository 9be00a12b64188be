package org.onestop.customers;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The customers' table; other features go through {@link CustomerService}. The lookups every intake makes are JPQL:
 * Hibernate keeps their translation in its query plan cache, where a derived query is built and translated again as a
 * criteria query on every call (about 13 % of an intake's server time, by the intake benchmark's profile).
 */
interface Customers extends JpaRepository<Customer, Long> {

    @Query("select c from Customer c where c.email = ?1 order by c.id")
    List<Customer> findByEmailOrderByIdAsc(String email);

    @Query("select c from Customer c where c.phoneDigits = ?1 order by c.id")
    List<Customer> findByPhoneDigitsOrderByIdAsc(String phoneDigits);

    @Query("select count(c) > 0 from Customer c where c.phoneDigits = ?1 and c.id <> ?2")
    boolean existsByPhoneDigitsAndIdNot(String phoneDigits, Long id);

    @Query("select count(c) > 0 from Customer c where c.email = ?1 and c.id <> ?2")
    boolean existsByEmailAndIdNot(String email, Long id);
}
