package org.onestop.customers;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DetailsToConfirm extends JpaRepository<CustomerDetailToConfirm, Long> {

    List<CustomerDetailToConfirm> findByCustomerIdOrderByIdAsc(Long customerId);
}
