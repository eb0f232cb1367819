package org.convene.publishing.signon;

/** The sign-on form of an organization that is not a member. */
public class OrganizationSignOnForm {

    private String name;
    private String country;
    private String website;
    private String contactName;
    private String email;

    SignOn.OrganizationSubmission toSubmission() {
        return new SignOn.OrganizationSubmission(name, country, website, contactName, email);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
