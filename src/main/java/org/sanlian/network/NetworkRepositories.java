package org.sanlian.network;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface JurisdictionTransferRepository extends JpaRepository<JurisdictionTransfer, Long> {

    Optional<JurisdictionTransfer> findByNumber(String transferNumber);

    List<JurisdictionTransfer> findBySubjectNumberAndStatusIn(String subjectNumber,
            Collection<JurisdictionTransfer.Status> statuses);

    List<JurisdictionTransfer> findByFromOrganisationInOrToOrganisationInOrderByIdDesc(Collection<String> from,
            Collection<String> to);

    List<JurisdictionTransfer> findAllByOrderByIdDesc();
}

interface AssistanceRequestRepository extends JpaRepository<AssistanceRequest, Long> {

    Optional<AssistanceRequest> findByNumber(String requestNumber);

    List<AssistanceRequest> findByRequestingOrganisationInOrAssistingOrganisationInOrderByIdDesc(
            Collection<String> requesting, Collection<String> assisting);

    List<AssistanceRequest> findAllByOrderByIdDesc();

    List<AssistanceRequest> findByCaseNumberAndStatusIn(String caseNumber, Collection<AssistanceRequest.Status> statuses);
}
