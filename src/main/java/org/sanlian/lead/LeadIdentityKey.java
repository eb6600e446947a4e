package org.sanlian.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes two registrations the same act in the shared lead pool: the party's credit code or ID number, or
 * the plate, each with the date of the act. The key is the primary key, so it can belong to one lead only.
 */
@Entity
@Table(name = "lead_identity_key")
public class LeadIdentityKey {

    @Id
    @Column(name = "identity_key")
    private String identityKey;

    @Column(name = "lead_id", nullable = false)
    private Long leadId;

    protected LeadIdentityKey() {
    }

    LeadIdentityKey(String identityKey, Long leadId) {
        this.identityKey = identityKey;
        this.leadId = leadId;
    }

    public String getIdentityKey() {
        return identityKey;
    }

    public Long getLeadId() {
        return leadId;
    }

    /** The keys of one registration; none without a date, since the same party or vehicle may act again. */
    static List<String> of(String partyIdNumber, String plateNumber, LocalDate occurredOn) {
        List<String> keys = new ArrayList<>();
        if (occurredOn == null) {
            return keys;
        }
        if (partyIdNumber != null) {
            keys.add("PARTY|" + partyIdNumber + "|" + occurredOn);
        }
        if (plateNumber != null) {
            keys.add("PLATE|" + plateNumber + "|" + occurredOn);
        }
        return keys;
    }
}
