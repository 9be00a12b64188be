package org.onestop.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Surveys extends JpaRepository<Survey, Long> {

    Optional<Survey> findByTokenHash(String tokenHash);

    List<Survey> findByCaseIdOrderByIdAsc(Long caseId);

    /** Records the answer if the survey is still open; 0 when it was answered already or expired (one use only). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Survey s set s.answeredAt = :now, s.rating = :rating, s.effort = :effort, s.fixed = :fixed, s.comment = :comment "
            + "where s.id = :id and s.answeredAt is null and s.expiresAt > :now")
    int answer(@Param("id") Long id, @Param("rating") int rating, @Param("effort") Integer effort, @Param("fixed") boolean fixed,
               @Param("comment") String comment, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Survey s set s.reopened = :reopened where s.id = :id")
    int reopened(@Param("id") Long id, @Param("reopened") boolean reopened);

    /** Answers in a period about the given departments' cases, per service: [serviceCode, responses, average rating, number fixed]. */
    @Query("select s.serviceCode, count(s), avg(s.rating), sum(case when s.fixed = true then 1 else 0 end) from Survey s "
            + "where s.answeredAt >= :from and s.answeredAt < :to and s.department in :departments "
            + "group by s.serviceCode order by s.serviceCode")
    List<Object[]> byService(@Param("from") Instant from, @Param("to") Instant to,
                             @Param("departments") java.util.Collection<String> departments);

    /** Answers in a period per department: [department, responses, average rating, number fixed]. */
    @Query("select s.department, count(s), avg(s.rating), sum(case when s.fixed = true then 1 else 0 end) from Survey s "
            + "where s.answeredAt >= :from and s.answeredAt < :to and s.department in :departments "
            + "group by s.department order by s.department")
    List<Object[]> byDepartment(@Param("from") Instant from, @Param("to") Instant to,
                                @Param("departments") java.util.Collection<String> departments);
}
