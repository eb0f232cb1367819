package org.convene.campaigns.footage;

/**
 * What a submitter says about their footage. {@code consent} is the consent statement (they own the
 * footage or may send it, the people shown agreed, the network may publish it with credit);
 * {@code actionId} the local action it was taken at, if any; {@code language} the language of the
 * confirmation mail (the page's when absent).
 */
record Submission(String caption, String place, String credit, Long actionId, String email, boolean consent, String language) {
}
