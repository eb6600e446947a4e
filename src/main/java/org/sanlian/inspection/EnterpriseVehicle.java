package org.sanlian.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A vehicle of a regulated enterprise. */
@Entity
@Table(name = "inspection_vehicle")
public class EnterpriseVehicle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_uscc", nullable = false)
    private String enterpriseUscc;

    @Column(name = "plate_number", nullable = false)
    private String plateNumber;

    @Column(name = "vehicle_kind", nullable = false)
    private String vehicleKind;

    @Column(nullable = false)
    private boolean demo;

    protected EnterpriseVehicle() {
    }

    public String getEnterpriseUscc() {
        return enterpriseUscc;
    }

    public String getPlateNumber() {
        return plateNumber;
    }

    public String getVehicleKind() {
        return vehicleKind;
    }

    public boolean isDemo() {
        return demo;
    }
}
