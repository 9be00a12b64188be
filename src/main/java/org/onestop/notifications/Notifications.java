package org.onestop.notifications;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Notifications extends JpaRepository<Notification, Long> {

    List<Notification> findByCaseIdOrderByIdAsc(Long caseId);

    boolean existsByCaseEventIdAndRecipient(Long caseEventId, String recipient);
}
