package org.sanlian.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OfficerRepository extends JpaRepository<Officer, String> {

    List<Officer> findByOrganisationCodeOrderByUserId(String organisationCode);
}
