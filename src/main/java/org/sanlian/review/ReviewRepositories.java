package org.sanlian.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseReviewRepository extends JpaRepository<CaseReview, Long> {

    Optional<CaseReview> findByReviewNumber(String reviewNumber);

    List<CaseReview> findAllByOrderByIdDesc();
}

interface ReviewedCaseRepository extends JpaRepository<ReviewedCase, Long> {

    List<ReviewedCase> findByReviewIdOrderByPosition(Long reviewId);

    Optional<ReviewedCase> findByReviewIdAndCaseNumber(Long reviewId, String caseNumber);
}
