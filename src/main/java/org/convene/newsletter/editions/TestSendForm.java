package org.convene.newsletter.editions;

/** "Send a test": the addresses (one per line or separated by commas) and the language. */
public class TestSendForm {

    private String addresses = "";
    private String language = "en";

    public String getAddresses() { return addresses; }
    public void setAddresses(String addresses) { this.addresses = addresses; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
