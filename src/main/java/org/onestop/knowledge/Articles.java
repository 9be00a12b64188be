package org.onestop.knowledge;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Articles extends JpaRepository<Article, Long> {

    List<Article> findAllByOrderByTitleAsc();

    List<Article> findByTopicOrderByTitleAsc(String topic);

    List<Article> findByPublicArticleTrueOrderByTitleAsc();
}
