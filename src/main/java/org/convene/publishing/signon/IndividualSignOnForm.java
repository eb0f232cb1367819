package org.convene.publishing.signon;

/** The sign-on form of a person adding their name. */
public class IndividualSignOnForm {

    private String name;
    private String affiliation;
    private String country;
    private String email;

    SignOn.IndividualSubmission toSubmission() {
        return new SignOn.IndividualSubmission(name, affiliation, country, email);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAffiliation() { return affiliation; }
    public void setAffiliation(String affiliation) { this.affiliation = affiliation; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
