package org.sanlian.casefile.party;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CasePartyRepository extends JpaRepository<CaseParty, Long> {

    Optional<CaseParty> findByCaseNumberAndName(String caseNumber, String name);

    List<CaseParty> findByCaseNumberOrderById(String caseNumber);
}

interface CaseVehicleRepository extends JpaRepository<CaseVehicle, Long> {

    boolean existsByCaseNumberAndPlateNumber(String caseNumber, String plateNumber);

    List<CaseVehicle> findByCaseNumberOrderById(String caseNumber);

    List<CaseVehicle> findByCaseNumberInOrderById(java.util.Collection<String> caseNumbers);
}
