package org.onestop.notifications;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeSubscriptions extends JpaRepository<NoticeSubscription, Long> {

    Optional<NoticeSubscription> findByToken(String token);
}
