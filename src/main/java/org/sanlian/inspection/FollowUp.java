package org.sanlian.inspection;

/** What follows a failed item: a lead for the competent body, or an order to correct with a re-check. */
enum FollowUp {
    LEAD("移交案源"),
    CORRECTION("责令改正");

    private final String chineseName;

    FollowUp(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
