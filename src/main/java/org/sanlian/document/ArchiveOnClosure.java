package org.sanlian.document;

import org.sanlian.casefile.CaseArchiving;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 归档 (Art. 47): when a case is archived, its file is checked inside the step's transaction (an incomplete file
 * keeps the case unarchived), and the volume is assembled and stored once the step has committed (issue 16).
 */
@Component
class ArchiveOnClosure {

    private final CaseArchives archives;
    private final DocumentRenderQueue renders;

    ArchiveOnClosure(CaseArchives archives, DocumentRenderQueue renders) {
        this.archives = archives;
        this.renders = renders;
    }

    @EventListener
    void on(CaseArchiving archiving) {
        archives.requireComplete(archiving.caseNumber(), archiving.variables(), true, "caseNumber");
        renders.enqueueArchive(archiving.caseNumber(), "archiveCase", archiving.variables(), null);
    }
}
