package org.sanlian.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

// The repositories of the inspection feature.
interface RegulatedEnterpriseRepository extends JpaRepository<RegulatedEnterprise, String> {
    List<RegulatedEnterprise> findAllByOrderByUscc();
}

interface EnterpriseVehicleRepository extends JpaRepository<EnterpriseVehicle, Long> {
    List<EnterpriseVehicle> findByEnterpriseUsccOrderByPlateNumber(String uscc);
}

interface PoolInspectorRepository extends JpaRepository<PoolInspector, String> {
    List<PoolInspector> findAllByOrderByUserId();
}

interface InspectorConflictRepository extends JpaRepository<InspectorConflict, Long> {
    List<InspectorConflict> findAllByOrderById();
}

interface InspectionItemRepository extends JpaRepository<InspectionItem, String> {
    List<InspectionItem> findAllByOrderByCode();
}

interface InspectionPlanRepository extends JpaRepository<InspectionPlan, Long> {
    Optional<InspectionPlan> findByPlanNumber(String planNumber);
}

interface InspectionDrawRepository extends JpaRepository<InspectionDraw, Long> {
    Optional<InspectionDraw> findByPlanId(Long planId);
}

interface InspectionVisitRepository extends JpaRepository<InspectionVisit, Long> {
    List<InspectionVisit> findByPlanIdOrderById(Long planId);

    Optional<InspectionVisit> findByVisitNumber(String visitNumber);
}

interface InspectionFindingRepository extends JpaRepository<InspectionFinding, Long> {
    List<InspectionFinding> findByVisitIdOrderById(Long visitId);

    List<InspectionFinding> findByVisitIdInOrderById(List<Long> visitIds);
}
