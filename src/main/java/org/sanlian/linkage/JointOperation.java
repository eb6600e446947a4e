package org.sanlian.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A joint operation (联合执法行动) of a transport brigade and the traffic police. */
@Entity
@Table(name = "linkage_joint_operation")
public class JointOperation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "operation_number", unique = true)
    private String operationNumber;

    @Column(nullable = false)
    private String title;

    @Column(name = "planned_date", nullable = false)
    private LocalDate plannedDate;

    @Column(nullable = false)
    private String place;

    @Column(name = "organiser_code", nullable = false)
    private String organiserCode;

    @Column(name = "police_code", nullable = false)
    private String policeCode;

    @Column(name = "transport_officers", nullable = false)
    private String transportOfficers;

    @Column(name = "police_officers", nullable = false)
    private String policeOfficers;

    private String debrief;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected JointOperation() {
    }

    JointOperation(String title, LocalDate plannedDate, String place, String organiserCode, String policeCode,
            String transportOfficers, String policeOfficers, String registeredBy, Instant registeredAt) {
        this.title = title;
        this.plannedDate = plannedDate;
        this.place = place;
        this.organiserCode = organiserCode;
        this.policeCode = policeCode;
        this.transportOfficers = transportOfficers;
        this.policeOfficers = policeOfficers;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    void assignNumber(String number) {
        this.operationNumber = number;
    }

    void confirmPolice(String policeOfficers) {
        this.policeOfficers = policeOfficers;
    }

    void debriefed(String debrief) {
        this.debrief = debrief;
    }

    public Long getId() {
        return id;
    }

    public String getOperationNumber() {
        return operationNumber;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getPlannedDate() {
        return plannedDate;
    }

    public String getPlace() {
        return place;
    }

    public String getOrganiserCode() {
        return organiserCode;
    }

    public String getPoliceCode() {
        return policeCode;
    }

    public String getTransportOfficers() {
        return transportOfficers;
    }

    public String getPoliceOfficers() {
        return policeOfficers;
    }

    public String getDebrief() {
        return debrief;
    }
}
