package org.sanlian.document;

import org.sanlian.casefile.CaseArchiving;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** 归档 (Art. 47): when a case is archived, its file is checked and stored as a volume, inside the step's transaction. */
@Component
class ArchiveOnClosure {

    private final CaseArchives archives;

    ArchiveOnClosure(CaseArchives archives) {
        this.archives = archives;
    }

    @EventListener
    void on(CaseArchiving archiving) {
        archives.archive(archiving.caseNumber(), archiving.variables());
    }
}
