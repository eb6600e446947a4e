package org.sanlian.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, String> {

    List<Organisation> findAllByOrderByCode();
}
