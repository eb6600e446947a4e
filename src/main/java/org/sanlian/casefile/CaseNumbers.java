package org.sanlian.casefile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates 案号 without gaps and without duplicates (domain.md §3.3). The series row is locked (SELECT … FOR
 * UPDATE) for the rest of the caller's transaction, so concurrent allocations on any node queue up, and a
 * transaction that rolls back gives its number back. A number once committed is never reused: voiding keeps
 * it with its reason.
 */
@Service
public class CaseNumbers {

    private final CaseNumberSequenceRepository sequences;
    private final CaseNumberRepository numbers;
    private final Organisations organisations;
    private final TransactionTemplate newTransaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CaseNumbers(CaseNumberSequenceRepository sequences, CaseNumberRepository numbers,
            Organisations organisations, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.numbers = numbers;
        this.organisations = organisations;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public CaseNumber allocate(String organisationCode, NumberType type, int year, String reference,
            String allocatedBy) {
        Organisation organisation = organisations.byCode(organisationCode)
                .orElseThrow(() -> new InvalidInputException("organisationCode", "没有这个机构: " + organisationCode));
        CaseNumberSequence sequence = lockedSeries(new CaseNumberSequence.Key(organisationCode, year, type));
        long value = sequence.next();
        String formatted = organisation.getNumberFormat()
                .replace("{prefix}", organisation.getNumberPrefix())
                .replace("{type}", type.character())
                .replace("{year}", Integer.toString(year))
                .replace("{seq}", Long.toString(value));
        return numbers.save(new CaseNumber(formatted, organisationCode, year, type, value, reference, allocatedBy,
                Instant.now(clock)));
    }

    /**
     * The number of one document of a type that {@code reference} (a case) has, told apart from its others of the type
     * by {@code subject} (the measure a 先行登记保存 or 扣押 document belongs to): the one it was given, in whatever year,
     * unless voided — a document made again keeps its number — else the next of this year's series; a second measure
     * of the case is a document of its own with a number of its own. Looked up with the series locked, so two steps
     * of the same case never both allocate one.
     */
    @Transactional
    public CaseNumber allocateOnce(String organisationCode, NumberType type, int year, String reference,
            String subject, String allocatedBy) {
        if (reference == null || subject == null) {
            throw new IllegalArgumentException("a number allocated once needs the reference and subject it belongs to");
        }
        lockedSeries(new CaseNumberSequence.Key(organisationCode, year, type));
        return numbers.findFirstByReferenceAndTypeAndSubjectAndVoidedFalseOrderByIdDesc(reference, type, subject)
                .orElseGet(() -> {
                    CaseNumber number = allocate(organisationCode, type, year, reference, allocatedBy);
                    number.about(subject);
                    return number;
                });
    }

    @Transactional
    public CaseNumber voidNumber(String formatted, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "作废案号必须写明理由");
        }
        CaseNumber number = numbers.findByFormatted(formatted)
                .orElseThrow(() -> new NotFoundException("case number", formatted));
        number.voidWith(reason.strip());
        return number;
    }

    @Transactional(readOnly = true)
    public List<CaseNumber> series(String organisationCode, int year, NumberType type) {
        return numbers.findByOrganisationCodeAndYearAndTypeOrderBySequenceValue(organisationCode, year, type);
    }

    private CaseNumberSequence lockedSeries(CaseNumberSequence.Key key) {
        return sequences.lock(key).orElseGet(() -> {
            createSeries(key);
            return sequences.lock(key).orElseThrow();
        });
    }

    /**
     * The first number of a series creates its row, in its own transaction; when two nodes race, the loser's
     * insert fails on the primary key and it locks the winner's row. A plain INSERT, never a JPA merge: a
     * merge would find the winner's row and write its own counter of 0 over it.
     */
    private void createSeries(CaseNumberSequence.Key key) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO case_number_sequence (organisation_code, number_year, number_type, last_value) "
                            + "VALUES (?, ?, ?, 0)",
                    key.organisationCode(), key.year(), key.type().name()));
        } catch (DataIntegrityViolationException alreadyCreated) {
            // another transaction created it first: lock that one
        }
    }
}
